import { describe, expect, it } from 'vitest';
import type { IndexBatch } from '../../../shared/api/contract';
import { applyBatches, fromList, refKey, totalsOf } from '../../../renderer/src/features/library/library-model';
import { fakeApi, makeStore } from './library-store';
import { summary } from './summaries';

const batch = (over: Partial<IndexBatch>): IndexBatch => ({ upserted: [], removed: [], changed: [], progress: { done: 0, total: 0 }, ...over });

describe('applyBatches', () => {
  it('applies upserts and removals in arrival order', () => {
    const a = summary('a.yaml');
    const b = summary('b.yaml');
    const r = applyBatches(fromList([a]), [
      batch({ upserted: [b] }),
      batch({ removed: [{ rootId: 'r1', relPath: 'a.yaml' }] }),
      batch({ upserted: [{ ...b, interactions: 3 }], progress: { done: 2, total: 2 } }),
    ]);
    expect([...r.summaries.keys()]).toEqual([refKey(b)]);
    expect(r.summaries.get(refKey(b))!.interactions).toBe(3);
    expect(r.removed.has(refKey(a))).toBe(true);
    expect(r.progress).toEqual({ done: 2, total: 2 });
  });

  it('re-adding a removed file cancels the removal; removing cancels a change', () => {
    const a = summary('a.yaml');
    const r = applyBatches(fromList([a]), [
      batch({ removed: [a] }),
      batch({ upserted: [a] }),
      batch({ changed: [{ rootId: 'r1', relPath: 'b.yaml', revision: '2', changedInteractions: null }] }),
      batch({ removed: [{ rootId: 'r1', relPath: 'b.yaml' }] }),
    ]);
    expect(r.removed.has(refKey(a))).toBe(false);
    expect(r.summaries.has(refKey(a))).toBe(true);
    expect(r.changed.size).toBe(0);
  });

  it('does not mutate the previous map (React sees a new reference)', () => {
    const before = fromList([summary('a.yaml')]);
    const r = applyBatches(before, [batch({ upserted: [summary('b.yaml')] })]);
    expect(before.size).toBe(1);
    expect(r.summaries).not.toBe(before);
  });

  it('totals skip non-cassettes and keep reported and estimated apart', () => {
    const t = totalsOf([
      summary('a.yaml', { reportedUsd: 0.0002324, estimatedUsd: 0.0003, inputTokens: 154, outputTokens: 56 }),
      summary('b.yaml', { reportedUsd: null, estimatedUsd: null, kind: 'pending' }),
      summary('c.yaml', { kind: 'not-cassette', inputTokens: 999 }),
    ]);
    expect(t).toMatchObject({ files: 2, pending: 1, inputTokens: 164, reportedFiles: 1, estimatedFiles: 1 });
    expect(t.reportedUsd).toBeCloseTo(0.0002324, 12);
  });
});

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('library slice', () => {
  it('queues batches and applies them together on the next frame', async () => {
    const { api, emit } = fakeApi([summary('a.yaml')]);
    const { store, runFrame, frames } = makeStore(api);
    await store.getState().initLibrary();
    expect(store.getState().summaries.size).toBe(1);
    let renders = 0;
    store.subscribe((s, prev) => { if (s.summaries !== prev.summaries) renders++; });
    emit('indexChanged', batch({ upserted: [summary('b.yaml', { kind: 'pending' })] }));
    emit('indexChanged', batch({ upserted: [summary('b.yaml')] }));
    emit('indexChanged', batch({ upserted: [summary('c.yaml')], progress: { done: 3, total: 3 } }));
    expect(frames.length).toBe(1); // one frame scheduled for three batches
    expect(store.getState().summaries.size).toBe(1);
    runFrame();
    expect(renders).toBe(1);
    expect(store.getState().summaries.get(refKey(summary('b.yaml')))!.kind).toBe('cassette');
    expect(store.getState().progress).toEqual({ done: 3, total: 3 });
  });

  it('selects the initial selection once the index has it', async () => {
    const { api, emit, reads } = fakeApi([], { initialSelection: { rootId: 'r1', relPath: 'late.yaml' } });
    const { store, runFrame } = makeStore(api);
    await store.getState().initLibrary();
    expect(store.getState().selected).toBeNull();
    emit('indexChanged', batch({ upserted: [summary('late.yaml')] }));
    runFrame();
    await tick();
    expect(store.getState().selected).toEqual({ rootId: 'r1', relPath: 'late.yaml' });
    expect(reads).toEqual(['late.yaml']);
  });

  it('reloads the open file when it changes on disk and reports its deletion', async () => {
    const { api, emit, reads } = fakeApi([summary('a.yaml')]);
    const { store, runFrame } = makeStore(api);
    await store.getState().initLibrary();
    await store.getState().select({ rootId: 'r1', relPath: 'a.yaml' });
    expect(store.getState().doc.status).toBe('ready');
    emit('indexChanged', batch({ changed: [{ rootId: 'r1', relPath: 'a.yaml', revision: '2', changedInteractions: null }] }));
    runFrame();
    await tick();
    expect(reads).toEqual(['a.yaml', 'a.yaml']);
    emit('indexChanged', batch({ removed: [{ rootId: 'r1', relPath: 'a.yaml' }] }));
    runFrame();
    const doc = store.getState().doc;
    expect(doc.status === 'error' && doc.message).toMatch(/deleted/);
  });
});

describe('re-recorded files', () => {
  it('carry the interactions that changed, latest batch wins, removal forgets them', () => {
    const ref = { rootId: 'r1', relPath: 'a.yaml' };
    const r = applyBatches(fromList([summary('a.yaml')]), [
      batch({ changed: [{ ...ref, revision: '2', changedInteractions: [0] }] }),
      batch({ changed: [{ ...ref, revision: '3', changedInteractions: [1, 3] }] }),
      batch({ changed: [{ rootId: 'r1', relPath: 'b.yaml', revision: '2', changedInteractions: null }] }),
      batch({ removed: [{ rootId: 'r1', relPath: 'b.yaml' }] }),
    ]);
    expect(r.changedInteractions.get(refKey(ref))).toEqual([1, 3]);
    expect(r.changedInteractions.has(refKey({ rootId: 'r1', relPath: 'b.yaml' }))).toBe(false);
  });
});
