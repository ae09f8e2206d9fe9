/**
 * A search over many files' documents, as the sidebar and `tapedeck grep` run it: results
 * grouped by file and interaction, a cap on the files listed, and a time budget after which a
 * (regex) search stops with a message and keeps what it found.
 */
import { compileQuery, searchDocs, SearchTimeout, type InteractionHits, type SearchQuery } from './query';
import type { InteractionDoc } from './doc';

export interface FileHits<R> {
  file: R;
  interactions: InteractionHits[];
  /** Matches found in the file; a floor when `capped` (an interaction had more than are listed). */
  total: number;
  capped: boolean;
}

export interface SearchOutcome<R> {
  files: FileHits<R>[];
  /** Matches found; a floor when some file is `capped`. */
  totalHits: number;
  /** More files matched than `maxFiles` (the search stopped there; totals are floors). */
  truncated: boolean;
  /** A bad pattern or a search stopped by its time budget; `files` holds what was found first. */
  error: string | null;
}

export interface SearchLimits {
  maxFiles?: number;
  budgetMs?: number;
}

export const DEFAULT_BUDGET_MS = 2000;

export function searchFiles<R>(files: Iterable<{ file: R; docs: InteractionDoc[] }>, q: SearchQuery, limits: SearchLimits = {}): SearchOutcome<R> {
  const out: SearchOutcome<R> = { files: [], totalHits: 0, truncated: false, error: null };
  const compiled = compileQuery(q);
  if (!compiled.ok) return { ...out, error: compiled.error };
  const budgetMs = limits.budgetMs ?? DEFAULT_BUDGET_MS;
  const deadline = Date.now() + budgetMs;
  const maxFiles = limits.maxFiles ?? Infinity;
  try {
    for (const { file, docs } of files) {
      const { interactions, total, capped } = searchDocs(docs, compiled.re, deadline, budgetMs);
      if (total === 0) continue;
      out.totalHits += total;
      if (out.files.length >= maxFiles) {
        // One more matching file is enough to say "more": scanning on would only grow a count.
        out.truncated = true;
        break;
      }
      out.files.push({ file, interactions, total, capped });
    }
  } catch (e) {
    if (!(e instanceof SearchTimeout)) throw e;
    out.error = e.message;
  }
  return out;
}
