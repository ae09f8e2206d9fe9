/**
 * The Raw tab: Monaco on the cassette text (lazy-loaded). The store owns the text and the
 * history; Monaco mirrors it. Typing flows Monaco → store, structured edits and undo/redo flow
 * store → Monaco as one minimal replacement (so only the touched lines change on screen).
 */
import { useEffect, useRef, useState } from 'react';
import type * as M from 'monaco-editor/editor';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import type { AppStore } from '../../store/types';
import { minimalReplace } from './history';
import { loadMonaco, monacoTheme, type Monaco } from './monaco-loader';
import { onThemeChange } from '../../lib/theme';
import { installCodeActions, syncMarkers } from './monaco-problems';
import { followCursor } from './follow-cursor';

export function RawView() {
  const store = useAppStoreApi();
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | string>('loading');
  const jump = useAppStore((s) => s.rawJump);
  const cursorAt = useAppStore((s) => s.editor.cursorAt);
  const readOnly = useAppStore((s) => s.editor.readOnly);
  const editorRef = useRef<{ monaco: Monaco; editor: M.editor.IStandaloneCodeEditor } | null>(null);

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    loadMonaco().then(
      (monaco) => {
        if (disposed || !host.current) return;
        const r = mountEditor(monaco, host.current, store);
        editorRef.current = { monaco, editor: r.editor };
        cleanup = r.dispose;
        setState('ready');
      },
      (e: Error) => !disposed && setState(`The editor failed to load: ${e.message}`),
    );
    return () => {
      disposed = true;
      editorRef.current = null;
      cleanup();
    };
  }, [store]);

  // Go to line (from the views, the Problems panel, or a broken file's first error).
  useEffect(() => {
    const m = editorRef.current;
    if (!m || !jump || state !== 'ready') return;
    const { editor, monaco } = m;
    const line = Math.min(jump.line, editor.getModel()?.getLineCount() ?? 1);
    editor.revealLineInCenter(line);
    editor.setPosition({ lineNumber: line, column: jump.column ?? 1 });
    const deco = editor.createDecorationsCollection([
      { range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: 'raw-jump-line' } },
    ]);
    // Monaco loads lazily: by the time it is ready the user may be typing elsewhere (quick
    // open, the search box). Do not take the focus from a dialog or a text field.
    if (!typingElsewhere(document.activeElement)) editor.focus();
    const t = setTimeout(() => deco.clear(), 2500);
    return () => {
      clearTimeout(t);
      deco.clear();
    };
  }, [jump, state]);

  return (
    <div className="raw-view" data-testid="raw-view">
      <div className="raw-status">
        {jump ? <span data-testid="raw-target-line" data-line={jump.line}>line {jump.line}</span> : null}
        {cursorAt ? (
          <span data-testid="raw-cursor-at">
            interaction #{cursorAt.interaction}
            {cursorAt.event !== null ? ` · event ${cursorAt.event + 1}` : ''}
          </span>
        ) : null}
        {readOnly ? <span className="diag-warning">{readOnly}</span> : null}
        {state !== 'ready' ? <span className="muted" data-testid="raw-loading">{state === 'loading' ? 'Loading editor…' : state}</span> : null}
      </div>
      <div ref={host} className="monaco-host" data-testid="monaco-host" />
    </div>
  );
}

function mountEditor(monaco: Monaco, el: HTMLElement, store: AppStore) {
  const s = store.getState();
  const model = monaco.editor.createModel(s.editor.history.present, 'yaml');
  const editor = monaco.editor.create(el, {
    model,
    theme: monacoTheme(),
    automaticLayout: true,
    fontSize: 12,
    minimap: { enabled: true, maxColumn: 80 },
    scrollBeyondLastLine: false,
    readOnly: !!s.editor.readOnly,
    wordWrap: 'off',
    renderWhitespace: 'selection',
    // Cassettes hold long one-line JSON bodies; tokenizing them all would stall the editor.
    maxTokenizationLineLength: 5000,
    // Hovers and the marker widget near the top line were clipped by the pane; a fixed layer
    // lets them overflow it.
    fixedOverflowWidgets: true,
  });
  let applying = false;

  const sub = model.onDidChangeContent(() => {
    if (!applying) store.getState().setText(model.getValue());
  });
  // Store → Monaco: undo/redo, structured edits, reloads.
  const unsub = store.subscribe((st, prev) => {
    if (st.editor.history.present === prev.editor.history.present) return;
    const cur = model.getValue();
    const r = minimalReplace(cur, st.editor.history.present);
    if (!r) return;
    const a = model.getPositionAt(r.start);
    const b = model.getPositionAt(r.end);
    applying = true;
    try {
      model.pushEditOperations([], [{ range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: r.insert }], () => null);
    } finally {
      applying = false;
    }
  });
  const unsubRo = store.subscribe((st, prev) => {
    if (st.editor.readOnly !== prev.editor.readOnly) editor.updateOptions({ readOnly: !!st.editor.readOnly });
  });

  // One history for everything: Monaco's own undo would not know about structured edits.
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => store.getState().undoEdit());
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () => store.getState().redoEdit());
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => store.getState().redoEdit());
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void store.getState().save());

  // Monaco's theme is global: one setTheme recolours this editor and any diff editor.
  const offTheme = onThemeChange(() => monaco.editor.setTheme(monacoTheme()));

  const codeActions = installCodeActions(monaco, store);
  const markers = syncMarkers(monaco, model, store);
  const cursor = followCursor(editor, store);

  return {
    editor,
    dispose() {
      offTheme();
      sub.dispose();
      unsub();
      unsubRo();
      codeActions.dispose();
      markers();
      cursor();
      editor.dispose();
      model.dispose();
    },
  };
}

function typingElsewhere(el: Element | null): boolean {
  if (!el || el.closest('[data-testid="raw-view"]')) return false;
  return !!el.closest('[aria-modal="true"]') || el.matches('input, textarea, select, [contenteditable="true"]');
}
