/** Shared wording of changes for the text and markdown renderers (and the app's tooltips). */
import type { Change, PairDiff, WordOp } from './types';

/** Word ops with long unchanged runs cut to their ends, so a one-word change in a long answer stays short. */
export function compactWords(ops: WordOp[], context = 40): WordOp[] {
  return ops.map((o, k) => {
    if (o.op !== 'same' || o.text.length <= context * 2) return o;
    const head = k === 0 ? '' : o.text.slice(0, context);
    const tail = k === ops.length - 1 ? '' : o.text.slice(-context);
    return { op: 'same', text: `${head}…${tail}` };
  });
}

export function show(v: unknown): string {
  if (v === undefined) return '∅';
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

/** `#0 → #1`, `+ #2` (added), `− #3` (removed). */
export function pairName(p: PairDiff): string {
  if (p.a === null) return `+ #${p.b}`;
  if (p.b === null) return `− #${p.a}`;
  return p.a === p.b ? `#${p.b}` : `#${p.a} → #${p.b}`;
}

/** One line per change, without the word diff itself (renderers draw that their own way). */
export function changeLines(c: Change): string[] {
  switch (c.kind) {
    case 'value':
      return [`${c.field}: ${show(c.before)} → ${show(c.after)}`];
    case 'added':
      return [`${c.field}: added ${show(c.after)}`];
    case 'removed':
      return [`${c.field}: removed ${show(c.before)}`];
    case 'json':
      return [`${c.field}:`, ...(c.entries ?? []).map((e) => `  ${e.path}: ${'before' in e ? show(e.before) : '∅'} → ${'after' in e ? show(e.after) : '∅'}`)];
    case 'text':
      return [`${c.field}:`];
  }
}

export function signed(n: number, digits = 0): string {
  const s = n.toFixed(digits);
  return n > 0 ? `+${s}` : n === 0 ? (0).toFixed(digits) : s;
}

export function usd(n: number | null): string {
  if (n === null) return '–';
  if (n === 0) return '$0';
  const s = Math.abs(n) < 0.01 && n !== 0 ? Math.abs(n).toFixed(6) : Math.abs(n).toFixed(4);
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}$${s}`;
}

export function pairCounts(pairs: PairDiff[]): string {
  const n = (s: PairDiff['status']) => pairs.filter((p) => p.status === s).length;
  const parts = [`${n('changed')} changed`, `${n('added')} added`, `${n('removed')} removed`].filter((x) => !x.startsWith('0 '));
  const moved = pairs.filter((p) => p.moved).length;
  const head = parts.length ? parts.join(', ') : 'no semantic change';
  return moved ? `${head}, ${moved} moved` : head;
}
