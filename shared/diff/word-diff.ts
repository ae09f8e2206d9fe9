/**
 * Word-level diff for response text, reasoning and message text. Tokens are words, single
 * punctuation marks and whitespace runs, so "Paris." → "Lyon." shows one word changed and the
 * full stop kept. The Myers diff of shared/edit/line-diff works on any string array; reusing it
 * keeps one tested diff in the project (and its work budget bounds pathological inputs).
 */
import { diffLines } from '../edit/line-diff';
import type { WordOp } from './types';

const TOKEN = /\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function wordDiff(a: string, b: string): WordOp[] {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const out: WordOp[] = [];
  const push = (op: WordOp['op'], parts: string[]) => {
    const text = parts.join('');
    if (text === '') return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let ia = 0;
  for (const h of diffLines(ta, tb)) {
    push('same', ta.slice(ia, h.a0));
    push('del', ta.slice(h.a0, h.a1));
    push('add', tb.slice(h.b0, h.b1));
    ia = h.a1;
  }
  push('same', ta.slice(ia));
  return out;
}
