/**
 * Side-by-side comparison in Monaco's diff editor: left the file on disk (the external change,
 * or the last saved text), right mine. The margin arrows take the disk's side for one hunk;
 * every change on the right goes into the one history, so it is undoable like any edit.
 */
import { useEffect, useRef, useState } from 'react';
import { useAppStoreApi } from '../../store/store-context';
import { loadMonaco, monacoTheme } from './monaco-loader';
import { onThemeChange } from '../../lib/theme';

export function DiffView() {
  const store = useAppStoreApi();
  const host = useRef<HTMLDivElement>(null);
  const [err, setErr] = useState<string | null>(null);

  useEffect(() => {
    let dispose = () => {};
    let gone = false;
    loadMonaco().then((monaco) => {
      if (gone || !host.current) return;
      const e = store.getState().editor;
      const original = monaco.editor.createModel(e.file.conflict?.text ?? e.file.baseText, 'yaml');
      const modified = monaco.editor.createModel(e.history.present, 'yaml');
      const diff = monaco.editor.createDiffEditor(host.current, {
        theme: monacoTheme(),
        automaticLayout: true,
        renderSideBySide: true,
        originalEditable: false,
        renderMarginRevertIcon: true,
        fontSize: 12,
        fixedOverflowWidgets: true,
      });
      diff.setModel({ original, modified });
      // Open at the first change (it waits for the diff): a re-record may differ only at line 900.
      diff.revealFirstDiff();
      let applying = false;
      const sub = modified.onDidChangeContent(() => {
        if (!applying) store.getState().setText(modified.getValue(), 'Take from disk');
      });
      const unsub = store.subscribe((s, prev) => {
        if (s.editor.history.present !== prev.editor.history.present && s.editor.history.present !== modified.getValue()) {
          applying = true;
          modified.setValue(s.editor.history.present);
          applying = false;
        }
        const left = s.editor.file.conflict?.text ?? s.editor.file.baseText;
        if (left !== original.getValue()) original.setValue(left);
      });
      const offTheme = onThemeChange(() => monaco.editor.setTheme(monacoTheme()));
      dispose = () => {
        offTheme();
        sub.dispose();
        unsub();
        diff.dispose();
        original.dispose();
        modified.dispose();
      };
    }, (e: Error) => setErr(e.message));
    return () => {
      gone = true;
      dispose();
    };
  }, [store]);

  return (
    <div className="diff-view" data-testid="diff-view">
      <div className="diff-head">
        <span><b>On disk</b> <span className="muted">(read-only)</span></span>
        <span><b>Yours</b> <span className="muted">(the arrows in the middle take the disk's side of a hunk)</span></span>
        <button type="button" className="chip" onClick={() => store.getState().setDiffOpen(false)} data-testid="diff-close">Close comparison</button>
      </div>
      {err ? <div className="diag-error">{err}</div> : null}
      <div ref={host} className="monaco-host" />
    </div>
  );
}
