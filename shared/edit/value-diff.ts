/**
 * Where two values differ, word by word: the common ends are trimmed by character, the middle
 * is split into words (letters, digits, `_`) and single other characters and diffed with the
 * line diff (line-diff.ts works on any strings). A redaction of a few words in a long body
 * gives one small hunk per word, so only the source lines holding those words change.
 */
import { diffLines } from './line-diff';

/** Old value [oa, ob) becomes new value [na, nb). Sorted; never overlapping. */
export interface ValueHunk {
  oa: number;
  ob: number;
  na: number;
  nb: number;
}

const TOKEN = /[\p{L}\p{N}_]+|[^]/gu;
// A word character, or half of a surrogate pair: the trimmed ends must not split either.
const WORDISH = /[\p{L}\p{N}_\ud800-\udfff]/u;

export function diffValues(a: string, b: string): ValueHunk[] {
  const max = Math.min(a.length, b.length);
  let pre = 0;
  while (pre < max && a.charCodeAt(pre) === b.charCodeAt(pre)) pre++;
  if (pre === a.length && pre === b.length) return [];
  let suf = 0;
  while (suf < max - pre && a.charCodeAt(a.length - 1 - suf) === b.charCodeAt(b.length - 1 - suf)) suf++;
  while (pre > 0 && WORDISH.test(a[pre - 1])) pre--;
  while (suf > 0 && WORDISH.test(a[a.length - suf])) suf--;
  const ta = a.slice(pre, a.length - suf).match(TOKEN) ?? [];
  const tb = b.slice(pre, b.length - suf).match(TOKEN) ?? [];
  const offA = offsets(ta, pre);
  const offB = offsets(tb, pre);
  return diffLines(ta, tb).map((h) => ({ oa: offA[h.a0], ob: offA[h.a1], na: offB[h.b0], nb: offB[h.b1] }));
}

function offsets(tokens: string[], base: number): number[] {
  const out = [base];
  for (const t of tokens) out.push(out[out.length - 1] + t.length);
  return out;
}
