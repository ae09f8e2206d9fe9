/**
 * Tool results against the calls they answer. The analysis links results to the assistant turn
 * right before them (by id, or by position when ids differ); these rules report what did not link
 * cleanly: results whose id names no call, and calls that a continuing conversation never answered.
 */
import type { RequestMessage, ToolLink } from '../../model/llm';
import type { RawFinding } from '../types';
import type { RuleCtx } from '../context';
import { finding, pairs, q } from '../context';
import { findInRange, resultIdNeedle } from '../positions';

function lastAssistantTurn(msgs: RequestMessage[]): number {
  for (let m = msgs.length - 1; m >= 0; m--) if (msgs[m].role === 'assistant' || msgs[m].role === 'model') return m;
  return -1;
}

const isResult = (m: RequestMessage) => m.role === 'tool' || m.role === 'function';

export function unknownResultIds(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  const links = ctx.analysis?.links ?? [];
  const list = pairs(ctx);
  for (const l of links) {
    if (l.by !== 'position' || l.resultId === null || l.callId === null || l.resultId === l.callId) continue;
    const it = list[l.toInteraction]?.it;
    if (!it) continue;
    const call = list[l.fromInteraction]?.ia?.message?.toolCalls.find((c) => c.slot === l.callSlot);
    out.push(
      finding(
        'tool-result/unknown-id',
        `Tool result ${q(l.resultId)} answers no call of interaction ${l.fromInteraction}; by position it answers ${q(l.callId)}${call ? ` (${call.name})` : ''}: the id changed between the response and the next request (rewritten by the client or after recording)`,
        it.index,
        findInRange(ctx.lines, it.ranges.requestBody, resultIdNeedle(l.resultId), l.resultId),
      ),
    );
  }
  // Results of the latest turn that the linker could not place at all.
  const linked = new Set(links.map((l) => `${l.toInteraction}:${l.messageIndex}`));
  for (let j = 1; j < list.length; j++) {
    const msgs = list[j].ia?.request?.messages;
    const prevCalls = list[j - 1].ia?.message?.toolCalls ?? [];
    if (!msgs || prevCalls.length === 0) continue;
    const ids = new Set(prevCalls.map((c) => c.id));
    // Calls without ids (Gemini) are answered by name; a client-assigned result id says nothing.
    if (prevCalls.every((c) => c.id === null)) continue;
    for (let m = lastAssistantTurn(msgs) + 1; m < msgs.length; m++) {
      const r = msgs[m];
      if (!isResult(r) || linked.has(`${j}:${m}`) || !r.toolCallId || ids.has(r.toolCallId)) continue;
      const it = list[j].it;
      out.push(
        finding(
          'tool-result/unknown-id',
          `Tool result ${q(r.toolCallId)} answers no call of interaction ${j - 1} (its calls: ${prevCalls.map((c) => q(c.id)).join(', ')})`,
          it.index,
          findInRange(ctx.lines, it.ranges.requestBody, resultIdNeedle(r.toolCallId), r.toolCallId),
        ),
      );
    }
  }
  return out;
}

/** Request k+1 continues request k's conversation: same messages first, then more. */
function continues(a: RequestMessage[], b: RequestMessage[]): boolean {
  return b.length > a.length && a.length > 0 && a.every((m, i) => m.role === b[i].role && m.text === b[i].text);
}

/** Anthropic server tools (web search, tool search) are answered by the server in the same response. */
const serverSide = (id: string | null) => id !== null && id.startsWith('srvtoolu_');

export function unansweredCalls(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  const links = ctx.analysis?.links ?? [];
  const list = pairs(ctx);
  const bySource = new Map<number, ToolLink[]>();
  for (const l of links) (bySource.get(l.fromInteraction) ?? bySource.set(l.fromInteraction, []).get(l.fromInteraction)!).push(l);
  list.forEach(({ it, ia }, k) => {
    const calls = ia?.message?.toolCalls ?? [];
    if (calls.length === 0 || k + 1 >= list.length) return;
    const mine = bySource.get(k);
    let answeredIn: number;
    let later: RequestMessage[] = [];
    if (mine && mine.length > 0) answeredIn = mine[0].toInteraction;
    else {
      // Nothing linked: only a finding when the next request clearly carries on this conversation.
      const a = ia?.request?.messages;
      const b = list[k + 1].ia?.request?.messages;
      if (!a || !b || !continues(a, b)) return;
      answeredIn = k + 1;
      later = b.slice(a.length).filter(isResult);
    }
    const slots = new Set((mine ?? []).map((l) => l.callSlot));
    // What the linker could not place may still answer by id or, for id-less calls, by name.
    const ids = new Set(later.map((r) => r.toolCallId));
    const names = new Set(later.map((r) => r.name));
    for (const c of calls) {
      if (slots.has(c.slot) || serverSide(c.id)) continue;
      if (c.id !== null ? ids.has(c.id) : names.has(c.name) || later.length >= calls.length) continue;
      out.push(
        finding(
          'tool-call/unanswered',
          `Tool call ${q(c.id)} (${c.name}) is never answered: the conversation continues in interaction ${answeredIn} without its result`,
          it.index,
          findInRange(ctx.lines, it.ranges.responseBody, c.id ?? c.name),
        ),
      );
    }
  });
  return out;
}
