/**
 * Selection: which cassette is open, its parsed form (from the worker) and which interaction is
 * selected. A load token discards results of a previous selection that finish late.
 */
import { refKey } from '../features/library/library-model';
import { BODY_INDEX_LIMIT, displayText, fileBytes } from '../lib/file-bytes';
import type { SelectionSlice, SliceCreator } from './types';

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get, deps) => {
  let loadToken = 0;

  const load = async (keepInteraction: boolean) => {
    const ref = get().selected;
    if (!ref) return;
    const token = ++loadToken;
    if (!keepInteraction) set({ doc: { status: 'loading', ref }, replay: null });
    try {
      const file = await deps.api.readCassette(ref);
      const bytes = fileBytes(file);
      const text = displayText(file, bytes);
      const { cassette, analysis } = await deps.analyzer.analyze(ref.relPath, bytes);
      if (token !== loadToken) return;
      const bodyText = new Map(get().bodyText);
      bodyText.set(refKey(ref), text.slice(0, BODY_INDEX_LIMIT).toLowerCase());
      const prev = get().interactionIndex;
      set({ doc: { status: 'ready', ref, file, text, cassette, analysis }, bodyText });
      get().editorOpened(ref, file, text);
      const n = analysis.interactions.length;
      get().selectInteraction(keepInteraction && prev < n ? prev : 0);
      if (keepInteraction) get().refreshCompare();
      // A file that does not parse is only useful in the raw view, at the line that broke it.
      const firstError = cassette.diagnostics.find((d) => d.severity === 'error');
      if (!keepInteraction && firstError && n === 0) get().jumpToLine(firstError.line ?? 1, firstError.column);
    } catch (e) {
      if (token !== loadToken) return;
      set({ doc: { status: 'error', ref, message: (e as Error).message }, replay: null });
    }
  };

  return {
    selected: null,
    doc: { status: 'idle' },
    interactionIndex: 0,
    replay: null,

    async select(ref) {
      const cur = get().selected;
      // Picking a file (even the one already open behind a folder's dashboard) shows it.
      if (get().dashboardScope) set({ dashboardScope: null });
      if (cur && refKey(cur) === refKey(ref) && get().doc.status !== 'error') return;
      // Unsaved edits are never dropped silently: switching files asks first.
      const ed = get().editor;
      if (ed.dirty && deps.confirm && !deps.confirm(`Discard unsaved changes to ${ed.ref?.relPath ?? 'this file'}?`)) {
        set({ focusedKey: cur ? refKey(cur) : null });
        return;
      }
      // The re-recorded mark of the file we leave has been seen: clear it.
      if (cur) get().dismissRerecorded(refKey(cur));
      // A comparison is of the open file: another file ends it.
      get().closeCompare();
      set({ selected: ref, interactionIndex: 0, focusedKey: refKey(ref) });
      if (get().mainTab === 'raw' || get().mainTab === 'compare') set({ mainTab: 'replay' });
      await load(false);
    },

    reloadSelected: () => load(true),

    selectInteraction(i) {
      const doc = get().doc;
      if (doc.status !== 'ready') return;
      const n = doc.analysis.interactions.length;
      if (!n) {
        set({ interactionIndex: 0, replay: null });
        get().resetReplay(0, null);
        return;
      }
      const index = Math.min(n - 1, Math.max(0, i));
      const ia = doc.analysis.interactions[index];
      const replay = ia.stream ? deps.makeReplay(ia) : null;
      set({ interactionIndex: index, replay });
      get().resetReplay(replay?.length ?? 0, doc.cassette.interactions[index]?.durationMs ?? null);
    },
  };
};
