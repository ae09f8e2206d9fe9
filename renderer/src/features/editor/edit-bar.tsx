/**
 * Above the tabs while editing: unsaved state with save/revert/undo/redo, the external-change
 * banner (reload / keep mine / compare), the "save anyway?" prompt, and edit notices.
 */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { canRedo, canUndo } from './history';

export function EditBar() {
  const store = useAppStoreApi();
  const e = useAppStore(useShallow((s) => ({
    dirty: s.editor.dirty, conflict: s.editor.file.conflict, force: s.editor.file.force, saving: s.editor.saving,
    invalid: s.editor.invalid, readOnlyFile: s.editor.readOnlyFile, notice: s.editor.notice, history: s.editor.history, diffOpen: s.editor.diffOpen, gzip: s.editor.gzip,
  })));
  const st = () => store.getState();
  return (
    <>
      {/* Always mounted, so a screen reader hears "Saved", "… — unsaved" or a failure as it happens. */}
      <div className="sr-only" role="status" aria-live="polite" data-testid="edit-live">{e.notice?.text ?? ''}</div>
      {e.conflict ? (
        <div className="banner banner-warn" role="alert" data-testid="conflict-banner">
          <span><b>The file changed on disk</b> while you have unsaved edits.</span>
          <button type="button" onClick={() => st().resolveConflict('reload')} data-testid="conflict-reload">Reload (discard mine)</button>
          <button type="button" onClick={() => st().resolveConflict('keep-mine')} data-testid="conflict-keep">Keep mine</button>
          <button type="button" onClick={() => st().setDiffOpen(!e.diffOpen)} data-testid="conflict-compare">{e.diffOpen ? 'Hide comparison' : 'Compare'}</button>
        </div>
      ) : null}
      {e.invalid ? (
        <div className="banner banner-err" role="alertdialog" data-testid="invalid-prompt">
          <span>
            <b>The cassette would not parse</b>
            {e.invalid.line ? ` (line ${e.invalid.line}${e.invalid.column ? `, column ${e.invalid.column}` : ''})` : ''}: {e.invalid.message}
          </span>
          {e.invalid.line ? <button type="button" onClick={() => st().gotoSource({ kind: 'line', line: e.invalid!.line!, column: e.invalid!.column })}>Show</button> : null}
          <button type="button" onClick={() => void st().save({ allowInvalid: true })} data-testid="invalid-save-anyway">Save anyway</button>
          <button type="button" onClick={() => st().dismissInvalid()} data-testid="invalid-cancel">Cancel</button>
        </div>
      ) : null}
      {e.readOnlyFile ? (
        <div className="banner banner-err" role="alertdialog" data-testid="read-only-prompt">
          <span><b>Not saved: the file is read-only</b> ({e.readOnlyFile.message}) Saving anyway overwrites it and keeps it read-only.</span>
          <button type="button" onClick={() => void st().save({ overwriteReadOnly: true, allowInvalid: e.readOnlyFile!.allowInvalid })} data-testid="read-only-save-anyway">Save anyway</button>
          <button type="button" onClick={() => st().dismissInvalid()} data-testid="read-only-cancel">Cancel</button>
        </div>
      ) : null}
      {/* Also after undoing back to the saved text: Redo must stay reachable while there is something to redo. */}
      {e.dirty || e.notice || e.force || canRedo(e.history) ? (
        <div className="edit-bar" data-testid="edit-bar">
          {e.dirty ? <span className="dirty-flag" data-testid="dirty-flag">● Unsaved changes{e.gzip ? ' (saved gzipped)' : ''}</span> : null}
          {e.notice ? (
            <span className={`notice notice-${e.notice.kind}`} data-testid="edit-notice" onClick={() => st().dismissNotice()}>{e.notice.text}</span>
          ) : null}
          <span className="spacer" />
          <button type="button" disabled={!canUndo(e.history)} onClick={() => st().undoEdit()} title="Undo (Ctrl+Z)" data-testid="edit-undo">Undo</button>
          <button type="button" disabled={!canRedo(e.history)} onClick={() => st().redoEdit()} title="Redo (Ctrl+Shift+Z)" data-testid="edit-redo">Redo</button>
          {!e.conflict ? <button type="button" disabled={!e.dirty} onClick={() => st().setDiffOpen(!e.diffOpen)} data-testid="edit-compare">{e.diffOpen ? 'Hide changes' : 'Changes'}</button> : null}
          <button type="button" disabled={!e.dirty} onClick={() => st().revert()} data-testid="edit-revert">Revert</button>
          <button type="button" className="primary" disabled={(!e.dirty && !e.force) || e.saving} onClick={() => void st().save()} title="Save (Ctrl+S)" data-testid="edit-save">
            {e.saving ? 'Saving…' : e.force ? 'Save (overwrite)' : 'Save'}
          </button>
        </div>
      ) : null}
    </>
  );
}
