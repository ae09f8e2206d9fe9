/**
 * Small inline forms for structured edits from the views. Each submits an EditIntent to the
 * store, which runs it through the lossless edit path and re-analyses at once.
 */
import { createContext, useContext, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useAppStoreApi } from '../../store/store-context';
import type { EditIntent } from '../../../../shared/edit/structured-edit';
import { HistoryToggle, useLaterRequests } from './history-toggle';

/** The open toggle's label: names the form's field for screen readers. */
const EditLabel = createContext('Value');

/**
 * A pencil button that swaps `children` for a form. The form's field takes focus when it opens,
 * and focus comes back to the button when it closes, so editing by keyboard never drops focus
 * on the page body.
 */
export function EditToggle({ label, field, testId, children }: {
  label: string;
  /** What is edited ("Authorization value"): the button's spoken name and the field's label. */
  field?: string;
  testId: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    button.current?.focus();
  }, [open]);
  const close = () => {
    refocus.current = true;
    setOpen(false);
  };
  const name = field ?? (label.replace(/^Edit ?/, '') || 'value');
  if (open) return <EditLabel.Provider value={name}>{children(close)}</EditLabel.Provider>;
  return (
    <button ref={button} type="button" className="chip edit-chip" onClick={() => setOpen(true)} data-testid={testId} title={label || `Edit ${name}`} aria-label={field ? `Edit ${field}` : undefined}>
      ✎ {label}
    </button>
  );
}

/** Escape cancels, Ctrl/Cmd+Enter applies (Enter alone is a new line in the text). */
function formKeys(apply: () => void, close: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
    else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) apply();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
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
  const label = useContext(EditLabel);
  const [value, setValue] = useState(initial);
  const apply = () => {
    if (value === initial) return;
    const intents = onApply(value);
    // Stop at the first failure: the store shows its reason in the edit bar.
    for (const it of intents) if (!store.getState().applyEdit(it)) return;
    onClose();
  };
  return (
    <div className="edit-form" data-testid={testId} onKeyDown={formKeys(apply, onClose)}>
      <textarea
        className={mono ? 'mono' : ''}
        rows={rows}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        data-testid={`${testId}-input`}
        spellCheck={false}
        autoFocus
        aria-label={label}
        title="Ctrl+Enter applies, Escape cancels"
      />
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
    if (newId === (id ?? '') && newArgs === args) return;
    // Arguments first: that edit works from the analysed events, which the rename would
    // leave describing an older text (the store refuses such a stale edit).
    const intents: EditIntent[] = [];
    if (newArgs !== args) intents.push({ kind: 'tool-args', interaction, slot, args: newArgs, history });
    if (id && newId !== id) intents.push({ kind: 'tool-id', from: id, to: newId });
    for (const it of intents) if (!store.getState().applyEdit(it)) return;
    onClose();
  };
  return (
    <div className="edit-form" data-testid="tool-call-edit" onKeyDown={formKeys(apply, onClose)}>
      {id ? (
        <label className="edit-row">id <input className="mono" value={newId} onChange={(e) => setNewId(e.target.value)} data-testid="tool-call-edit-id" /></label>
      ) : null}
      <textarea
        className="mono"
        rows={4}
        value={newArgs}
        onChange={(e) => setNewArgs(e.target.value)}
        data-testid="tool-call-edit-args"
        spellCheck={false}
        autoFocus
        aria-label="Arguments"
        title="Ctrl+Enter applies, Escape cancels"
      />
      <HistoryToggle count={later} checked={history} onChange={setHistory} />
      <div className="edit-form-actions">
        <button type="button" className="primary" onClick={apply} disabled={newId === (id ?? '') && newArgs === args} data-testid="tool-call-edit-apply">Apply</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </div>
  );
}
