/**
 * Scalar values for the index line scanner (line-scan.ts): plain scalars (also continued over
 * several lines), quoted scalars and literal blocks, found by indexOf and regex scans. Each
 * takes the text, the scalar's first character `i` and the column `n` of the collection it
 * sits in (continuation lines must be indented past it). Multi-line flow scalars are folded
 * by yaml's own resolver (foldFlow). Anything unusual declines (throws DECLINE).
 */
import { literalText } from '../yaml/block-literal';
import { LAZY_LITERAL_MIN, LiteralText } from '../yaml/lazy-literal';
import { decline, doubleQuotedLine, foldFlow, isDash, lineEnd, NL, SP } from './scan-scalar';

export interface Scanned {
  value: string;
  /** Start of the first line after the scalar. */
  next: number;
}

/** The value of the quoted scalar from `i` to its closing quote `j` (n = -1: must be one line). */
export function quotedValue(s: string, i: number, j: number, quote: number, n: number): string {
  let nl = s.indexOf('\n', i);
  if (nl < 0 || nl > j) {
    if (quote === 34) return doubleQuotedLine(s, i, j);
    const v = s.slice(i + 1, j);
    return v.includes("''") ? v.replaceAll("''", "'") : v;
  }
  if (n < 0) decline();
  // yaml cuts a quoted scalar at a content line indented no further than its collection.
  for (; nl >= 0 && nl < j; nl = s.indexOf('\n', nl + 1)) {
    let k = nl + 1;
    while (s.charCodeAt(k) === SP) k++;
    if (s.charCodeAt(k) !== NL && k - nl - 1 <= n) decline();
  }
  return foldFlow(s.slice(i, j + 1), quote === 39 ? 'single-quoted-scalar' : 'double-quoted-scalar', n);
}

/**
 * A plain scalar from `i`, continued on following lines indented past `n` (PyYAML wraps long
 * header values that way). Anything that would make yaml read a key, a comment or another
 * node inside it declines.
 */
export function plainValue(s: string, i: number, n: number): Scanned {
  let e = lineEnd(s, i);
  let end = plainLine(s, i, e);
  let next = e + 1;
  let multi = false;
  while (next < s.length) {
    let k = next;
    while (s.charCodeAt(k) === SP) k++;
    const c = s.charCodeAt(k);
    if (c === NL) {
      next = k + 1;
      continue;
    }
    if (k >= s.length || k - next <= n) break;
    if (c === 35 || (c === 45 && isDash(s, k)) || ((c === 63 || c === 58) && s.charCodeAt(k + 1) === SP)) decline();
    e = lineEnd(s, k);
    end = plainLine(s, k, e);
    multi = true;
    next = e + 1;
  }
  const source = s.slice(i, end);
  return { value: multi ? foldFlow(source, 'scalar', n) : source, next: Math.min(lineEnd(s, end) + 1, s.length) };
}

/** End (trailing spaces trimmed) of one line of a plain scalar; declines on `: `, ` #`, a final `:`. */
function plainLine(s: string, i: number, e: number): number {
  while (e > i && s.charCodeAt(e - 1) === SP) e--;
  // Searches stay within the line: an unbounded indexOf would scan to the end of the file.
  const line = s.slice(i, e);
  if (line.includes(': ') || line.endsWith(':') || line.includes(' #')) decline();
  return e;
}

/**
 * The line break before the first line that is neither empty nor indented by at least `k`
 * (it ends a literal block), or -1. An indexOf walk over line breaks: about 3x faster than
 * the equivalent regex (/\n(?!\n| {k})/) on multi-megabyte blocks.
 */
export function blockEnd(s: string, from: number, k: number): number {
  for (let nl = s.indexOf('\n', from); nl >= 0; nl = s.indexOf('\n', nl + 1)) {
    if (s.charCodeAt(nl + 1) === NL) continue;
    let j = 1;
    while (j <= k && s.charCodeAt(nl + j) === SP) j++;
    if (j <= k) return nl;
  }
  return -1;
}

/**
 * A `|`, `|-` or `|+` block whose header is at `i`. With `lazy`, a block of at least
 * `lazy.min` characters comes back unresolved (see shared/yaml/lazy-literal.ts).
 */
export function literalValue(
  s: string,
  i: number,
  n: number,
  lazy: { min?: number; bytes?: Uint8Array } | null = null,
): { value: string | LiteralText; next: number } {
  let h = i + 1;
  const chomp = s[h] === '-' ? '-' : s[h] === '+' ? '+' : '';
  if (chomp) h++;
  if (s.charCodeAt(h) !== NL) decline(); // indentation indicator, comment or trailing spaces
  const start = h + 1;
  let k = start;
  while (s.charCodeAt(k) === SP) k++;
  const first = s.charCodeAt(k);
  k -= start;
  // The first line must hold content and set the indentation (leading empty lines change the rules).
  if (k <= n || first === NL || Number.isNaN(first)) decline();
  const m = blockEnd(s, start, k);
  // No match, or only the final line break of the file: the block runs to the end.
  const stop = m >= 0 && m + 1 < s.length ? m + 1 : s.length;
  // A short line of spaces inside or after the block: yaml's rules for those are subtle.
  if (stop < s.length) {
    let j = stop;
    while (s.charCodeAt(j) === SP) j++;
    if (s.charCodeAt(j) === NL || j >= s.length) decline();
  }
  let end = stop;
  while (end > start && s.charCodeAt(end - 1) === NL) end--;
  // A last line ending in spaces is trailing whitespace to yaml: left to it.
  if (s.charCodeAt(end - 1) === SP) decline();
  const eof = end === stop;
  // At the end of a file without a final line break, yaml still clips or keeps one break.
  const eofBreak = eof && chomp !== '-';
  if (lazy && stop - start >= (lazy.min ?? LAZY_LITERAL_MIN)) {
    return { value: new LiteralText(s, start, stop, end, k, eof ? '-' : chomp, eofBreak, lazy.bytes), next: stop };
  }
  const value = literalText(s.slice(start, stop), k, end - start, eof ? '-' : chomp);
  return { value: eofBreak ? value + '\n' : value, next: stop };
}
