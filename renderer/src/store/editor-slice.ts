/**
 * The editor: one history of texts (typing and structured edits), dirty/conflict state against
 * the disk, saves through the contract, and re-analysis so the views follow every edit.
 */
import { decodeCassetteFile } from '../../../shared/edit/cassette-file';
import { refKey } from '../features/library/library-model';
import { fileTransition, initFileState, isDirty } from '../features/editor/file-state';
import { canRedo, canUndo, initHistory, pushText, redo, undo } from '../features/editor/history';
import { sourcePos } from '../features/editor/goto';
import { applyIntent, type EditIntent } from '../../../shared/edit/structured-edit';
import { fileBytes } from '../lib/file-bytes';
import { createAnalysisRunner } from './editor-analysis';
import { saveEditor } from './editor-save';
import type { EditorSlice, EditorState, SliceCreator } from './types';

/** Keystrokes closer together than this are one undo step. */
const TYPING_BURST_MS = 1000;

export const emptyEditor: EditorState = {
  key: null,
  ref: null,
  history: initHistory(''),
  file: initFileState('', ''),
  dirty: false,
  gzip: false,
  bom: false,
  readOnly: null,
  findings: [],
  saving: false,
  invalid: null,
  readOnlyFile: null,
  diffOpen: false,
  notice: null,
  cursorAt: null,
};

/** Edits computed from the analysed events rather than from the text alone. */
const ANALYSIS_BASED = new Set<EditIntent['kind']>(['tool-args', 'response-text', 'event-data']);

export const createEditorSlice: SliceCreator<EditorSlice> = (set, get, deps) => {
  const patch = (p: Partial<EditorState>) => {
    const e = { ...get().editor, ...p };
    e.dirty = isDirty(e.file, e.history.present);
    set({ editor: e });
  };
  const runner = createAnalysisRunner(get, set, deps, (findings) => patch({ findings }));
  let lastTyping = 0;
  let burst = 0;

  /** Every text change goes through here: history, dirty flag, then (debounced) re-analysis. */
  const commitText = (history: EditorState['history'], immediate: boolean) => {
    patch({ history, invalid: null });
    runner.schedule(history.present, immediate);
  };

  return {
    editor: emptyEditor,

    initEditor() {
      // Native menu items (Electron only) arrive as contract events.
      deps.api.on('appCommand', (c) => {
        if (c.command === 'save') void get().save();
        else if (c.command === 'revert') get().revert();
        else if (c.command === 'shortcuts') get().setShortcutsOpen(true);
      });
    },

    editorOpened(ref, file, text) {
      const dec = file.encoding === 'base64' ? decodeCassetteFile(ref.relPath, fileBytes(file)) : { text, gzip: false, bom: file.content.charCodeAt(0) === 0xfeff };
      const readOnly = 'error' in dec ? `${dec.error}: shown read-only` : null;
      const t = 'error' in dec ? text : dec.text;
      const kept = { gzip: 'gzip' in dec && dec.gzip, bom: 'bom' in dec && !!dec.bom };
      set({ editor: { ...emptyEditor, key: refKey(ref), ref, history: initHistory(t), file: initFileState(t, file.revision), ...kept, readOnly } });
      runner.lintNow(t, readOnly ? fileBytes(file) : undefined);
    },

    setText(text, label = 'typing') {
      const e = get().editor;
      if (e.readOnly || text === e.history.present) return;
      const now = deps.now();
      if (label === 'typing' && now - lastTyping > TYPING_BURST_MS) burst++;
      if (label === 'typing') lastTyping = now;
      commitText(pushText(e.history, text, label === 'typing' ? `typing:${burst}` : label, label === 'typing'), false);
    },

    applyEdit(intent) {
      const e = get().editor;
      const doc = get().doc;
      if (e.readOnly) return false;
      // These intents rebuild events from the analysis the views show. Until it has caught up
      // with the text (typing is debounced; a big file takes seconds), it describes an older
      // text, and rebuilding from it would silently undo the edits made since.
      if (ANALYSIS_BASED.has(intent.kind) && doc.status === 'ready' && doc.text !== e.history.present) {
        patch({ notice: { kind: 'error', text: 'The views are still catching up with your last change; apply again in a moment' } });
        return false;
      }
      const analysis = doc.status === 'ready' ? doc.analysis : null;
      const r = applyIntent(e.history.present, intent, (i) => analysis?.interactions[i] ?? null);
      if (!r.ok) {
        patch({ notice: { kind: 'error', text: r.error } });
        return false;
      }
      burst++;
      patch({ notice: { kind: 'info', text: `${r.label} — unsaved (Ctrl+Z undoes)` } });
      commitText(pushText(e.history, r.text, r.label), true);
      return true;
    },

    async applyFix(index) {
      const e = get().editor;
      if (!deps.linter || !e.ref) return;
      try {
        const text = await deps.linter.fix(e.ref.relPath, e.history.present, index);
        if (get().editor.history.present !== e.history.present) return; // the text moved on meanwhile
        const title = e.findings.find((f) => f.index === index)?.fixTitle ?? 'Quick fix';
        commitText(pushText(e.history, text, title), true);
        patch({ notice: { kind: 'info', text: `${title} — unsaved` } });
      } catch (err) {
        patch({ notice: { kind: 'error', text: (err as Error).message } });
      }
    },

    undoEdit() {
      const h = get().editor.history;
      if (canUndo(h)) commitText(undo(h), true);
    },
    redoEdit() {
      const h = get().editor.history;
      if (canRedo(h)) commitText(redo(h), true);
    },

    save: (opts) => saveEditor(get, patch, deps, opts ?? {}),

    revert() {
      const e = get().editor;
      if (!e.dirty) return;
      // Undoable: a revert by mistake is one Ctrl+Z away.
      commitText(pushText(e.history, e.file.baseText, 'Revert'), true);
      patch({ notice: { kind: 'info', text: 'Reverted to the file on disk' } });
    },

    async onExternalChange() {
      const e = get().editor;
      if (!e.ref || !e.dirty) {
        // The disk text before the change, for the "changed" marks' link (prior-texts.ts). Kept
        // before reloading: the marks show now, and the comparison follows the reload.
        if (e.key) get().rememberPrior(e.key, e.file.baseText);
        await get().reloadSelected();
        return;
      }
      try {
        const file = await deps.api.readCassette(e.ref);
        const dec = decodeCassetteFile(e.ref.relPath, fileBytes(file));
        if ('error' in dec) throw new Error(dec.error);
        const cur = get().editor;
        const file2 = fileTransition(cur.file, { type: 'external-change', revision: file.revision, text: dec.text, current: cur.history.present });
        patch({ file: file2 });
      } catch (err) {
        patch({ notice: { kind: 'error', text: `The file changed on disk and could not be read: ${(err as Error).message}` } });
      }
    },

    resolveConflict(choice) {
      const e = get().editor;
      if (!e.file.conflict) return;
      const file = fileTransition(e.file, { type: choice === 'reload' ? 'reload' : 'keep-mine' });
      if (choice === 'reload') {
        // Still undoable: "discard mine" puts the disk's text on top of the history.
        patch({ file, diffOpen: false });
        commitText(pushText(e.history, file.baseText, 'Reload from disk'), true);
      } else patch({ file, notice: { kind: 'info', text: 'Keeping your version: saving will overwrite the file on disk' } });
    },

    setDiffOpen(diffOpen) {
      patch({ diffOpen });
      if (diffOpen) set({ mainTab: 'raw' });
    },
    dismissInvalid: () => patch({ invalid: null, readOnlyFile: null }),
    dismissNotice: () => patch({ notice: null }),
    setCursorAt: (cursorAt) => patch({ cursorAt }),

    gotoSource(t) {
      const doc = get().doc;
      if (doc.status !== 'ready') return;
      const p = sourcePos(doc.text, doc.cassette, doc.analysis, t);
      if (p) get().jumpToLine(p.line, p.column);
      else patch({ notice: { kind: 'error', text: 'No source position for that item' } });
    },
  };
};
