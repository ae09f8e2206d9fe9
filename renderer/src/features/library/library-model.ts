/**
 * The library's data: summaries keyed by root + path, and how `indexChanged` batches change it.
 * Pure so the batching rules (upserts and removals applied in arrival order, several batches
 * merged into one state change per frame) are unit-testable without a DOM.
 */
import type { CassetteRef, IndexBatch } from '../../../../shared/api/contract';
import type { CassetteSummary } from '../../../../shared/model/summary';

export type SummaryMap = ReadonlyMap<string, CassetteSummary>;

export const refKey = (ref: CassetteRef): string => `${ref.rootId}\u0000${ref.relPath}`;

export function parseKey(key: string): CassetteRef {
  const i = key.indexOf('\u0000');
  return { rootId: key.slice(0, i), relPath: key.slice(i + 1) };
}

export interface BatchResult {
  summaries: SummaryMap;
  /** Keys of files whose content changed on disk (so an open view can reload). */
  changed: Set<string>;
  /** For those files, which interactions differ from before (null: not known, e.g. a new layout). */
  changedInteractions: Map<string, number[] | null>;
  removed: Set<string>;
  progress: { done: number; total: number } | null;
}

/** Applies queued batches in order, copying the map once for the whole group. */
export function applyBatches(current: SummaryMap, batches: readonly IndexBatch[]): BatchResult {
  const next = new Map(current);
  const changed = new Set<string>();
  const changedInteractions = new Map<string, number[] | null>();
  const removed = new Set<string>();
  let progress: BatchResult['progress'] = null;
  for (const b of batches) {
    for (const s of b.upserted) {
      const k = refKey(s);
      next.set(k, s);
      removed.delete(k);
    }
    for (const r of b.removed) {
      const k = refKey(r);
      next.delete(k);
      removed.add(k);
      changed.delete(k);
      changedInteractions.delete(k);
    }
    for (const c of b.changed) {
      changed.add(refKey(c));
      changedInteractions.set(refKey(c), c.changedInteractions);
    }
    // Lint-pass updates and closed folders carry no progress (0 of 0).
    if (b.progress.total > 0) progress = b.progress;
  }
  return { summaries: next, changed, changedInteractions, removed, progress };
}

export function fromList(list: readonly CassetteSummary[]): SummaryMap {
  return new Map(list.map((s) => [refKey(s), s]));
}

export interface FolderTotals {
  files: number;
  inputTokens: number;
  outputTokens: number;
  reportedUsd: number;
  estimatedUsd: number;
  /** Files that had a reported / estimated cost; "0 of 12 priced" tells more than "$0". */
  reportedFiles: number;
  estimatedFiles: number;
  pending: number;
  broken: number;
}

export function totalsOf(list: Iterable<CassetteSummary>): FolderTotals {
  const t: FolderTotals = {
    files: 0, inputTokens: 0, outputTokens: 0, reportedUsd: 0, estimatedUsd: 0,
    reportedFiles: 0, estimatedFiles: 0, pending: 0, broken: 0,
  };
  for (const s of list) {
    if (s.kind === 'not-cassette') continue;
    t.files++;
    if (s.kind === 'pending') t.pending++;
    if (s.diagnostics.error > 0) t.broken++;
    t.inputTokens += s.inputTokens;
    t.outputTokens += s.outputTokens;
    if (s.reportedUsd != null) { t.reportedUsd += s.reportedUsd; t.reportedFiles++; }
    if (s.estimatedUsd != null) { t.estimatedUsd += s.estimatedUsd; t.estimatedFiles++; }
  }
  return t;
}
