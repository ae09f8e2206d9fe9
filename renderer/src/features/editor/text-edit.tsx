/**
 * "Edit text" on the assembled response: a textarea with the FINAL text (the view may show a
 * partial state at the cursor), applied as a `response-text` intent (see shared/edit/text-fragments.ts).
 */
import { useState } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { EditToggle, TextEditForm } from './edit-forms';
import { HistoryToggle, useLaterRequests } from './history-toggle';

export function ResponseTextEdit({ interaction }: { interaction: number }) {
  // Edits rewrite the text's own fragments; a response without text (only tool calls) has
  // none to rewrite, so there is nothing to offer.
  const hasText = useAppStore((s) => s.doc.status === 'ready' && !!s.doc.analysis.interactions[interaction]?.message?.text);
  if (!hasText) return null;
  return (
    <EditToggle label="Edit text" testId="text-edit-open">
      {(close) => <ResponseTextForm interaction={interaction} onClose={close} />}
    </EditToggle>
  );
}

function ResponseTextForm({ interaction, onClose }: { interaction: number; onClose: () => void }) {
  const store = useAppStoreApi();
  const later = useLaterRequests({ kind: 'response-text', interaction, text: '' });
  const [history, setHistory] = useState(true);
  const d = store.getState().doc;
  const text = d.status === 'ready' ? (d.analysis.interactions[interaction]?.message?.text ?? '') : '';
  const rows = Math.min(12, Math.max(3, text.split('\n').length + 1));
  return (
    <TextEditForm
      initial={text}
      rows={rows}
      mono={false}
      testId="text-edit"
      footer={<HistoryToggle count={later} checked={history} onChange={setHistory} />}
      onApply={(value) => [{ kind: 'response-text', interaction, text: value, history }]}
      onClose={onClose}
    />
  );
}
