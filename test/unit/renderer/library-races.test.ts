/**
 * The first load of the library against events that overtake it. Over HTTP the page's calls
 * and its event stream travel on different connections, so on a busy machine an event can
 * arrive before the answer of a call made earlier, or the stream can open after the first scan
 * has ended. Each case here once left the sidebar saying "Indexing…" for good (seen in CI).
 */
import { describe, expect, it } from 'vitest';
import type { IndexBatch, WorkspaceInfo } from '../../../shared/api/contract';
import type { CassetteSummary } from '../../../shared/model/summary';
import { refKey } from '../../../renderer/src/features/library/library-model';
import { fakeApi, makeStore } from './library-store';
import { summary } from './summaries';

const batch = (over: Partial<IndexBatch>): IndexBatch => ({ upserted: [], removed: [], changed: [], progress: { done: 1, total: 1 }, ...over });
const ws = (indexing: boolean): WorkspaceInfo => ({ roots: [{ id: 'r1', path: '/tmp/x', name: 'x' }], initialSelection: null, indexing });
const tick = () => new Promise((r) => setTimeout(r, 0));

/** A promise the test settles by hand, so an answer can be made to arrive late. */
function later<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const pending = summary('a.yaml', { kind: 'pending' });
const done = summary('a.yaml');
const kindOfA = (s: { summaries: ReadonlyMap<string, CassetteSummary> }) => s.summaries.get(refKey(done))?.kind;

describe('library first load', () => {
  it('a batch that arrives and gets a frame during the list call still lands on top of the list', async () => {
    const { api, emit } = fakeApi([]);
    const list = later<CassetteSummary[]>();
    api.listCassettes = () => list.promise;
    const { store, runFrame } = makeStore(api);
    const loading = store.getState().initLibrary();
    await tick();
    emit('indexChanged', batch({ upserted: [done] })); // the scan finished a.yaml after the list was taken
    runFrame();
    list.resolve([pending]);
    await loading;
    runFrame();
    expect(kindOfA(store.getState())).toBe('cassette');
  });

  it('a workspace event that overtakes the getWorkspace answer is not undone by it', async () => {
    const { api, emit } = fakeApi([done]);
    const answer = later<WorkspaceInfo>();
    let calls = 0;
    // The first answer is late and stale; any later call sees the scan over, as the server would.
    api.getWorkspace = () => (++calls === 1 ? answer.promise : Promise.resolve(ws(false)));
    const { store } = makeStore(api);
    const loading = store.getState().initLibrary();
    emit('workspaceChanged', ws(false)); // the scan ended; the answer below was taken before
    answer.resolve(ws(true));
    await loading;
    expect(store.getState().indexing).toBe(false);
  });

  it('loaded while indexing, with the last batches unheard: "indexing: false" re-lists', async () => {
    const { api, emit } = fakeApi([]);
    let lists = 0;
    let indexing = true;
    api.getWorkspace = async () => ws(indexing);
    api.listCassettes = async () => (++lists === 1 ? [pending] : [done]);
    const { store, runFrame } = makeStore(api);
    await store.getState().initLibrary();
    expect(kindOfA(store.getState())).toBe('pending');
    // What an event stream that opened after the scan says first (the server sends the
    // workspace as it is when a stream opens); the batch that finished a.yaml was never heard.
    indexing = false;
    emit('workspaceChanged', ws(false));
    await tick();
    await tick();
    runFrame();
    expect(lists).toBe(2);
    expect(kindOfA(store.getState())).toBe('cassette');
    expect(store.getState().indexing).toBe(false);
  });

  it('a scan that ends during the first list call, its last batches unheard: re-lists at once', async () => {
    const { api, emit } = fakeApi([]);
    let lists = 0;
    let indexing = true;
    const first = later<CassetteSummary[]>();
    api.getWorkspace = async () => ws(indexing);
    api.listCassettes = () => (++lists === 1 ? first.promise : Promise.resolve([done]));
    const { store, runFrame } = makeStore(api);
    const loading = store.getState().initLibrary();
    await tick();
    indexing = false;
    emit('workspaceChanged', ws(false)); // the stream opened late and says the scan is over
    first.resolve([pending]); // taken before the scan ended
    await loading;
    runFrame();
    expect(lists).toBe(2);
    expect(kindOfA(store.getState())).toBe('cassette');
  });

  it('loaded after the scan: no second list', async () => {
    const { api, emit } = fakeApi([done]);
    let lists = 0;
    const list = api.listCassettes;
    api.listCassettes = (...a) => (lists++, list(...a));
    const { store } = makeStore(api);
    await store.getState().initLibrary();
    emit('workspaceChanged', ws(false));
    await tick();
    expect(lists).toBe(1);
  });
});
