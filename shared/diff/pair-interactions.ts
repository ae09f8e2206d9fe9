/**
 * Pairs the interactions of two recordings by request, not by position: a re-record may add a
 * call, drop one, or record two parallel conversations in another order. An interaction's key
 * is its method and URL plus the conversation it belongs to: a request that continues an
 * earlier one (its messages start with that request's, the link shared/edit/history-copies
 * uses for history copies) belongs to that request's conversation, named by its root's first
 * messages, and sits at a turn number within it. Keys pair in order; leftovers pair on method,
 * URL and turn alone (a changed prompt is a changed pair, not a removed one plus an added one).
 */
import { continues } from '../edit/history-copies';
import type { CassetteAnalysis } from '../model/analysis';
import type { Cassette } from '../model/cassette';

export interface Pairing {
  a: number | null;
  b: number | null;
  moved: boolean;
}

interface Keyed {
  exact: string;
  loose: string;
}

function keys(c: Cassette, an: CassetteAnalysis): Keyed[] {
  const root: number[] = [];
  const turn: number[] = [];
  return c.interactions.map((it, j) => {
    const msgs = an.interactions[j]?.request?.messages;
    root[j] = j;
    turn[j] = 0;
    if (msgs && msgs.length > 0) {
      for (let k = j - 1; k >= 0; k--) {
        const prev = an.interactions[k]?.request?.messages;
        if (prev && prev.length > 0 && continues(prev, msgs)) {
          root[j] = root[k];
          turn[j] = turn[k] + 1;
          break;
        }
      }
    }
    const rootMsgs = an.interactions[root[j]]?.request?.messages ?? [];
    const conversation = rootMsgs.slice(0, 2).map((m) => `${m.role}:${m.text}`).join('\n');
    const req = `${it.request.method.toUpperCase()} ${it.request.url}`;
    return { exact: `${req}\n${turn[j]}\n${conversation}`, loose: `${req}\n${turn[j]}` };
  });
}

export function pairInteractions(ca: Cassette, aa: CassetteAnalysis, cb: Cassette, ab: CassetteAnalysis): Pairing[] {
  const ka = keys(ca, aa);
  const kb = keys(cb, ab);
  const partnerOfA = new Array<number | null>(ka.length).fill(null);
  const taken = new Set<number>();
  for (const pick of ['exact', 'loose'] as const) {
    const queues = new Map<string, number[]>();
    kb.forEach((k, j) => {
      if (taken.has(j)) return;
      const q = queues.get(k[pick]);
      if (q) q.push(j);
      else queues.set(k[pick], [j]);
    });
    ka.forEach((k, i) => {
      if (partnerOfA[i] !== null) return;
      const j = queues.get(k[pick])?.shift();
      if (j === undefined) return;
      partnerOfA[i] = j;
      taken.add(j);
    });
  }
  const inOrder = increasingSubsequence(partnerOfA);
  const out: Pairing[] = [];
  partnerOfA.forEach((j, i) => out.push(j === null ? { a: i, b: null, moved: false } : { a: i, b: j, moved: !inOrder.has(i) }));
  kb.forEach((_, j) => {
    if (!taken.has(j)) out.push({ a: null, b: j, moved: false });
  });
  return order(out);
}

/** A indices whose partners form one longest increasing run of B indices: the pairs that kept their order. */
function increasingSubsequence(partner: (number | null)[]): Set<number> {
  const tails: number[] = []; // A index ending the best run of each length
  const prev = new Map<number, number>();
  partner.forEach((j, i) => {
    if (j === null) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((partner[tails[mid]] as number) < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev.set(i, tails[lo - 1]);
    tails[lo] = i;
  });
  const kept = new Set<number>();
  let at: number | undefined = tails[tails.length - 1];
  while (at !== undefined) {
    kept.add(at);
    at = prev.get(at);
  }
  return kept;
}

/** B's order, with each removed interaction placed right after its predecessor in A. */
function order(pairs: Pairing[]): Pairing[] {
  const byA = new Map<number, Pairing>();
  for (const p of pairs) if (p.a !== null) byA.set(p.a, p);
  const rank = (p: Pairing): number => {
    if (p.b !== null) return p.b;
    for (let i = (p.a as number) - 1; i >= 0; i--) {
      const before = byA.get(i);
      if (before && before.b !== null) return before.b + 0.5 + (p.a as number) * 1e-6;
    }
    return -1 + (p.a as number) * 1e-6;
  };
  return pairs.map((p) => ({ p, r: rank(p) })).sort((x, y) => x.r - y.r).map((x) => x.p);
}
