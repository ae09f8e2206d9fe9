/**
 * Compare: two versions of a cassette (or two cassettes, or two interactions) diffed with the
 * shared/diff model the CLI prints. Sides load through load-side.ts; a load token drops
 * results of a comparison the user has already replaced.
 */
import { diffAnalyzed, diffOnePair } from '../../../shared/diff/diff-cassettes';
import { loadSide } from '../features/compare/load-side';
import { withPrior } from '../features/compare/prior-texts';
import { refKey } from '../features/library/library-model';
import type { CompareRequest, CompareSide, CompareSlice } from './compare-types';
import type { SliceCreator } from './types';

const NO_PRIOR_NOTE = 'The text from before the re-recording is kept only for the file that is open when it changes, so this compares with HEAD.';

export const createCompareSlice: SliceCreator<CompareSlice> = (set, get, deps) => {
  let token = 0;

  const compute = (a: CompareSide, b: CompareSide, req: CompareRequest) => {
    const opts = { showVolatile: get().compareView.showVolatile };
    return req.interactions
      ? diffOnePair(a.cassette, a.analysis, req.interactions.a, b.cassette, b.analysis, req.interactions.b, opts)
      : diffAnalyzed(a.cassette, a.analysis, b.cassette, b.analysis, opts);
  };

  /** Same sides, diff computed again (an option changed, or one side was rebuilt). */
  const recompute = (patch: { a?: CompareSide; b?: CompareSide; request?: CompareRequest } = {}) => {
    const c = get().compare;
    if (c.status !== 'ready') return;
    const next = { ...c, ...patch };
    set({ compare: { ...next, diff: compute(next.a, next.b, next.request) } });
  };

  return {
    compare: { status: 'idle' },
    compareView: { showVolatile: false, raw: false, hideSame: true },
    comparePickerOpen: false,
    priorTexts: new Map(),
    gitProbe: null,

    async startCompare(request) {
      const t = ++token;
      set({ compare: { status: 'loading', request }, mainTab: 'compare', comparePickerOpen: false });
      try {
        const [a, b] = await Promise.all([loadSide(request.a, get(), deps), loadSide(request.b, get(), deps)]);
        if (t !== token) return;
        set({ compare: { status: 'ready', request, a, b, diff: compute(a, b, request) } });
        // The open file may have been reloaded while the other side loaded.
        get().refreshCompare();
      } catch (e) {
        if (t === token) set({ compare: { status: 'error', request, message: (e as Error).message } });
      }
    },

    reviewRerecording(focus) {
      const sel = get().selected;
      if (!sel) return Promise.resolve();
      if (get().priorTexts.has(refKey(sel))) return get().startCompare({ a: { kind: 'previous' }, b: { kind: 'current' }, focus });
      return get().startCompare({ a: { kind: 'git', rev: 'HEAD' }, b: { kind: 'current' }, focus, note: NO_PRIOR_NOTE });
    },

    refreshCompare() {
      const c = get().compare;
      if (c.status !== 'ready') return;
      const doc = get().doc;
      if (doc.status !== 'ready') return;
      const cur = (side: CompareSide): CompareSide | undefined =>
        side.source.kind === 'current' && (side.text !== doc.text || side.analysis !== doc.analysis)
          ? { ...side, label: get().editor.dirty ? 'with your unsaved edits' : 'on disk now', text: doc.text, cassette: doc.cassette, analysis: doc.analysis }
          : undefined;
      const a = cur(c.a);
      const b = cur(c.b);
      if (a || b) recompute({ a: a ?? c.a, b: b ?? c.b });
    },

    async probeGitHead() {
      const sel = get().selected;
      if (!sel) return;
      const key = refKey(sel);
      set({ gitProbe: { key, state: 'loading', detail: 'checking git…' } });
      try {
        const r = await deps.api.readGitRevision(sel, 'HEAD');
        if (get().gitProbe?.key !== key) return;
        const doc = get().doc;
        const same = r.status === 'ok' && r.encoding === 'utf8' && doc.status === 'ready' && r.content.replace(/^\uFEFF/, '') === doc.text;
        set({ gitProbe: r.status === 'ok' ? { key, state: 'ok', detail: `${r.commit.slice(0, 7)}${same ? ' · no changes' : ''}` } : { key, state: 'unavailable', detail: r.message } });
      } catch (e) {
        if (get().gitProbe?.key === key) set({ gitProbe: { key, state: 'unavailable', detail: (e as Error).message } });
      }
    },

    setCompareView(patch) {
      const before = get().compareView;
      set({ compareView: { ...before, ...patch } });
      if (patch.showVolatile !== undefined && patch.showVolatile !== before.showVolatile) recompute();
    },

    swapCompare() {
      const c = get().compare;
      if (c.status !== 'ready') return;
      const r = c.request;
      const request: CompareRequest = { ...r, a: r.b, b: r.a, interactions: r.interactions && { a: r.interactions.b, b: r.interactions.a }, focus: undefined };
      recompute({ a: c.b, b: c.a, request });
    },

    closeCompare() {
      token++;
      set({ compare: { status: 'idle' }, comparePickerOpen: false, ...(get().mainTab === 'compare' ? { mainTab: 'replay' as const } : {}) });
    },

    setComparePicker: (comparePickerOpen) => set({ comparePickerOpen }),
    rememberPrior: (key, text) => set({ priorTexts: withPrior(get().priorTexts, key, text) }),
  };
};
