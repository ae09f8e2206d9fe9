/**
 * Token usage as stacked-bar segments. Usage fields overlap (input includes cache reads and
 * writes; output includes reasoning, per shared/model/llm.ts), so the segments are the
 * disjoint parts: fresh input, cache read, cache write, visible output, reasoning.
 */
import type { TokenizerEncoding, Usage, UsageField } from '../../../../shared/model/llm';

export type SegmentKind = 'input' | 'cached' | 'cache-write' | 'output' | 'reasoning';

export interface Segment {
  kind: SegmentKind;
  label: string;
  tokens: number;
  /** Share of the bar, 0..1; shares of one bar sum to 1 (or all are 0 for an empty usage). */
  share: number;
}

const LABELS: Record<SegmentKind, string> = {
  input: 'Input',
  cached: 'Cached input',
  'cache-write': 'Cache write',
  output: 'Output',
  reasoning: 'Reasoning',
};

const nn = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0);

export function usageSegments(u: Partial<Usage> | null | undefined): Segment[] {
  const cacheRead = nn(u?.cacheReadTokens);
  const cacheWrite = nn(u?.cacheWriteTokens);
  const reasoning = nn(u?.reasoningTokens);
  // Clamp: a provider that reports cache reads outside `input` must not yield negative widths.
  const freshInput = Math.max(0, nn(u?.inputTokens) - cacheRead - cacheWrite);
  const visibleOut = Math.max(0, nn(u?.outputTokens) - reasoning);
  const parts: [SegmentKind, number][] = [
    ['input', freshInput],
    ['cached', cacheRead],
    ['cache-write', cacheWrite],
    ['output', visibleOut],
    ['reasoning', reasoning],
  ];
  const total = parts.reduce((a, [, n]) => a + n, 0);
  return parts.map(([kind, tokens]) => ({ kind, label: LABELS[kind], tokens, share: total ? tokens / total : 0 }));
}

/**
 * Sums usages of several interactions (for the cassette bar). When some are tokenizer estimates
 * the sum says so: its `estimated` lists every field that includes an estimate, so the bar
 * never shows a partly estimated total as reported.
 */
export function sumUsage(list: readonly (Usage | null | undefined)[]): Usage {
  const out: Usage = { inputTokens: 0, outputTokens: 0, totalTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
  const fields = new Set<UsageField>();
  const notes: string[] = [];
  let estimatedCount = 0;
  let tokenizer: TokenizerEncoding | null = null;
  for (const u of list) {
    if (!u) continue;
    if (u.estimated) {
      estimatedCount++;
      tokenizer ??= u.estimated.tokenizer;
      for (const f of u.estimated.fields) fields.add(f);
      if (!notes.includes(u.estimated.note)) notes.push(u.estimated.note);
    }
    out.inputTokens += nn(u.inputTokens);
    out.outputTokens += nn(u.outputTokens);
    out.totalTokens += nn(u.totalTokens);
    out.cacheReadTokens += nn(u.cacheReadTokens);
    out.cacheWriteTokens += nn(u.cacheWriteTokens);
    out.reasoningTokens += nn(u.reasoningTokens);
  }
  if (tokenizer) {
    const of = `${estimatedCount} of ${list.filter(Boolean).length} interactions`;
    out.estimated = { fields: [...fields], tokenizer, note: `Includes estimated counts for ${of}. ${notes.slice(0, 2).join(' ')}` };
  }
  return out;
}

/** Adds costs where known; null only when no part had a value (unknown ≠ free). */
export function sumCosts(values: readonly (number | null | undefined)[]): number | null {
  let any = false;
  let sum = 0;
  for (const v of values) if (typeof v === 'number') { any = true; sum += v; }
  return any ? roundUsd(sum) : null;
}

/** Float sums of prices drift (0.0002324 + 0.000224 = 0.00045640000000000003). */
export function roundUsd(n: number): number {
  return Math.round(n * 1e10) / 1e10;
}
