/**
 * The index of one opened folder: the first scan (cache hits at once, pending rows from the
 * walk, parsed rows streaming in from the pool), then watcher bursts. Bursts, saves and the
 * scan run one at a time through `serial`, so a burst never races the scan it follows.
 */
import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CassetteRef, IndexBatch } from '../../shared/api/contract';
import type { CassetteSummary } from '../../shared/model/summary';
import type { InteractionDoc } from '../../shared/search/doc';
import { isStrictlyUnder, type FileChange } from '../../shared/workspace/coalesce';
import { failedSummary, hasCassetteExtension, pendingSummary } from '../../shared/workspace/summarize';
import { Batcher } from './batcher';
import { isInside } from './confine';
import { LintPass } from './lint-pass';
import { loadCache, saveCache } from './cache';
import type { EngineResult, EnginePool, IndexResult } from './engine';
import { RootRows, type FileEntry } from './root-rows';
import { walk, type ScannedFile } from './scan';
import { watchRoot, type RootWatcher } from './watcher';

export interface RootDeps {
  pool: Promise<EnginePool>;
  cacheDir: string;
  emit(batch: IndexBatch): void;
  /** Build full-text search documents while indexing (default true; the bench turns it off to compare). */
  search?: boolean;
  /** Counts outstanding work for whenIndexed(). */
  track<T>(work: Promise<T>): Promise<T>;
  /** Counts outstanding background lint for whenLinted(). */
  trackLint<T>(work: Promise<T>): Promise<T>;
}

/**
 * A file that fails to parse (or stops being a cassette) right after a change may be
 * half-written: the watcher does not wait for writes to settle, so look again later.
 */
const RETRY_DELAYS_MS = [150, 400, 1000];
/**
 * The summary cache is saved once changes have been quiet this long (at most CACHE_SAVE_MAX_MS
 * after the first unsaved one). Writing it (the search documents make it tens of MB of JSON)
 * holds the main thread for a few hundred ms here: saving every second while a test run
 * re-records files delayed the rows of the files that changed meanwhile.
 */
const CACHE_SAVE_QUIET_MS = 2000;
const CACHE_SAVE_MAX_MS = 15_000;
/** How long files found before the summary cache is loaded wait for it before showing as pending. */
const BACKLOG_WAIT_MS = 50;
/** Longer than the watcher's quiet window plus the first retries of a half-written file. */
const VERIFY_DELAY_MS = 600;
/**
 * Whether `res` may be a file caught mid-write: it has an error, or it is no cassette where a
 * cassette was (or nothing was yet: a new file is often read while still empty). A file that
 * was already broken, or never a cassette, shows its new state at once.
 */
function maybeHalfWritten(res: EngineResult, prev: { summary: CassetteSummary } | null): boolean {
  if (res.kind !== 'indexed') return false;
  const s = res.summary;
  if (s.diagnostics.error > 0) return !prev || prev.summary.diagnostics.error === 0;
  return s.format === null && (!prev || prev.summary.format !== null);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RootIndex {
  private readonly rows: RootRows;
  private watcher: RootWatcher | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private cacheTimer: NodeJS.Timeout | null = null;
  /** When the oldest change not yet in the saved cache was made. */
  private unsavedSince = 0;
  private saving: Promise<void> | null = null;
  private closed = false;
  scanned: Promise<void> = Promise.resolve();
  private watchStarted: Promise<void> = Promise.resolve();
  private readonly lint: LintPass;

  constructor(
    readonly id: string,
    readonly real: string,
    private readonly deps: RootDeps,
  ) {
    this.rows = new RootRows(id);
    this.lint = new LintPass({
      rows: this.rows,
      pool: deps.pool,
      real,
      emit: deps.emit,
      trackLint: deps.trackLint,
      abs: (rel) => this.abs(rel),
      ref: (rel) => this.ref(rel),
      changed: () => this.scheduleCacheSave(),
    });
  }

  start(): void {
    this.scanned = this.deps.track(this.serial(() => this.scan()));
    // chokidar's initial crawl (an lstat and a watch per file, on the main thread) took a
    // fifth of the CPU the index workers need on a 2-core machine, so it starts once the
    // first scan is done; the reconciling rescan once it is ready picks up anything that
    // appeared, changed or vanished meanwhile.
    const settled = this.scanned.then(
      () => {},
      () => {},
    );
    this.watchStarted = settled.then(() => {
      if (this.closed) return;
      this.watcher = watchRoot(this.real, (changes) => {
        if (!this.closed) void this.deps.track(this.serial(() => this.applyBurst(changes)));
      });
      void this.watcher.ready.then(() => {
        if (!this.closed) void this.serial(() => this.applyBurst([{ type: 'changed', path: '', dir: true }], false));
      });
    });
  }

  /** Resolves once the watcher has set up its watches (tests wait for this). */
  async whenWatching(): Promise<void> {
    await this.watchStarted;
    await this.watcher?.ready;
  }

  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => {});
    return run;
  }

  listed(): CassetteSummary[] {
    return this.rows.listed();
  }

  /** Listed files with their search documents. */
  searchable(): Iterable<{ relPath: string; docs: InteractionDoc[] }> {
    return this.rows.searchable();
  }

  ref(relPath: string): CassetteRef {
    return this.rows.ref(relPath);
  }

  /** Records a file we just wrote ourselves, so the watcher's echo finds nothing new. */
  recordSaved(relPath: string, entry: FileEntry): void {
    this.rows.bump(relPath);
    const batch = new Batcher(this.deps.emit);
    this.rows.set(relPath, entry, batch);
    batch.progress = { done: 1, total: 1 };
    batch.flush();
    this.scheduleCacheSave();
    this.lint.schedule();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.lint.close();
    await this.watcher?.close();
    await this.queue;
    if (this.cacheTimer) {
      clearTimeout(this.cacheTimer);
      this.cacheTimer = null;
      await this.saveCacheNow();
    }
    // A save the timer already started must land too: the next open reads the file.
    await this.saving;
  }

  private async scan(): Promise<void> {
    // The walk does not wait for the pool and cache: the first rows (pending ones) go out
    // while the worker script is still being located (or bundled, under vitest).
    const ready = this.deps.pool.then(async (pool) => ({ pool, cache: await loadCache(this.deps.cacheDir, this.real, pool.engineId) }));
    let state: Awaited<typeof ready> | null = null;
    void ready.then((s) => (state = s), () => {});
    const batch = new Batcher(this.deps.emit);
    const jobs: Promise<void>[] = [];
    const backlog: ScannedFile[] = [];
    let hits = 0;
    const handle = (f: ScannedFile, { pool, cache }: Awaited<typeof ready>) => {
      const c = cache.get(f.relPath) ?? null;
      if (c && c.size === f.size && c.mtimeMs === f.mtimeMs) {
        this.rows.set(f.relPath, { ...c, docs: c.docs ?? [], summary: { ...c.summary, rootId: this.id, relPath: f.relPath } }, batch);
        batch.progress.done++;
        hits++;
        return;
      }
      if (!this.rows.entries.has(f.relPath)) this.setPending(f, batch);
      jobs.push(
        this.index(pool, f.relPath, c?.hash ?? null, f.size).then((res) => {
          this.rows.applyResult(f.relPath, res, c, batch, false);
          batch.progress.done++;
          batch.schedule();
        }),
      );
    };
    // Files found before the cache is loaded wait a moment for it: a reopen then shows its
    // cached rows at once instead of flashing every file as pending. Only if the pool and
    // cache are slow (the worker bundled on the fly under vitest) do pending rows go out first.
    let showPending = false;
    const pendingTimer = setTimeout(() => {
      showPending = true;
      for (const f of backlog) this.setPending(f, batch);
      batch.schedule();
    }, BACKLOG_WAIT_MS);
    pendingTimer.unref();
    await walk(this.real, '', (files) => {
      batch.progress.total += files.length;
      const s = state;
      if (s) for (const f of files) handle(f, s);
      else
        for (const f of files) {
          if (showPending) this.setPending(f, batch);
          backlog.push(f);
        }
      batch.schedule();
    }, { removeLeftovers: true });
    const s = await ready.finally(() => clearTimeout(pendingTimer));
    for (const f of backlog.splice(0)) handle(f, s);
    batch.schedule();
    await Promise.all(jobs);
    batch.flush();
    // A reopen that found every file as cached has nothing new to write (the file is MBs).
    if (jobs.length > 0 || hits !== s.cache.size) this.scheduleCacheSave();
    this.lint.schedule();
  }

  private setPending(f: ScannedFile, batch: Batcher): void {
    const summary = pendingSummary(this.ref(f.relPath), f);
    this.rows.set(f.relPath, { summary, size: f.size, mtimeMs: f.mtimeMs, hash: null, fingerprints: null, docs: [] }, batch);
  }

  private async applyBurst(changes: FileChange[], verify = true): Promise<void> {
    if (this.closed) return;
    const pool = await this.deps.pool;
    const batch = new Batcher(this.deps.emit);
    const targets = new Set<string>();
    const rescanned: string[] = [];
    for (const c of changes) {
      const nowDir = c.dir ? await stat(this.abs(c.path)).then((s) => s.isDirectory(), () => false) : false;
      if (c.type === 'deleted' && !c.dir) {
        targets.add(c.path); // reindex() drops it if it is really gone (not just mid-rename)
      } else if (c.type === 'deleted' && !nowDir) {
        this.rows.deleteTree(c.path, batch);
      } else if (c.dir) {
        // A directory appeared or was replaced: rescan it, and drop rows for what is gone.
        const seen = new Set<string>();
        await walk(this.real, c.path, (files) => files.forEach((f) => seen.add(f.relPath)));
        if (hasCassetteExtension(c.path)) seen.add(c.path);
        for (const rel of [...this.rows.entries.keys()])
          if ((rel === c.path || isStrictlyUnder(rel, c.path)) && !seen.has(rel)) this.rows.delete(rel, batch);
        seen.forEach((rel) => targets.add(rel));
        rescanned.push(...seen);
      } else targets.add(c.path);
    }
    if (verify) this.verifyLater(rescanned, VERIFY_DELAY_MS, true);
    await Promise.all([...targets].map((rel) => this.reindex(pool, rel, batch)));
    batch.progress = { done: targets.size, total: targets.size };
    batch.flush();
    this.scheduleCacheSave();
    this.lint.schedule();
  }

  /**
   * Our own walk of a new folder can see a file before chokidar does (it waits for writes to
   * settle); if the file is deleted in that window chokidar reports nothing, so check those
   * files again a little later. Also run once when the watcher is ready, for files deleted
   * between our first walk and chokidar's.
   */
  private verifyLater(paths: string[], delayMs: number, tracked: boolean): void {
    if (paths.length === 0) return;
    const changes: FileChange[] = paths.map((path) => ({ type: 'changed', path, dir: false }));
    const work = sleep(delayMs).then(() => (this.closed ? undefined : this.serial(() => this.applyBurst(changes))));
    if (tracked) void this.deps.track(work);
  }

  private async reindex(pool: EnginePool, rel: string, batch: Batcher): Promise<void> {
    const prev = this.rows.entries.get(rel) ?? null;
    const st = await stat(this.abs(rel)).catch(() => null);
    if (!st?.isFile()) return this.rows.delete(rel, batch);
    // Same rule as the walk: never index through a symlink that leaves the root.
    const real = await realpath(this.abs(rel)).catch(() => null);
    if (!real || !isInside(this.real, real)) return this.rows.delete(rel, batch);
    // Unchanged since we last looked: typically the echo of our own save.
    if (prev?.hash && prev.size === st.size && prev.mtimeMs === st.mtimeMs) return;
    const gen = this.rows.bump(rel);
    // The size is the pool's priority and batch measure: 32 re-recorded 20 MB files must not
    // travel in one message.
    const res = await this.index(pool, rel, prev?.hash ?? null, st.size);
    if (maybeHalfWritten(res, prev)) {
      void this.deps.track(this.retry(pool, rel, prev, res, gen));
      return;
    }
    this.rows.applyResult(rel, res, prev, batch, true);
  }

  private async retry(pool: EnginePool, rel: string, prev: FileEntry | null, first: IndexResult, gen: number): Promise<void> {
    let res = first;
    for (const delay of RETRY_DELAYS_MS) {
      await sleep(delay);
      if (this.closed || !this.rows.isCurrent(rel, gen)) return;
      const next = await this.index(pool, rel, res.kind === 'indexed' ? res.hash : null, res.kind === 'missing' ? 0 : res.size);
      if (next.kind === 'unchanged') continue;
      res = next;
      if (!maybeHalfWritten(res, prev)) break;
    }
    await this.serial(async () => {
      if (this.closed || !this.rows.isCurrent(rel, gen)) return;
      const batch = new Batcher(this.deps.emit);
      this.rows.applyResult(rel, res, prev, batch, true);
      batch.progress = { done: 1, total: 1 };
      batch.flush();
      this.scheduleCacheSave();
      this.lint.schedule();
    });
  }

  private async index(pool: EnginePool, rel: string, knownHash: string | null, priority = 0): Promise<IndexResult> {
    const ref = this.ref(rel);
    try {
      return (await pool.run({ kind: 'file', absPath: this.abs(rel), ref, knownHash, rootReal: this.real, search: this.deps.search !== false }, priority)) as IndexResult;
    } catch (e) {
      const summary = failedSummary(ref, { size: 0, mtimeMs: 0 }, `Indexing failed: ${(e as Error).message}`);
      return { kind: 'indexed', hash: '', size: 0, mtimeMs: 0, summary, fingerprints: [], parseProblem: summary.firstError, docs: [] };
    }
  }

  abs(rel: string): string {
    return join(this.real, ...rel.split('/'));
  }

  private scheduleCacheSave(): void {
    if (this.closed) return;
    const now = Date.now();
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    else this.unsavedSince = now;
    const wait = Math.max(0, Math.min(CACHE_SAVE_QUIET_MS, this.unsavedSince + CACHE_SAVE_MAX_MS - now));
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = null;
      const saving: Promise<void> = this.saveCacheNow().finally(() => {
        if (this.saving === saving) this.saving = null;
      });
      this.saving = saving;
    }, wait);
    this.cacheTimer.unref();
  }

  private async saveCacheNow(): Promise<void> {
    const pool = await this.deps.pool;
    await saveCache(this.deps.cacheDir, this.real, pool.engineId, this.rows.cacheEntries()).catch(() => {});
  }
}
