/**
 * Maps an offset inside a scalar's value back to the source, so findings point at the exact
 * line and column where a secret sits, also inside folded or block scalars.
 */
import { CST } from 'yaml';
import type { Scalar } from 'yaml';
import { decodeFlow } from './flow-map';

export function valueOffsetToSource(node: Scalar, k: number): number | null {
  return valueOffsetsOf(node)(k);
}

/**
 * The same mapping for many offsets in one scalar: a flow scalar is decoded once, not once per
 * offset (a word found 500 times in a 300 KB body made redaction quadratic).
 */
export function valueOffsetsOf(node: Scalar): (k: number) => number | null {
  const tok = node.srcToken;
  if (!tok || !CST.isScalar(tok)) return () => null;
  if (tok.type !== 'block-scalar') {
    const dec = decodeFlow(tok.source, tok.type as 'scalar');
    if (!dec) return () => tok.offset;
    return (k) => tok.offset + dec.pos[Math.max(0, Math.min(k, dec.pos.length - 1))];
  }
  return blockOffsets(tok);
}

function blockOffsets(tok: CST.BlockScalar): (k: number) => number {
  let len = 0;
  for (const p of tok.props) len += CST.stringify(p).length;
  const start = tok.offset + len;
  const lines = tok.source.split('\n');
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const ci = /^ */.exec(first)![0].length;
  // Per line: where its content starts in the source, and where its content ends in the value
  // (increasing), so each offset is one binary search.
  const srcAt: number[] = [];
  const valueEnd: number[] = [];
  let at = 0;
  let v = 0;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    const skip = Math.min(ci, /^ */.exec(line)![0].length);
    const content = line.length - skip;
    srcAt.push(start + at + skip - v);
    valueEnd.push(v + content);
    v += content + 1;
    at += raw.length + 1;
  }
  return (k) => {
    let lo = 0;
    let hi = valueEnd.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (valueEnd[mid] < k) lo = mid + 1;
      else hi = mid;
    }
    return lo < valueEnd.length ? srcAt[lo] + k : start;
  };
}

/** Offsets where each line of a text starts (after every LF). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line/column of a 0-based offset, by binary search over line starts. */
export function posInLines(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** Line starts of a text, for offset → 1-based line/column by binary search. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = lineStartsOf(text);
  return (offset) => posInLines(starts, offset);
}
