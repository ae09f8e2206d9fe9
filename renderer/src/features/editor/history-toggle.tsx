/**
 * "Also update N later requests": an edit of a response offers to carry over into the copies
 * that later requests keep in their message history (shared/edit/history-edit.ts). On by
 * default; shown only when there are copies.
 */
import { useMemo } from 'react';
import { laterCopies, laterRequestCount, type HistoryIntent } from '../../../../shared/edit/history-edit';
import { useAppStoreApi } from '../../store/store-context';

/** How many later requests carry the value `intent` edits, in the text as it is now. */
export function useLaterRequests(intent: HistoryIntent): number {
  const store = useAppStoreApi();
  const key = `${intent.kind}:${intent.interaction}:${intent.kind === 'tool-args' ? intent.slot : ''}`;
  return useMemo(() => {
    const s = store.getState();
    if (s.doc.status !== 'ready') return 0;
    const analysis = s.doc.analysis;
    return laterRequestCount(laterCopies(s.editor.history.present, intent, (i) => analysis.interactions[i] ?? null));
    // The count is taken when the form opens; the intent's value does not change it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, key]);
}

export function HistoryToggle({ count, checked, onChange }: { count: number; checked: boolean; onChange: (v: boolean) => void }) {
  if (count === 0) return null;
  return (
    <label className="edit-row history-toggle" data-testid="history-toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid="history-toggle-input" />
      also update {count} later request{count === 1 ? '' : 's'}
    </label>
  );
}
