/**
 * Editor cursor → views: the interaction (and stream event) the cursor sits in becomes the
 * selected one, so switching back to Replay shows what was being edited.
 */
import type * as M from 'monaco-editor/editor';
import type { AppStore } from '../../store/types';
import { locateOffset } from '../../../../shared/edit/source-map';

export function followCursor(editor: M.editor.IStandaloneCodeEditor, store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const update = () => {
    timer = null;
    const s = store.getState();
    const model = editor.getModel();
    const pos = editor.getPosition();
    // Positions only mean something while the analysis is of the text on screen.
    if (s.doc.status !== 'ready' || !model || !pos || s.doc.text !== model.getValue()) return;
    const streams = s.doc.analysis.interactions.map((a) => a.stream);
    const at = locateOffset(s.doc.cassette, streams, s.doc.text, model.getOffsetAt(pos), pos.lineNumber);
    s.setCursorAt(at);
    if (!at) return;
    if (at.interaction !== s.interactionIndex) s.selectInteraction(at.interaction);
    if (at.event !== null) store.getState().seek(at.event);
  };
  const sub = editor.onDidChangeCursorPosition((e) => {
    // Our own jumps (source "api") come from the views: they already show the target.
    if (e.source === 'api') return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, 120);
  });
  return () => {
    if (timer) clearTimeout(timer);
    sub.dispose();
  };
}
