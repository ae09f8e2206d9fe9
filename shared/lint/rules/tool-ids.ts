/**
 * Tool-call ids: repeated, positional or missing. Clients that key calls by id (most agent
 * loops) mix calls up when an id repeats, which is what Kimi's `add:0` every turn does.
 */
import type { RawFinding } from '../types';
import type { RuleCtx } from '../context';
import { finding, pairs, q } from '../context';
import { findInRange } from '../positions';
import { uniqueIdFix } from '../fixes/unique-id';

/** Ids that encode a position and therefore restart every turn: `add:0`, `functions.add:0`, `call_0`, `0`. */
const POSITIONAL = [/^(?:functions\.)?[A-Za-z_][\w.-]*:\d+$/, /^(?:call|tool|tool_call|toolu|fc|func|function)?[_-]?\d{1,4}$/i];

export function isPositionalId(id: string): boolean {
  return POSITIONAL.some((re) => re.test(id));
}

/** Providers whose wire format requires an id on every call (Gemini and Ollama have none). */
const NEEDS_ID = new Set(['openai-chat', 'openai-responses', 'anthropic', 'bedrock']);

export function duplicateIds(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  const firstSeen = new Map<string, number>();
  for (const { it, ia } of pairs(ctx)) {
    const calls = ia?.message?.toolCalls ?? [];
    const count = new Map<string, number>();
    for (const c of calls) if (c.id) count.set(c.id, (count.get(c.id) ?? 0) + 1);
    const reported = new Set<string>();
    for (const c of calls) {
      if (!c.id || reported.has(c.id)) continue;
      const pos = findInRange(ctx.lines, it.ranges.responseBody, c.id);
      if ((count.get(c.id) ?? 0) > 1) {
        reported.add(c.id);
        out.push(finding('tool-call/duplicate-id', `Tool-call id ${q(c.id)} is used by ${count.get(c.id)} calls in the same response`, it.index, pos));
        continue;
      }
      const earlier = firstSeen.get(c.id);
      if (earlier !== undefined && earlier !== it.index) {
        reported.add(c.id);
        const f = finding(
          'tool-call/duplicate-id',
          `Tool-call id ${q(c.id)} (${c.name}) was already used by a call in interaction ${earlier}; clients that look calls up by id will confuse the two`,
          it.index,
          pos,
        );
        if (ctx.editable) f.fix = uniqueIdFix(ctx, it.index, c.id);
        out.push(f);
      }
    }
    for (const c of calls) if (c.id && !firstSeen.has(c.id)) firstSeen.set(c.id, it.index);
  }
  return out;
}

export function positionalIds(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { it, ia } of pairs(ctx)) {
    for (const c of ia?.message?.toolCalls ?? []) {
      if (!c.id || !isPositionalId(c.id)) continue;
      out.push(
        finding(
          'tool-call/positional-id',
          `Tool-call id ${q(c.id)} (${c.name}) encodes the call's position, so the same id comes back in the next turn`,
          it.index,
          findInRange(ctx.lines, it.ranges.responseBody, c.id),
        ),
      );
    }
  }
  return out;
}

export function emptyIds(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { it, ia } of pairs(ctx)) {
    if (!ia?.provider || !NEEDS_ID.has(ia.provider)) continue;
    for (const c of ia.message?.toolCalls ?? []) {
      if (c.id !== null && c.id !== '') continue;
      out.push(
        finding('tool-call/empty-id', `Tool call ${c.slot} (${c.name || 'unnamed'}) has no id; its result cannot be matched to it`, it.index, it.ranges.responseBody),
      );
    }
  }
  return out;
}
