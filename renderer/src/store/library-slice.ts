/**
 * Library: the folder index. `indexChanged` batches can arrive faster than the screen refreshes
 * during a first scan of thousands of files, so they are queued and applied together at most
 * once per animation frame (one map copy, one sidebar render).
 */
import type { IndexBatch, WorkspaceInfo } from '../../../shared/api/contract';
import { applyBatches, fromList, refKey } from '../features/library/library-model';
import { emptyFilters } from '../features/library/filter';
import { resyncBatch } from '../features/connection/resync-diff';
import type { BatchResult } from '../features/library/library-model';
import type { LibrarySlice, SliceCreator } from './types';

function mergeRerecorded(current: ReadonlyMap<string, number[] | null>, r: BatchResult): ReadonlyMap<string, number[] | null> {
  if (!r.changedInteractions.size && ![...r.removed].some((k) => current.has(k))) return current;
  const next = new Map(current);
  for (const [k, v] of r.changedInteractions) next.set(k, v);
  for (const k of r.removed) next.delete(k);
  return next;
}

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get, deps) => {
  let queue: IndexBatch[] = [];
  let scheduled = false;
  // While a resync's list call runs, live batches wait: they are newer than the old index.
  let holding = false;
  let resyncing: Promise<void> | null = null;
  let resyncAgain = false;
  // A resync during a server's first scan saw a partial list: redo it once the scan is done.
  let resyncWhenIndexed = false;

  const flush = () => {
    scheduled = false;
    if (holding || !queue.length) return;
    const batches = queue;
    queue = [];
    const r = applyBatches(get().summaries, batches);
    set({ summaries: r.summaries, rerecorded: mergeRerecorded(get().rerecorded, r), ...(r.progress ? { progress: r.progress } : {}) });
    const sel = get().selected;
    if (sel) {
      const k = refKey(sel);
      if (r.removed.has(k) && get().editor.dirty)
        set({ editor: { ...get().editor, notice: { kind: 'error', text: 'This file was deleted on disk: your unsaved text is still here (copy it, or save to write it again).' } } });
      else if (r.removed.has(k)) set({ doc: { status: 'error', ref: sel, message: 'This file was deleted on disk.' }, replay: null });
      // Changed on disk: reload when clean, a conflict banner when there are unsaved edits.
      else if (r.changed.has(k)) void get().onExternalChange();
    }
    selectInitialIfIndexed();
  };

  const selectInitialIfIndexed = () => {
    const want = get().pendingInitial;
    if (!want || !get().summaries.has(refKey(want))) return;
    set({ pendingInitial: null, focusedKey: refKey(want) });
    void get().select(want);
  };

  const applyWorkspace = (w: WorkspaceInfo) => set({ roots: w.roots, indexing: w.indexing });
  // workspaceChanged events seen so far: a getWorkspace answer that arrives after an event may
  // be older than it (the two travel on different connections), and must not undo it.
  let workspaceEvents = 0;
  const loadWorkspace = async () => {
    const seen = workspaceEvents;
    const w = await deps.api.getWorkspace();
    if (workspaceEvents === seen) applyWorkspace(w);
    return w;
  };
  const onWorkspaceChanged = (w: WorkspaceInfo) => {
    workspaceEvents++;
    applyWorkspace(w);
    // Also while a resync runs: its getWorkspace may have said "indexing" just before this.
    if (!w.indexing && (resyncWhenIndexed || resyncing)) {
      resyncWhenIndexed = false;
      void get().resyncLibrary();
    }
  };

  /** Re-lists after a reconnect; the difference goes through the queue like any live batch. */
  const resync = async () => {
    holding = true;
    try {
      const w = await loadWorkspace();
      const list = await deps.api.listCassettes();
      resyncWhenIndexed = get().indexing;
      const progress = get().progress ?? { done: list.length, total: list.length };
      queue.unshift(resyncBatch(get().summaries, list, { complete: !get().indexing, progress }));
      // The first load failed (the server was already gone): this is the first load.
      if (get().libraryStatus !== 'ready') set({ libraryStatus: 'ready', libraryError: null, pendingInitial: w.initialSelection });
    } catch {
      // Lost again: the next reconnect resyncs; the index we have stays on screen meanwhile.
    } finally {
      holding = false;
      flush();
    }
  };

  return {
    roots: [],
    indexing: false,
    libraryStatus: 'connecting',
    libraryError: null,
    summaries: new Map(),
    progress: null,
    filters: emptyFilters,
    collapsed: new Set(),
    focusedKey: null,
    bodyText: new Map(),
    pendingInitial: null,
    rerecorded: new Map(),

    dismissRerecorded(key) {
      if (!get().rerecorded.has(key)) return;
      const next = new Map(get().rerecorded);
      next.delete(key);
      set({ rerecorded: next });
    },

    async initLibrary() {
      // Subscribe before listing so no batch falls between the list and the subscription.
      deps.api.on('indexChanged', (b) => get().enqueueBatch(b));
      deps.api.on('workspaceChanged', onWorkspaceChanged);
      // Batches that arrive during the list call wait, then go on top of the list: applied
      // before it, they would be overwritten by it (and a file's finished row lost for good).
      holding = true;
      let relistNow = false;
      try {
        const w = await loadWorkspace();
        const list = await deps.api.listCassettes();
        set({ summaries: fromList(list), libraryStatus: 'ready', pendingInitial: w.initialSelection });
        // A list taken during the first scan may be partial, and over HTTP the batches that
        // complete it can be lost: the event stream may open only after they were sent (it
        // opens with the workspace as it is). So re-list once the scan is known to be over:
        // when it says so, or now if it already has.
        if (get().indexing) resyncWhenIndexed = true;
        else relistNow = w.indexing;
      } catch (e) {
        set({ libraryStatus: 'error', libraryError: (e as Error).message });
      } finally {
        holding = false;
        flush();
        selectInitialIfIndexed();
      }
      if (relistNow) await get().resyncLibrary();
    },

    resyncLibrary() {
      // One at a time; a request during a run runs once more after it (it may know more).
      if (resyncing) {
        resyncAgain = true;
        return resyncing;
      }
      const run = async () => {
        do {
          resyncAgain = false;
          await resync();
        } while (resyncAgain);
      };
      resyncing = run().finally(() => (resyncing = null));
      return resyncing;
    },

    enqueueBatch(batch) {
      queue.push(batch);
      if (scheduled) return;
      scheduled = true;
      deps.frame(flush);
    },

    setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),

    toggleFolder(key) {
      const next = new Set(get().collapsed);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      set({ collapsed: next });
    },

    setFocused: (focusedKey) => set({ focusedKey }),
  };
};
