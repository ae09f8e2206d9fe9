/**
 * Full-text search over every open folder (the backend's index, through searchCassettes), and
 * opening a hit: the file, the interaction and the first stream event carrying the match, or
 * the Raw tab at the header's line.
 */
import type { CassetteRef } from '../../../shared/api/contract';
import type { SearchHit } from '../../../shared/search/query';
import type { SearchSlice, SliceCreator } from './types';

/** Shorter patterns would match nearly everything; the file filter still narrows the tree. */
export const MIN_PATTERN = 2;

export const createSearchSlice: SliceCreator<SearchSlice> = (set, get, deps) => {
  let seq = 0;
  return {
    textSearch: { options: { caseSensitive: false, wholeWord: false, regex: false }, pattern: '', result: null, running: false, failed: null },

    setSearchOptions(patch) {
      const s = get().textSearch;
      set({ textSearch: { ...s, options: { ...s.options, ...patch } } });
    },

    async runTextSearch(pattern) {
      const mine = ++seq;
      const s = get().textSearch;
      if (pattern.trim().length < MIN_PATTERN) {
        set({ textSearch: { ...s, pattern, result: null, running: false, failed: null } });
        return;
      }
      set({ textSearch: { ...s, pattern, running: true } });
      try {
        const result = await deps.api.searchCassettes({ pattern, ...s.options });
        if (mine === seq) set({ textSearch: { ...get().textSearch, result, running: false, failed: null } });
      } catch (e) {
        if (mine === seq) set({ textSearch: { ...get().textSearch, result: null, running: false, failed: (e as Error).message } });
      }
    },

    async openSearchHit(ref: CassetteRef, interaction: number, hit: SearchHit) {
      await get().select(ref);
      const s = get();
      if (s.doc.status !== 'ready' || s.doc.ref.relPath !== ref.relPath || s.doc.ref.rootId !== ref.rootId) return;
      s.selectInteraction(interaction);
      if (hit.line !== null) {
        const it = s.doc.cassette.interactions[interaction];
        const headers = hit.field === 'request-header' ? it?.request.headers : it?.response.headers;
        const at = headers?.[hit.line]?.range?.start;
        if (at) return s.jumpToLine(at.line, at.column);
      }
      s.setTab('replay');
      if (hit.event !== null) get().seek(hit.event);
    },
  };
};
