/**
 * Line diff for block-literal edits. The common prefix and suffix are trimmed first (a body
 * edit usually touches a few lines of a long body), then Myers' O((N+M)·D) algorithm finds the
 * fewest deleted and inserted lines in what is left. A work budget and a cap on D keep a
 * pathological middle (thousands of scattered changes) from running long or holding much
 * memory: past them an equal-length middle is paired line by line and any other middle becomes
 * one hunk, which is still a correct edit, just a larger one.
 */

/** Replace a[a0, a1) with b[b0, b1). Hunks are sorted and never touch each other. */
export interface Hunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

const MAX_D = 1000; // the trace holds ~D² numbers
const BUDGET = 20_000_000; // diagonal steps + snake comparisons

export function diffLines(a: readonly string[], b: readonly string[], aLen = a.length, bLen = b.length): Hunk[] {
  let lo = 0;
  while (lo < aLen && lo < bLen && a[lo] === b[lo]) lo++;
  let suf = 0;
  while (suf < aLen - lo && suf < bLen - lo && a[aLen - 1 - suf] === b[bLen - 1 - suf]) suf++;
  const aHi = aLen - suf;
  const bHi = bLen - suf;
  if (lo === aHi && lo === bHi) return [];
  if (lo === aHi || lo === bHi) return [{ a0: lo, a1: aHi, b0: lo, b1: bHi }];
  const hunks = myers(a, b, lo, aHi, lo, bHi);
  if (hunks) return hunks;
  if (aHi - lo === bHi - lo) return pairwise(a, b, lo, aHi);
  return [{ a0: lo, a1: aHi, b0: lo, b1: bHi }];
}

/** Same-length ranges compared position by position: one hunk per run of differing lines. */
function pairwise(a: readonly string[], b: readonly string[], lo: number, hi: number): Hunk[] {
  const out: Hunk[] = [];
  for (let i = lo; i < hi; i++) {
    if (a[i] === b[i]) continue;
    const last = out[out.length - 1];
    if (last && last.a1 === i) {
      last.a1++;
      last.b1++;
    } else out.push({ a0: i, a1: i + 1, b0: i, b1: i + 1 });
  }
  return out;
}

/**
 * Myers with every point kept inside the edit grid (a move that would leave it is not taken),
 * so the furthest-reaching points are always real and backtracking needs no bound checks.
 * v[k] is the furthest x on diagonal k = x - y, or -1 when the diagonal is not reachable yet.
 */
function myers(a: readonly string[], b: readonly string[], aLo: number, aHi: number, bLo: number, bHi: number): Hunk[] | null {
  const N = aHi - aLo;
  const M = bHi - bLo;
  const max = Math.min(N + M, MAX_D);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3).fill(-1);
  const trace: Int32Array[] = [];
  let work = 0;
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      const x = d === 0 ? 0 : step(v, off, k, d, N, M);
      if (x < 0) {
        v[off + k] = -1;
        continue;
      }
      let xe = x;
      let ye = x - k;
      while (xe < N && ye < M && a[aLo + xe] === b[bLo + ye]) {
        xe++;
        ye++;
      }
      work += xe - x + 1;
      v[off + k] = xe;
      if (xe === N && ye === M) {
        trace.push(v.slice(off - d, off + d + 1));
        return backtrack(trace, N, M, aLo, bLo);
      }
    }
    trace.push(v.slice(off - d, off + d + 1));
    if (work > BUDGET) return null;
  }
  return null;
}

/**
 * The two moves onto diagonal k at step d from v of step d-1 (-1: the move leaves the grid or
 * starts from an unreachable diagonal). The larger x wins; a tie goes down.
 */
function moves(v: ArrayLike<number>, off: number, k: number, d: number, N: number, M: number): { down: number; right: number } {
  const up = k < d ? v[off + k + 1] : -1; // down: insert b[y]
  const left = k > -d ? v[off + k - 1] : -1; // right: delete a[x]
  return { down: up >= 0 && up - k <= M ? up : -1, right: left >= 0 && left + 1 <= N ? left + 1 : -1 };
}

function step(v: ArrayLike<number>, off: number, k: number, d: number, N: number, M: number): number {
  const m = moves(v, off, k, d, N, M);
  return m.right > m.down ? m.right : m.down;
}

function backtrack(trace: Int32Array[], N: number, M: number, aLo: number, bLo: number): Hunk[] {
  const ops: { del: boolean; x: number; y: number }[] = [];
  let x = N;
  let y = M;
  for (let d = trace.length - 1; d > 0; d--) {
    const k = x - y;
    const m = moves(trace[d - 1], d - 1, k, d, N, M); // trace[d-1] is indexed by k + (d-1)
    const del = m.right > m.down;
    const pk = del ? k - 1 : k + 1;
    const px = trace[d - 1][d - 1 + pk];
    ops.push({ del, x: px, y: px - pk });
    x = px;
    y = px - pk;
  }
  ops.reverse();
  const out: Hunk[] = [];
  for (const op of ops) {
    const ax = aLo + op.x;
    const by = bLo + op.y;
    const last = out[out.length - 1];
    if (last && last.a1 === ax && last.b1 === by) {
      if (op.del) last.a1++;
      else last.b1++;
    } else out.push(op.del ? { a0: ax, a1: ax + 1, b0: by, b1: by } : { a0: ax, a1: ax, b0: by, b1: by + 1 });
  }
  return out;
}
