/**
 * What a bench module reports: one figure, with the baseline measured in the same run and,
 * where an issue set one, its target. The runner (scripts/bench.mjs) prints the ratio
 * value / baseline and whether the target is met; targets are never asserted in tests (this
 * shared machine is too noisy), only printed.
 */
export interface Target {
  /** What the target bounds: the ratio to the baseline (default) or the value itself. */
  of?: 'ratio' | 'value';
  /** At most / at least. */
  max?: number;
  min?: number;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: string;
  baselineValue?: number;
  target?: Target;
  /** One line printed under the figure: how it was scaled or measured. */
  note?: string;
}

export type Report = (f: Figure) => void;

export const round = (x: number, digits = 0): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** The fastest of `k` runs, in ms (the machine is shared: the minimum is the least disturbed). */
export function bestOf(k: number, f: () => void): number {
  let ms = Infinity;
  for (let r = 0; r < k; r++) {
    const t0 = performance.now();
    f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return ms;
}
