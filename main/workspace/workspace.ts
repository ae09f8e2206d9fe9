/**
 * The workspace service: opened folders, their live index, and confined reads and saves.
 * Implements the workspace calls of shared/api/contract.ts; the lead's backend composes the
 * full Handlers table from this plus app-level calls.
 */
import { createHash } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import {
  ApiFailure,
  type CassetteRef,
  type EventName,
  type EventPayload,
  type Handlers,
  type WorkspaceInfo,
} from '../../shared/api/contract';
import { checkRelPath, isInside } from './confine';
import { readFileAt, saveFileAt } from './file-io';
import { readRevisionAt } from './git-revision';
import type { EnginePool } from './engine';
import { createEnginePool } from './pool';
import { readRecent, rememberRecent } from './recent';
import { RootIndex } from './root-index';
import { createGuardedSearch } from './guarded-search';

/** Files listed in one search answer: more than anyone reads in a sidebar. */
const MAX_FILES = 200;

function* searchable(roots: Iterable<RootIndex>) {
  for (const r of roots) for (const f of r.searchable()) yield { file: r.ref(f.relPath), docs: f.docs };
}

export interface WorkspaceOptions {
  configDir: string;
  workerCount?: number;
  cacheDir?: string;
  /**
   * Worker script override (.js, or a .ts entry bundled on the fly). Default: index-worker.js
   * next to the running bundle, else index-worker.ts next to this source file.
   */
  workerScript?: string | URL;
  /** Build the full-text search index while indexing (default true; the bench compares without). */
  search?: boolean;
  emit: <K extends EventName>(event: K, payload: EventPayload<K>) => void;
}

export interface Workspace
  extends Pick<
    Handlers,
    'getWorkspace' | 'openPath' | 'closeRoot' | 'getRecentFolders' | 'listCassettes' | 'readCassette' | 'saveCassette' | 'searchCassettes' | 'readGitRevision'
  > {
  /** Resolves when every scan, watcher burst and retry started so far has finished. */
  whenIndexed(): Promise<void>;
  /** Resolves once the background lint pass has counted every row indexed so far (after whenIndexed). */
  whenLinted(): Promise<void>;
  /** Resolves when every root's watcher is set up (events before that can be missed). */
  whenWatching(): Promise<void>;
  /** 'worker' or 'in-thread': which indexing path is in use. */
  indexMode(): Promise<'worker' | 'in-thread'>;
  close(): Promise<void>;
}

export function createWorkspace(opts: WorkspaceOptions): Workspace {
  const cacheDir = opts.cacheDir ?? join(opts.configDir, 'index-cache');
  const roots = new Map<string, RootIndex>();
  let initialSelection: CassetteRef | null = null;
  let poolPromise: Promise<EnginePool> | null = null;
  const pool = () => (poolPromise ??= createEnginePool(opts.workerCount, opts.workerScript));
  const search = createGuardedSearch({ workerScript: opts.workerScript });
  let recentWrites: Promise<unknown> = Promise.resolve();
  let scanning = 0;
  const indexing = tracker();
  const linting = tracker();
  const track = indexing.track;

  const info = (): WorkspaceInfo => ({
    roots: [...roots.values()].map((r) => ({ id: r.id, path: r.real, name: basename(r.real) || r.real })),
    initialSelection,
    indexing: scanning > 0,
  });

  const rootOf = (rootId: unknown): RootIndex => {
    const r = typeof rootId === 'string' ? roots.get(rootId) : undefined;
    if (!r) throw new ApiFailure('workspace.unknown-root', `No open folder with id ${String(rootId)}`);
    return r;
  };

  const openFolder = async (real: string): Promise<RootIndex> => {
    const existing = [...roots.values()].find((r) => r.real === real);
    if (existing) return existing;
    const id = createHash('sha1').update(real).digest('hex').slice(0, 12);
    const root = new RootIndex(id, real, { pool: pool(), cacheDir, track, trackLint: linting.track, search: opts.search, emit: (b) => opts.emit('indexChanged', b) });
    roots.set(id, root);
    scanning++;
    root.start();
    void root.scanned.finally(() => {
      scanning--;
      if (roots.get(id) === root) opts.emit('workspaceChanged', info());
    });
    return root;
  };

  return {
    getWorkspace: async () => info(),

    async openPath(path) {
      if (typeof path !== 'string' || path.trim() === '') throw new ApiFailure('path.invalid', 'A path is required.');
      if (path.includes('\0')) throw new ApiFailure('path.invalid', 'The path contains a NUL byte.');
      const abs = resolve(path);
      const st = await stat(abs).catch(() => null);
      if (!st) throw new ApiFailure('path.not-found', `No such file or folder: ${abs}`);
      let root: RootIndex;
      if (st.isDirectory()) {
        root = await openFolder(await realpath(abs));
      } else {
        const realFile = await realpath(abs);
        // A file inside an already open folder is selected there instead of opening its folder again.
        const holder = [...roots.values()].find((r) => isInside(r.real, realFile) && r.real !== realFile);
        root = holder ?? (await openFolder(await realpath(dirname(abs))));
        const rel = holder ? relative(holder.real, realFile).split(sep).join('/') : basename(abs);
        initialSelection = { rootId: root.id, relPath: checkRelPath(rel) };
      }
      // Not awaited: recent.json is fsynced, and that must not delay the first rows.
      const folder = root.real;
      recentWrites = recentWrites.then(() => rememberRecent(opts.configDir, folder)).catch(() => []);
      const result = info();
      opts.emit('workspaceChanged', result);
      return result;
    },

    async closeRoot(rootId) {
      const root = rootOf(rootId);
      roots.delete(root.id);
      const removed = root.listed().map((s) => root.ref(s.relPath));
      if (initialSelection?.rootId === root.id) initialSelection = null;
      await root.close();
      if (removed.length > 0)
        opts.emit('indexChanged', { upserted: [], removed, changed: [], progress: { done: 0, total: 0 } });
      const result = info();
      opts.emit('workspaceChanged', result);
      return result;
    },

    async getRecentFolders() {
      await recentWrites;
      return readRecent(opts.configDir);
    },

    async listCassettes() {
      const rows = [...roots.values()].flatMap((r) => r.listed());
      return rows.sort((a, b) => (a.rootId === b.rootId ? (a.relPath < b.relPath ? -1 : 1) : 0));
    },

    async readCassette(ref) {
      return readFileAt(rootOf(ref?.rootId), ref.relPath);
    },

    async saveCassette(req) {
      const root = rootOf(req?.rootId);
      return saveFileAt(root, req, await pool());
    },

    readGitRevision: (ref, rev) => readRevisionAt(rootOf(ref?.rootId), ref.relPath, rev),

    async searchCassettes(req) {
      if (typeof req?.pattern !== 'string') throw new ApiFailure('search.invalid', 'A search pattern is required.');
      const q = { pattern: req.pattern, caseSensitive: req.caseSensitive === true, wholeWord: req.wholeWord === true, regex: req.regex === true };
      return search.search(searchable(roots.values()), q, { maxFiles: MAX_FILES });
    },

    whenIndexed: indexing.whenIdle,

    async whenLinted() {
      // The lint pass is queued as each scan or burst ends, so wait for those first.
      await indexing.whenIdle();
      await linting.whenIdle();
    },

    async whenWatching() {
      await Promise.all([...roots.values()].map((r) => r.whenWatching()));
    },

    indexMode: async () => (await pool()).mode,

    async close() {
      const all = [...roots.values()];
      roots.clear();
      await Promise.all(all.map((r) => r.close()));
      if (poolPromise) await (await poolPromise).close();
      await search.close();
      await recentWrites;
      indexing.release();
      linting.release();
    },
  };
}

/** Counts outstanding work; `whenIdle` resolves once none is left (or on `release`, at close). */
function tracker() {
  let outstanding = 0;
  const waiters: (() => void)[] = [];
  const release = () => {
    for (const w of waiters.splice(0)) w();
  };
  return {
    track<T>(work: Promise<T>): Promise<T> {
      outstanding++;
      const done = () => {
        if (--outstanding === 0) release();
      };
      work.then(done, done);
      return work;
    },
    whenIdle: () =>
      new Promise<void>((res) => {
        if (outstanding === 0) res();
        else waiters.push(res);
      }),
    release,
  };
}
