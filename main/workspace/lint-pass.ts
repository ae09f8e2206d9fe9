/**
 * The background lint pass of one opened folder (CassetteSummary.lint): every cassette row
 * without counts is linted by the pool after the rows are in, biggest first, behind any
 * indexing work, and its counts reach the sidebar as row updates. A full lint costs several
 * times a row (a full parse, the whole stream, every rule), so the first rows never wait for it.
 */
import type { CassetteRef, IndexBatch } from '../../shared/api/contract';
import { Batcher } from './batcher';
import type { EngineResult, EnginePool } from './engine';
import type { RootRows } from './root-rows';

/**
 * Lint tasks handed to the pool at a time: enough for two full batches of small files, few
 * enough that closing the folder leaves little work behind (the pool cannot cancel).
 */
const LINT_WINDOW = 64;

export interface LintPassHost {
  rows: RootRows;
  pool: Promise<EnginePool>;
  real: string;
  emit(batch: IndexBatch): void;
  /** Counts outstanding background lint for whenLinted(). */
  trackLint<T>(work: Promise<T>): Promise<T>;
  abs(rel: string): string;
  ref(rel: string): CassetteRef;
  /** Counts landed in a row: the summary cache is due a save. */
  changed(): void;
}

export class LintPass {
  private closed = false;
  /** Files waiting, and those at the pool, by the hash they are for. */
  private readonly waiting: { rel: string; hash: string; size: number; done: () => void }[] = [];
  private readonly linting = new Map<string, string>();
  private inFlight = 0;
  /** Hashes whose lint failed (a worker crash or timeout): not retried until the file changes. */
  private readonly failed = new Map<string, string>();
  private readonly batch: Batcher;

  constructor(private readonly host: LintPassHost) {
    this.batch = new Batcher(host.emit, 250);
  }

  /** Queues every cassette row that has no counts yet for its current hash. */
  schedule(): void {
    if (this.closed) return;
    for (const [rel, e] of this.host.rows.entries) {
      if (e.summary.kind !== 'cassette' || e.summary.lint !== null || !e.hash) continue;
      if (this.linting.get(rel) === e.hash || this.failed.get(rel) === e.hash) continue;
      this.linting.set(rel, e.hash);
      let done!: () => void;
      void this.host.trackLint(new Promise<void>((r) => (done = r)));
      this.waiting.push({ rel, hash: e.hash, size: e.size, done });
    }
    this.pump();
  }

  close(): void {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.done();
    this.batch.dispose();
  }

  private pump(): void {
    while (!this.closed && this.inFlight < LINT_WINDOW && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.inFlight++;
      void this.lintOne(job.rel, job.hash, job.size).finally(() => {
        this.inFlight--;
        if (this.linting.get(job.rel) === job.hash) this.linting.delete(job.rel);
        // The last counts of a pass go out at once: whenLinted() means the UI has them.
        if (this.inFlight === 0 && this.waiting.length === 0 && !this.closed) this.batch.flush();
        job.done();
        this.pump();
      });
    }
  }

  private async lintOne(rel: string, hash: string, size: number): Promise<void> {
    const { rows } = this.host;
    // The file may have changed or gone while it waited: its reindex schedules a new lint.
    if (rows.entries.get(rel)?.hash !== hash) return;
    let res: EngineResult;
    try {
      const pool = await this.host.pool;
      res = await pool.run({ kind: 'lint', absPath: this.host.abs(rel), ref: this.host.ref(rel), hash, rootReal: this.host.real }, size);
    } catch {
      if (!this.closed) this.failed.set(rel, hash); // the worker crashed or gave up
      return;
    }
    const e = rows.entries.get(rel);
    if (this.closed || res.kind !== 'linted' || !res.lint || res.hash !== hash || e?.hash !== hash) return;
    rows.set(rel, { ...e, summary: { ...e.summary, lint: res.lint } }, this.batch);
    this.batch.schedule();
    this.host.changed();
  }
}
