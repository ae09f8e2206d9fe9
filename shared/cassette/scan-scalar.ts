/**
 * Low-level pieces of the index line scanner (line-scan.ts): where a quoted scalar ends, the
 * value of a single-line double-quoted scalar. Multi-line scalars are folded by yaml's own
 * resolver (CST.resolveAsScalar on a token we build), so YAML's folding rules are applied by
 * the library itself; only finding the extent is ours. Anything yaml would report as an error
 * throws DECLINE, and the caller takes the slower paths that do report it.
 */
import { CST } from 'yaml';

export const NL = 10;
export const SP = 32;

/** End of the line holding `i` (its line break, or the end of the text). */
export function lineEnd(s: string, i: number): number {
  const e = s.indexOf('\n', i);
  return e < 0 ? s.length : e;
}

/** A `-` at `q` that starts a sequence item (followed by a space or the end of the line). */
export function isDash(s: string, q: number): boolean {
  const c = s.charCodeAt(q + 1);
  return s.charCodeAt(q) === 45 && (c === SP || c === NL || q + 1 >= s.length);
}

/** Thrown (never with a stack: it is preallocated) to leave the scanner for the CST path. */
export const DECLINE = new Error('line scanner declined');
export const decline = (): never => {
  throw DECLINE;
};

/** Index of the closing `'` of the single-quoted scalar opening at `i` (`''` is an escape). */
export function singleQuoteEnd(s: string, i: number): number {
  let j = s.indexOf("'", i + 1);
  while (j >= 0 && s.charCodeAt(j + 1) === 39) j = s.indexOf("'", j + 2);
  return j < 0 ? decline() : j;
}

/** Index of the closing `"` of the double-quoted scalar opening at `i` (skipping `\"`). */
export function doubleQuoteEnd(s: string, i: number): number {
  let j = s.indexOf('"', i + 1);
  while (j >= 0) {
    let k = j - 1;
    while (s.charCodeAt(k) === 92) k--;
    if ((j - 1 - k) % 2 === 0) return j; // an even run of backslashes escapes only itself
    j = s.indexOf('"', j + 1);
  }
  return decline();
}

/**
 * Folds a multi-line flow scalar (plain or quoted, `source` exactly as written, quotes
 * included) with yaml's resolver, so the folding rules are yaml's by construction.
 */
export function foldFlow(source: string, type: 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar', indent: number): string {
  const tok = { type, offset: 0, indent, source, end: [] } as CST.FlowScalar;
  const r = CST.resolveAsScalar(tok, true, decline);
  return r ? r.value : decline();
}

const ESC: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

const HEX = /^[0-9a-fA-F]+$/;

/**
 * Value of a double-quoted scalar on one line (`s[i]` and `s[j]` are the quotes, no line
 * break between). yaml's resolver appends character by character, which is slow on the
 * megabyte JSON and SSE bodies go-vcr writes this way; here the runs between escapes are
 * sliced whole. An escape yaml would reject declines.
 */
export function doubleQuotedLine(s: string, i: number, j: number): string {
  // Work on the slice: an indexOf on `s` would scan past `j`, to the end of the file.
  const body = s.slice(i + 1, j);
  let b = body.indexOf('\\');
  if (b < 0) return body;
  const parts: string[] = [];
  let from = 0;
  while (b >= 0) {
    parts.push(body.slice(from, b));
    const c = body[b + 1];
    const e = ESC[c];
    if (e !== undefined) {
      parts.push(e);
      from = b + 2;
    } else {
      const n = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : decline();
      const hex = body.slice(b + 2, b + 2 + n);
      if (hex.length !== n || !HEX.test(hex)) decline();
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) decline();
      parts.push(String.fromCodePoint(code));
      from = b + 2 + n;
    }
    b = body.indexOf('\\', from);
  }
  parts.push(body.slice(from));
  return parts.join('');
}
