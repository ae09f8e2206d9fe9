/**
 * Limits that keep a hostile or broken file from taking the app down. The yaml composer and
 * our own walkers recurse per nesting level; a 40 KB file of 20,000 nested `[` made V8 abort
 * the whole process (not a catchable error), so depth is measured first, iteratively, on the
 * CST or the parsed JSON value. YAML aliases can expand exponentially ("billion laughs"), so
 * expanding them is budgeted.
 */
import type { CST } from 'yaml';

/** Real cassettes nest a few dozen levels (HAR ~10, pydantic-ai parsed_body ~20). */
export const MAX_NESTING = 500;
/** Values produced when expanding aliases into plain JS (pydantic-ai parsed_body). */
export const MAX_EXPANDED_NODES = 1_000_000;

export interface LimitPos {
  line: number;
  column: number;
  offset: number;
}

export class CassetteLimitError extends Error {
  constructor(
    readonly code: 'yaml.too-deep' | 'yaml.alias-expansion',
    message: string,
    /** Where the limit was crossed, when known (the too-deep collection's start). */
    readonly at?: LimitPos,
  ) {
    super(message);
  }
}

type Item = { key?: CST.Token | null; sep?: unknown; value?: CST.Token };

/**
 * Deepest collection nesting of a CST token stream, without recursion, and the offset of the
 * token where it was reached (so a too-deep file is reported at its real line).
 */
export function cstDepth(tokens: Iterable<CST.Token>): { depth: number; offset: number } {
  let max = 0;
  let offset = 0;
  const stack: [CST.Token, number][] = [];
  for (const t of tokens) stack.push([t, 0]);
  while (stack.length) {
    const [t, d] = stack.pop()!;
    if (d > max) {
      max = d;
      offset = (t as { offset?: number }).offset ?? offset;
    }
    if (max > MAX_NESTING) return { depth: max, offset };
    switch (t.type) {
      case 'document':
        if (t.value) stack.push([t.value, d]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        for (const it of t.items as Item[]) {
          if (it.key) stack.push([it.key, d + 1]);
          if (it.value) stack.push([it.value, d + 1]);
        }
        break;
      default:
        break;
    }
  }
  return { depth: max, offset };
}

/** 1-based line and column of an offset (only on this error path, so a plain scan is fine). */
export function posOf(text: string, offset: number): LimitPos {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1, offset };
}

/** Deepest nesting of a parsed JSON value, without recursion. */
export function valueDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > MAX_NESTING) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return max;
}

export function tooDeep(depth: number, at?: LimitPos): CassetteLimitError {
  const where = at ? ` at line ${at.line}, column ${at.column}` : '';
  return new CassetteLimitError('yaml.too-deep', `The file nests deeper than ${MAX_NESTING} levels (${depth}+)${where}; no recorder writes that, so it is not read`, at);
}
