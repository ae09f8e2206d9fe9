/**
 * Collects index rows while a root is being scanned and pushes them as `indexChanged`
 * batches: the first batch goes out on the next tick (so the sidebar tree appears at once),
 * later ones at most every `intervalMs`, so a 2,000-file folder is a few dozen messages.
 */
import type { CassetteRef, IndexBatch } from '../../shared/api/contract';
import type { CassetteSummary } from '../../shared/model/summary';

const keyOf = (r: CassetteRef) => `${r.rootId}\0${r.relPath}`;

export class Batcher {
  private upserted = new Map<string, CassetteSummary>();
  private removed = new Map<string, CassetteRef>();
  private changed = new Map<string, IndexBatch['changed'][number]>();
  private timer: NodeJS.Timeout | null = null;
  private flushedOnce = false;
  progress = { done: 0, total: 0 };

  constructor(
    private readonly emit: (batch: IndexBatch) => void,
    private readonly intervalMs = 100,
  ) {}

  upsert(s: CassetteSummary): void {
    const k = keyOf(s);
    this.removed.delete(k);
    this.upserted.set(k, s);
  }

  remove(r: CassetteRef): void {
    const k = keyOf(r);
    this.upserted.delete(k);
    this.changed.delete(k);
    this.removed.set(k, { rootId: r.rootId, relPath: r.relPath });
  }

  change(c: IndexBatch['changed'][number]): void {
    this.changed.set(keyOf(c), c);
  }

  get empty(): boolean {
    return this.upserted.size === 0 && this.removed.size === 0 && this.changed.size === 0;
  }

  /** Flushes soon (throttled); use for streaming scan results. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.flushedOnce ? this.intervalMs : 0);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.empty) return;
    const batch: IndexBatch = {
      upserted: [...this.upserted.values()],
      removed: [...this.removed.values()],
      changed: [...this.changed.values()],
      progress: { ...this.progress },
    };
    this.upserted.clear();
    this.removed.clear();
    this.changed.clear();
    this.flushedOnce = true;
    this.emit(batch);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
