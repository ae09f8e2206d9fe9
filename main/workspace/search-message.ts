/**
 * The messages of a guarded search (guarded-search.ts) and their worker side, which the index
 * worker runs: the worker keeps the documents it was sent between queries.
 */
import type { InteractionDoc } from '../../shared/search/doc';
import type { SearchQuery } from '../../shared/search/query';
import { searchFiles, type SearchLimits, type SearchOutcome } from '../../shared/search/search-files';

/** One regex query for the worker: documents it lacks, the files to search in order, the query. */
export interface SearchMessage {
  id: number;
  search: { put: [number, InteractionDoc[]][]; order: number[]; query: SearchQuery; limits: SearchLimits };
}

/** Documents sent ahead of a query, a slice at a time (each slice is copied in one go). */
export interface SyncMessage {
  sync: [number, InteractionDoc[]][];
}

/** `started` once the documents are in and the search begins (the hard timer starts then). */
export type SearchReply = { id: number; started: true } | { id: number; outcome: SearchOutcome<number> } | { id: number; failed: string };

/** Worker side: updates the mirror and runs the query; files are answered by their position. */
export function runSearchMessage(mirror: Map<number, InteractionDoc[]>, msg: SearchMessage, post: (r: SearchReply) => void): void {
  const { put, order, query, limits } = msg.search;
  for (const [id, docs] of put) mirror.set(id, docs);
  const wanted = new Set(order);
  for (const id of mirror.keys()) if (!wanted.has(id)) mirror.delete(id);
  post({ id: msg.id, started: true });
  try {
    post({ id: msg.id, outcome: searchFiles(order.map((id, file) => ({ file, docs: mirror.get(id) ?? [] })), query, limits) });
  } catch (e) {
    post({ id: msg.id, failed: (e as Error)?.message ?? String(e) });
  }
}

export function runSyncMessage(mirror: Map<number, InteractionDoc[]>, msg: SyncMessage): void {
  for (const [id, docs] of msg.sync) mirror.set(id, docs);
}
