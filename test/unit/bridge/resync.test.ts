/**
 * After a reconnect the store re-lists and applies what changed while it was away, keeping the
 * selection and unsaved text. The pure pieces (state machine, backoff, resync diff) first.
 */
import { describe, expect, it } from 'vitest';
import type { CassetteRef, TapedeckApi, WorkspaceInfo } from '../../../shared/api/contract';
import type { CassetteSummary } from '../../../shared/model/summary';
import { backoffMs, nextConnectionState, type ConnectionApi, type ConnectionState } from '../../../renderer/bridge/connection';
import { BridgeError } from '../../../renderer/bridge/http-bridge';
import { resyncBatch } from '../../../renderer/src/features/connection/resync-diff';
import { fromList, refKey } from '../../../renderer/src/features/library/library-model';
import { makeStore as makeLibraryStore } from '../renderer/library-store';
import { summary } from '../renderer/summaries';

describe('connection state machine', () => {
  it('follows the stream and only a 401 ends it; ended is terminal', () => {
    const s: ConnectionState = 'connected';
    expect(nextConnectionState(s, { type: 'stream-error' })).toBe('reconnecting');
    expect(nextConnectionState('reconnecting', { type: 'probe', result: 'unreachable' })).toBe('reconnecting');
    // A reachable server is not yet a reopened stream.
    expect(nextConnectionState('reconnecting', { type: 'probe', result: 'ok' })).toBe('reconnecting');
    expect(nextConnectionState('reconnecting', { type: 'stream-open' })).toBe('connected');
    expect(nextConnectionState('reconnecting', { type: 'probe', result: 'unauthorized' })).toBe('ended');
    expect(nextConnectionState('connected', { type: 'probe', result: 'unauthorized' })).toBe('ended');
    for (const e of [{ type: 'stream-open' }, { type: 'stream-error' }, { type: 'probe', result: 'ok' }] as const) {
      expect(nextConnectionState('ended', e)).toBe('ended');
    }
  });

  it('backs off 250 ms doubling, capped at 4 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((a) => backoffMs(a))).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
  });
});

describe('resyncBatch', () => {
  const a = summary('a.yaml');
  const b = summary('b.yaml');
  it('adds new rows, removes vanished ones, marks rows whose size or mtime moved', () => {
    const r = resyncBatch(fromList([a, b]), [{ ...a, mtimeMs: 2 }, summary('c.yaml')], { complete: true, progress: { done: 2, total: 2 } });
    expect(r.upserted.map((s) => s.relPath)).toEqual(['a.yaml', 'c.yaml']);
    expect(r.removed).toEqual([{ rootId: 'r1', relPath: 'b.yaml' }]);
    expect(r.changed).toEqual([{ rootId: 'r1', relPath: 'a.yaml', revision: '100:2', changedInteractions: null }]);
  });

  it('removes nothing from a partial list (server still scanning) and keeps indexed rows over pending ones', () => {
    const r = resyncBatch(fromList([a, b]), [{ ...a, kind: 'pending', interactions: 0 }], { complete: false, progress: { done: 0, total: 2 } });
    expect(r.removed).toEqual([]);
    expect(r.upserted).toEqual([]);
    expect(r.changed).toEqual([]);
  });
});

/** A fake API whose list and disk the test changes while "disconnected". */
function fakeServer(initial: CassetteSummary[]) {
  const disk = new Map<string, string>([['a.yaml', 'version: 2\ninteractions: []\n']]);
  const state = {
    list: initial,
    workspace: { roots: [{ id: 'r1', path: '/x', name: 'x' }], initialSelection: null, indexing: false } as WorkspaceInfo,
    up: true,
    onList: null as (() => void) | null,
  };
  const listeners = new Map<string, (p: unknown) => void>();
  const watchers = new Set<(s: ConnectionState, prev: ConnectionState) => void>();
  let conn: ConnectionState = 'connected';
  const connection: ConnectionApi = {
    get: () => conn,
    subscribe: (fn) => (watchers.add(fn), () => watchers.delete(fn)),
    close: () => {},
  };
  const up = <T>(v: T): Promise<T> => (state.up ? Promise.resolve(v) : Promise.reject(new BridgeError('disconnected', 'Not connected to tapedeck serve (it stopped or is restarting).')));
  const api = {
    getWorkspace: () => up(state.workspace),
    listCassettes: () => {
      const list = state.list;
      state.onList?.();
      return up(list);
    },
    readCassette: (ref: CassetteRef) => up({ ...ref, content: disk.get(ref.relPath)!, encoding: 'utf8', revision: disk.get(ref.relPath)!, size: 1, mtimeMs: 1 }),
    saveCassette: () => up({ status: 'saved', revision: 'r', mtimeMs: 1, size: 1 }),
    on: (event: string, l: (p: unknown) => void) => (listeners.set(event, l), () => listeners.delete(event)),
  } as unknown as TapedeckApi;
  Object.defineProperty(api, 'connection', { value: connection, enumerable: false });
  const setConn = (next: ConnectionState) => {
    const prev = conn;
    conn = next;
    for (const w of watchers) w(next, prev);
  };
  return { api, state, disk, setConn, emit: (e: string, p: unknown) => listeners.get(e)!(p) };
}

const makeStore = (api: TapedeckApi) => makeLibraryStore(api, { immediateFrames: true }).store;

const settle = () => new Promise((r) => setTimeout(r, 10));
const A = { rootId: 'r1', relPath: 'a.yaml' };

describe('store resync on reconnect', () => {
  it('applies changes made while away; keeps the selection and the unsaved text; a save meanwhile fails clearly', async () => {
    const srv = fakeServer([summary('a.yaml'), summary('b.yaml')]);
    const store = makeStore(srv.api);
    await store.getState().initLibrary();
    store.getState().initConnection();
    await store.getState().select(A);
    store.getState().setText('version: 2\ninteractions: []\n# mine\n');
    expect(store.getState().editor.dirty).toBe(true);

    srv.state.up = false;
    srv.setConn('reconnecting');
    expect(store.getState().connection).toBe('reconnecting');
    await store.getState().save();
    expect(store.getState().editor.notice).toEqual({ kind: 'error', text: 'Save failed: Not connected to tapedeck serve (it stopped or is restarting).' });
    expect(store.getState().editor.dirty).toBe(true);

    // Meanwhile on disk: b deleted, c added, a changed by someone else.
    srv.state.list = [summary('a.yaml', { mtimeMs: 5, size: 120 }), summary('c.yaml')];
    srv.disk.set('a.yaml', 'version: 2\ninteractions: []\n# theirs\n');
    srv.state.up = true;
    srv.setConn('connected');
    await settle();

    const s = store.getState();
    expect(s.connection).toBe('connected');
    expect([...s.summaries.keys()].map((k) => k.split('\u0000')[1]).sort()).toEqual(['a.yaml', 'c.yaml']);
    expect(s.selected).toEqual(A);
    expect(s.editor.history.present).toBe('version: 2\ninteractions: []\n# mine\n');
    expect(s.editor.file.conflict?.text).toBe('version: 2\ninteractions: []\n# theirs\n');
    expect(s.rerecorded.has(refKey(A))).toBe(true);
  });

  it('a clean open file reloads; a partial list (server still indexing) removes nothing until the scan is done', async () => {
    const srv = fakeServer([summary('a.yaml'), summary('b.yaml')]);
    const store = makeStore(srv.api);
    await store.getState().initLibrary();
    store.getState().initConnection();
    await store.getState().select(A);
    srv.setConn('reconnecting');
    srv.disk.set('a.yaml', 'version: 2\ninteractions: []\n# new\n');
    srv.state.list = [summary('a.yaml', { mtimeMs: 9 })];
    srv.state.workspace = { ...srv.state.workspace, indexing: true };
    srv.setConn('connected');
    await settle();
    expect(store.getState().summaries.size).toBe(2);
    expect(store.getState().editor.history.present).toContain('# new');
    // The scan ends: b really is gone.
    srv.state.workspace = { ...srv.state.workspace, indexing: false };
    srv.emit('workspaceChanged', srv.state.workspace);
    await settle();
    expect([...store.getState().summaries.keys()]).toEqual([refKey(A)]);
  });

  it('a scan that ends while a resync is listing still gets its complete resync', async () => {
    const srv = fakeServer([summary('a.yaml'), summary('b.yaml')]);
    const store = makeStore(srv.api);
    await store.getState().initLibrary();
    store.getState().initConnection();
    srv.setConn('reconnecting');
    srv.state.list = [summary('a.yaml')];
    srv.state.workspace = { ...srv.state.workspace, indexing: true };
    srv.state.onList = () => {
      srv.state.onList = null;
      srv.state.workspace = { ...srv.state.workspace, indexing: false };
      srv.emit('workspaceChanged', srv.state.workspace);
    };
    srv.setConn('connected');
    await settle();
    expect([...store.getState().summaries.keys()]).toEqual([refKey(A)]);
    expect(store.getState().indexing).toBe(false);
  });

  it('without a connection API (Electron) the store stays connected', () => {
    const store = makeStore({ on: () => () => {} } as unknown as TapedeckApi);
    store.getState().initConnection();
    expect(store.getState().connection).toBe('connected');
  });
});
