/**
 * Small inline forms for structured edits from the views. Each submits an EditIntent to the
 * store, which runs it through the lossless edit path and re-analyses at once.
 */
import { useState, type ReactNode } from 'react';
import { useAppStoreApi } from '../../store/store-context';
import type { EditIntent } from '../../../../shared/edit/structured-edit';
import { HistoryToggle, useLaterRequests } from './history-toggle';

/** A pencil button that swaps `children` for a form. */
export function EditToggle({ label, testId, children }: { label: string; testId: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  if (open) return <>{children(() => setOpen(false))}</>;
  return (
    <button type="button" className="chip edit-chip" onClick={() => setOpen(true)} data-testid={testId} title={label}>
      ✎ {label}
    </button>
  );
}

/** One multi-line value; Apply turns it into intents (several when needed, e.g. id + args). */
export function TextEditForm({ initial, onApply, onClose, testId, rows = 4, mono = true, footer }: {
  initial: string;
  /** Shown above the buttons (options of the edit). */
  footer?: ReactNode;
  onApply: (value: string) => EditIntent[];
  onClose: () => void;
  testId: string;
  rows?: number;
  mono?: boolean;
}) {
  const store = useAppStoreApi();
  const [value, setValue] = useState(initial);
  const apply = () => {
    const intents = onApply(value);
    // Stop at the first failure: the store shows its reason in the edit bar.
    for (const it of intents) if (!store.getState().applyEdit(it)) return;
    onClose();
  };
  return (
    <div className="edit-form" data-testid={testId}>
      <textarea className={mono ? 'mono' : ''} rows={rows} value={value} onChange={(e) => setValue(e.target.value)} data-testid={`${testId}-input`} spellCheck={false} />
      {footer}
      <div className="edit-form-actions">
        <button type="button" className="primary" onClick={apply} disabled={value === initial} data-testid={`${testId}-apply`}>Apply</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </div>
  );
}

/** A tool call: id (renamed everywhere it is referenced) and arguments. */
export function ToolCallEditForm({ interaction, slot, id, args, onClose }: { interaction: number; slot: number; id: string | null; args: string; onClose: () => void }) {
  const store = useAppStoreApi();
  const [newId, setNewId] = useState(id ?? '');
  const [newArgs, setNewArgs] = useState(args);
  const later = useLaterRequests({ kind: 'tool-args', interaction, slot, args });
  const [history, setHistory] = useState(true);
  const apply = () => {
    // Arguments first: that edit works from the analysed events, which the rename would
    // leave describing an older text (the store refuses such a stale edit).
    const intents: EditIntent[] = [];
    if (newArgs !== args) intents.push({ kind: 'tool-args', interaction, slot, args: newArgs, history });
    if (id && newId !== id) intents.push({ kind: 'tool-id', from: id, to: newId });
    for (const it of intents) if (!store.getState().applyEdit(it)) return;
    onClose();
  };
  return (
    <div className="edit-form" data-testid="tool-call-edit">
      {id ? (
        <label className="edit-row">id <input className="mono" value={newId} onChange={(e) => setNewId(e.target.value)} data-testid="tool-call-edit-id" /></label>
      ) : null}
      <textarea className="mono" rows={4} value={newArgs} onChange={(e) => setNewArgs(e.target.value)} data-testid="tool-call-edit-args" spellCheck={false} />
      <HistoryToggle count={later} checked={history} onChange={setHistory} />
      <div className="edit-form-actions">
        <button type="button" className="primary" onClick={apply} disabled={newId === (id ?? '') && newArgs === args} data-testid="tool-call-edit-apply">Apply</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </div>
  );
}
