/** Problems inside Monaco: markers for diagnostics and findings, quick fixes as code actions. */
import type * as M from 'monaco-editor/editor';
import type { AppState, AppStore } from '../../store/types';
import { fixIndexOf, problemsOf, toMarkers } from './markers';
import type { Monaco } from './monaco-loader';

const OWNER = 'tapedeck';
const FIX_COMMAND = 'tapedeck.applyLintFix';

// Code action providers and commands are global in Monaco; they act on the store of the
// editor that is mounted now (there is one at a time).
let activeStore: AppStore | null = null;
let installed = false;

export function installCodeActions(monaco: Monaco, store: AppStore): { dispose(): void } {
  activeStore = store;
  if (!installed) {
    installed = true;
    monaco.editor.registerCommand(FIX_COMMAND, (_acc: unknown, index: number) => void activeStore?.getState().applyFix(index));
    monaco.languages.registerCodeActionProvider('yaml', {
      provideCodeActions(_model, _range, context) {
        const actions: M.languages.CodeAction[] = [];
        const findings = activeStore?.getState().editor.findings ?? [];
        for (const mk of context.markers) {
          const idx = fixIndexOf(typeof mk.code === 'string' ? mk.code : mk.code?.value);
          const f = idx === null ? undefined : findings.find((x) => x.index === idx);
          if (!f?.fixTitle) continue;
          actions.push({ title: f.fixTitle, kind: 'quickfix', diagnostics: [mk], isPreferred: true, command: { id: FIX_COMMAND, title: f.fixTitle, arguments: [f.index] } });
        }
        return { actions, dispose() {} };
      },
    });
  }
  return {
    dispose() {
      if (activeStore === store) activeStore = null;
    },
  };
}

export function syncMarkers(monaco: Monaco, model: M.editor.ITextModel, store: AppStore): () => void {
  const apply = (s: AppState) => {
    const markers = toMarkers(problemsOf(s.editor.findings), (l) => model.getLineLength(l), model.getLineCount());
    monaco.editor.setModelMarkers(model, OWNER, markers);
  };
  apply(store.getState());
  return store.subscribe((s, prev) => {
    if (s.editor.findings !== prev.editor.findings) apply(s);
  });
}
