/**
 * What changed in the response of a pair, compared through the assembled message (text,
 * reasoning, tool calls, finish reason, usage, cost): ids and creation times are not part of
 * it, and a stream re-chunked differently assembles to the same message.
 */
import type { InteractionAnalysis } from '../model/analysis';
import type { AssembledMessage } from '../model/llm';
import { jsonDiff, parseJsonOrText } from './json-diff';
import type { Change } from './types';
import { wordDiff } from './word-diff';

const USAGE_FIELDS = ['inputTokens', 'outputTokens', 'cacheReadTokens', 'cacheWriteTokens', 'reasoningTokens'] as const;

export function diffMessage(a: AssembledMessage, b: AssembledMessage): { changes: Change[]; volatile: Change[] } {
  const changes: Change[] = [];
  const volatile: Change[] = [];
  const value = (list: Change[], field: string, before: unknown, after: unknown) => {
    if (before !== after) list.push({ field, kind: 'value', before, after });
  };
  value(changes, 'response.model', a.model, b.model);
  if (a.text !== b.text) changes.push({ field: 'response.text', kind: 'text', words: wordDiff(a.text, b.text) });
  if (a.reasoning !== b.reasoning) changes.push({ field: 'response.reasoning', kind: 'text', words: wordDiff(a.reasoning, b.reasoning) });
  for (let k = 0; k < Math.max(a.toolCalls.length, b.toolCalls.length); k++) {
    const ca = a.toolCalls[k];
    const cb = b.toolCalls[k];
    const field = `response.toolCalls[${k}]`;
    if (!cb) changes.push({ field, kind: 'removed', before: `${ca.name}(${ca.arguments})` });
    else if (!ca) changes.push({ field, kind: 'added', after: `${cb.name}(${cb.arguments})` });
    else {
      value(changes, `${field}.name`, ca.name, cb.name);
      const entries = jsonDiff(parseJsonOrText(ca.arguments), parseJsonOrText(cb.arguments));
      if (entries.length) changes.push({ field: `${field}.arguments`, kind: 'json', entries });
      value(volatile, `${field}.id`, ca.id, cb.id);
    }
  }
  value(changes, 'response.finishReason', a.finishReason, b.finishReason);
  value(changes, 'response.errors', a.errors.join('\n') || null, b.errors.join('\n') || null);
  value(volatile, 'response.id', a.id, b.id);
  return { changes, volatile };
}

/** Usage and cost: semantic (a longer answer costs more), so they count as changes. */
export function diffUsage(a: InteractionAnalysis, b: InteractionAnalysis): Change[] {
  const out: Change[] = [];
  for (const f of USAGE_FIELDS) {
    const before = a.usage?.[f] ?? null;
    const after = b.usage?.[f] ?? null;
    if (before !== after) out.push({ field: `usage.${f}`, kind: 'value', before, after });
  }
  const ca = costOf(a);
  const cb = costOf(b);
  if (ca !== cb) out.push({ field: 'cost.usd', kind: 'value', before: ca, after: cb });
  return out;
}

export function costOf(a: InteractionAnalysis | undefined): number | null {
  if (!a) return null;
  return a.cost.reportedUsd ?? a.cost.estimatedUsd;
}
