/**
 * After the browser tab lost `tapedeck serve` for a while, the `indexChanged` batches sent
 * meanwhile are gone. A fresh list is the truth; this turns "old index vs fresh list" into one
 * ordinary IndexBatch, so the store applies it through the same path as live updates (the open
 * file reloads or shows the conflict banner, a deleted one says so, changed rows get marked).
 */
import type { IndexBatch } from '../../../../shared/api/contract';
import type { CassetteSummary } from '../../../../shared/model/summary';
import { refKey, type SummaryMap } from '../library/library-model';

/**
 * `complete` is false while the server is still scanning (a restarted server lists files as it
 * finds them): absence then proves nothing, so nothing is removed until a later, complete list.
 */
export function resyncBatch(
  current: SummaryMap,
  list: readonly CassetteSummary[],
  opts: { complete: boolean; progress: IndexBatch['progress'] },
): IndexBatch {
  const upserted: CassetteSummary[] = [];
  const changed: IndexBatch['changed'] = [];
  const seen = new Set<string>();
  for (const s of list) {
    const k = refKey(s);
    seen.add(k);
    const old = current.get(k);
    const sameStat = !!old && old.size === s.size && old.mtimeMs === s.mtimeMs;
    // A restarted server lists unchanged files as `pending` until it re-indexes them: the row
    // we already have says more.
    if (sameStat && s.kind === 'pending' && old.kind !== 'pending') continue;
    upserted.push(s);
    // Size or mtime moved: the content changed while we were away (which interactions: unknown).
    if (old && !sameStat) changed.push({ rootId: s.rootId, relPath: s.relPath, revision: `${s.size}:${s.mtimeMs}`, changedInteractions: null });
  }
  const removed = opts.complete ? [...current.values()].filter((s) => !seen.has(refKey(s))).map((s) => ({ rootId: s.rootId, relPath: s.relPath })) : [];
  return { upserted, removed, changed, progress: opts.progress };
}
