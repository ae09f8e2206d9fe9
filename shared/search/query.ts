/**
 * The search query engine, shared by the workspace (the sidebar's search call) and
 * `tapedeck grep`. A query is one RegExp (plain text is escaped), so case, whole-word and
 * regex modes are one code path. A regex can run for very long (catastrophic backtracking);
 * the deadline is checked between fields, so a slow pattern stops with a message instead of
 * hanging the backend, and what was found so far is still returned.
 */
import { eventAt, lineAt, type FieldKind, type InteractionDoc, type SearchField } from './doc';

export interface SearchQuery {
  pattern: string;
  caseSensitive?: boolean;
  wholeWord?: boolean;
  regex?: boolean;
}

export interface SearchHit {
  field: FieldKind;
  /** First stream event carrying the match (streamed text, reasoning, tool calls), else null. */
  event: number | null;
  /** Header line (0-based, in recorded order) for header fields, else null. */
  line: number | null;
  snippet: string;
  /** Match ranges [start, end) in `snippet`. */
  ranges: [number, number][];
}

export interface InteractionHits {
  index: number;
  hits: SearchHit[];
}

export type Compiled = { ok: true; re: RegExp } | { ok: false; error: string };

const BEFORE = 40;
const AFTER = 80;
/** Hits kept per interaction: the sidebar shows a few, the rest is counted. */
export const HITS_PER_INTERACTION = 5;

export function compileQuery(q: SearchQuery): Compiled {
  if (!q.pattern) return { ok: false, error: 'Empty search pattern' };
  let source = q.regex ? q.pattern : q.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (q.wholeWord) source = `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`;
  try {
    return { ok: true, re: new RegExp(source, `g${q.caseSensitive ? '' : 'i'}${q.wholeWord || q.regex ? 'u' : ''}`) };
  } catch (e) {
    return { ok: false, error: `Bad regular expression: ${(e as Error).message}` };
  }
}

export class SearchTimeout extends Error {
  constructor(budgetMs: number) {
    super(`The search took longer than ${budgetMs} ms and was stopped; try a simpler pattern`);
  }
}

/**
 * Hits per interaction of one file, at most HITS_PER_INTERACTION each; `total` counts them
 * (`capped`: some interaction had more). Throws SearchTimeout once `deadline` (a Date.now()
 * value) has passed.
 */
export function searchDocs(docs: InteractionDoc[], re: RegExp, deadline = Infinity, budgetMs = 0): { interactions: InteractionHits[]; total: number; capped: boolean } {
  const interactions: InteractionHits[] = [];
  let total = 0;
  let capped = false;
  for (const doc of docs) {
    let hits: SearchHit[] | null = null;
    for (const field of doc.fields) {
      if (Date.now() > deadline) throw new SearchTimeout(budgetMs);
      re.lastIndex = 0;
      for (let m = re.exec(field.text); m; m = re.exec(field.text)) {
        if (m[0].length === 0) {
          re.lastIndex++; // an empty match must not loop forever
          continue;
        }
        total++;
        hits ??= [];
        hits.push(hitOf(field, m.index, m.index + m[0].length));
        // Enough to show: the rest of this interaction is not scanned (a frequent word in a
        // 20 MB stream would otherwise be counted match by match), so `total` is a floor.
        if (hits.length === HITS_PER_INTERACTION) break;
      }
      if (hits && hits.length === HITS_PER_INTERACTION) {
        capped = true;
        break;
      }
    }
    if (hits) interactions.push({ index: doc.index, hits });
  }
  return { interactions, total, capped };
}

function hitOf(field: SearchField, start: number, end: number): SearchHit {
  const text = field.text;
  const isHeader = field.kind === 'request-header' || field.kind === 'response-header';
  // Headers: the snippet is the header line; elsewhere a window around the match.
  let from = Math.max(0, start - BEFORE);
  let to = Math.min(text.length, end + AFTER);
  if (isHeader) {
    from = text.lastIndexOf('\n', start - 1) + 1;
    const nl = text.indexOf('\n', end);
    to = nl === -1 ? text.length : nl;
  }
  const lead = from > 0 && !isHeader ? '…' : '';
  const tail = to < text.length && !isHeader ? '…' : '';
  // Same-length whitespace keeps the ranges true while showing one line.
  const snippet = lead + text.slice(from, to).replace(/\s/g, ' ') + tail;
  const at = start - from + lead.length;
  return {
    field: field.kind,
    event: eventAt(field, end),
    line: isHeader ? lineAt(text, start) : null,
    snippet,
    ranges: [[at, at + Math.min(end, to) - start]],
  };
}
