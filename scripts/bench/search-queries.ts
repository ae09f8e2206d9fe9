/**
 * Search figures of the workspace bench: query latency over the whole 2,000-file folder's
 * index (word and phrase queries, and regexes, each repeated), through the same call the
 * sidebar makes. The generated text draws from a 14-word vocabulary, so word queries hit every
 * file: a worst case for counting and snippets. "zanzibar" is the common miss.
 */
import type { SearchRequest } from '../../shared/api/contract';
import type { Workspace } from '../../main/workspace/workspace';

const PLAIN: SearchRequest[] = [
  { pattern: 'cassette' },
  { pattern: 'zanzibar' },
  { pattern: 'quick brown fox' },
  { pattern: 'lazy dog', wholeWord: true },
  { pattern: 'Replay', caseSensitive: true },
];
const REGEX: SearchRequest[] = [
  { pattern: 'mod\\w+ ans', regex: true },
  { pattern: 'fox\\s+jumps\\s+over', regex: true },
  { pattern: 'gpt-4o(-mini)?', regex: true },
];

const ROUNDS = 10;

/**
 * `regex` leaves out the first regex query, which also copies the documents to the guarded
 * search worker once (main/workspace/guarded-search.ts); `firstRegex` is that query's time.
 */
export async function queryTimes(ws: Workspace): Promise<{ plain: number[]; regex: number[]; firstRegex: number; files: number }> {
  const plain: number[] = [];
  const regex: number[] = [];
  let files = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [list, out] of [[PLAIN, plain], [REGEX, regex]] as const)
      for (const q of list) {
        const t0 = performance.now();
        const r = await ws.searchCassettes(q);
        out.push(performance.now() - t0);
        if (r.error) throw new Error(`search bench: ${q.pattern}: ${r.error}`);
        files = Math.max(files, r.files.length);
      }
  }
  const [firstRegex, ...rest] = regex;
  return { plain, regex: rest, firstRegex, files };
}
