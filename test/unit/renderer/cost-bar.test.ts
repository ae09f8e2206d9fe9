import { describe, expect, it } from 'vitest';
import { roundUsd, sumCosts, sumUsage, usageSegments } from '../../../renderer/src/features/usage/cost-bar';

describe('usage segments', () => {
  it('splits overlapping usage fields into disjoint segments that sum to 1', () => {
    const segs = usageSegments({ inputTokens: 1000, cacheReadTokens: 600, cacheWriteTokens: 100, outputTokens: 300, reasoningTokens: 200, totalTokens: 1300 });
    expect(segs.map((s) => [s.kind, s.tokens])).toEqual([
      ['input', 300], ['cached', 600], ['cache-write', 100], ['output', 100], ['reasoning', 200],
    ]);
    expect(segs.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 10);
    expect(segs[1].share).toBeCloseTo(600 / 1300, 10);
  });

  it('matches the reference stream (154 in / 56 out) with no cache or reasoning', () => {
    const segs = usageSegments({ inputTokens: 154, outputTokens: 56, totalTokens: 210, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expect(segs.filter((s) => s.tokens > 0).map((s) => s.kind)).toEqual(['input', 'output']);
    expect(segs[0].share).toBeCloseTo(154 / 210, 10);
  });

  it('never yields negative widths when a provider reports cache outside input', () => {
    const segs = usageSegments({ inputTokens: 10, cacheReadTokens: 50, outputTokens: 5, reasoningTokens: 9 });
    for (const s of segs) expect(s.tokens).toBeGreaterThanOrEqual(0);
    expect(segs.find((s) => s.kind === 'input')!.tokens).toBe(0);
    expect(segs.find((s) => s.kind === 'output')!.tokens).toBe(0);
  });

  it('gives all-zero shares for missing usage', () => {
    expect(usageSegments(null).every((s) => s.share === 0)).toBe(true);
  });

  it('sums costs without float drift and keeps unknown distinct from free', () => {
    expect(sumCosts([0.0002324, 0.000224])).toBe(0.0004564);
    expect(sumCosts([null, undefined])).toBeNull();
    expect(sumCosts([null, 0])).toBe(0);
    expect(roundUsd(0.1 + 0.2)).toBe(0.3);
  });

  it('sums usage across interactions, skipping null', () => {
    const u = sumUsage([
      { inputTokens: 154, outputTokens: 56, totalTokens: 210, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
      null,
      { inputTokens: 10, outputTokens: 5, totalTokens: 15, cacheReadTokens: 2, cacheWriteTokens: 1, reasoningTokens: 3 },
    ]);
    expect(u).toEqual({ inputTokens: 164, outputTokens: 61, totalTokens: 225, cacheReadTokens: 2, cacheWriteTokens: 1, reasoningTokens: 3 });
  });
});
