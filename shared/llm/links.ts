/**
 * Links tool calls in response k to the tool results in the requests that follow. Ids are not
 * reliable keys: Kimi reuses `add:0` every turn, clients rewrite ids (fantasy sends `test-3`),
 * Bedrock-Mantle repeats `call_0`. So results are only matched against the assistant turn that
 * immediately precedes them, and by position within that turn when the ids do not match.
 */
import type { InteractionAnalysis } from '../model/analysis';
import type { Diagnostic } from '../model/diagnostics';
import type { RequestMessage, ToolCallState, ToolLink } from '../model/llm';

export function linkToolCalls(list: InteractionAnalysis[]): { links: ToolLink[]; diagnostics: Diagnostic[] } {
  const links: ToolLink[] = [];
  const diagnostics: Diagnostic[] = [];
  list.forEach((a, k) => {
    const calls = a.message?.toolCalls ?? [];
    if (calls.length === 0) return;
    for (let j = k + 1; j < list.length; j++) {
      const msgs = list[j].request?.messages;
      if (!msgs) continue;
      const turn = pickTurn(msgs, calls);
      if (turn < 0) continue;
      const found = linkTurn(a.index, calls, list[j].index, msgs, turn);
      if (found.length === 0) continue;
      links.push(...found);
      const differ = found.filter((l) => l.by === 'position' && l.callId !== null && l.resultId !== null && l.callId !== l.resultId);
      if (differ.length > 0) {
        const pairs = differ.map((l) => `${l.callId} → ${l.resultId}`).join(', ');
        diagnostics.push({
          severity: 'warning',
          code: 'links.by-position',
          message: `Tool results in interaction ${list[j].index} are linked to the calls of interaction ${a.index} by position because the ids differ: ${pairs}`,
          interaction: list[j].index,
        });
      }
      break;
    }
  });
  return { links, diagnostics };
}

/** Canonical JSON (sorted keys): Gemini echoes `{"b":3,"a":2}` for a call it sent as `{"a":2,"b":3}`. */
export function normArgs(s: string): string {
  try {
    return JSON.stringify(sortKeys(JSON.parse(s)));
  } catch {
    return s.trim();
  }
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortKeys(o[k])]));
}

/** The last assistant turn whose calls share an id with the response, or match it name-for-name and argument-for-argument. */
function pickTurn(msgs: RequestMessage[], calls: ToolCallState[]): number {
  const ids = new Set(calls.map((c) => c.id).filter((x) => x !== null));
  let byId = -1;
  for (let m = msgs.length - 1; m >= 0; m--) {
    const tc = msgs[m].toolCalls;
    if (!tc || tc.length === 0) continue;
    const sameShape = tc.length === calls.length && tc.every((t, p) => t.name === calls[p].name && normArgs(t.arguments) === normArgs(calls[p].arguments));
    if (sameShape) return m;
    if (byId < 0 && tc.some((t) => t.id !== null && ids.has(t.id))) byId = m;
  }
  return byId;
}

function linkTurn(k: number, calls: ToolCallState[], j: number, msgs: RequestMessage[], turn: number): ToolLink[] {
  const out: ToolLink[] = [];
  const turnCalls = msgs[turn].toolCalls ?? [];
  const idCount = new Map<string, number>();
  for (const c of calls) if (c.id !== null) idCount.set(c.id, (idCount.get(c.id) ?? 0) + 1);
  let ordinal = 0;
  for (let m = turn + 1; m < msgs.length; m++) {
    const r = msgs[m];
    if (r.role === 'assistant' || r.role === 'model') break; // only the immediately preceding turn
    if (r.role !== 'tool' && r.role !== 'function') continue;
    const resultId = r.toolCallId ?? null;
    let slot = -1;
    let by: ToolLink['by'] = 'position';
    if (resultId !== null && idCount.get(resultId) === 1) {
      slot = calls.findIndex((c) => c.id === resultId);
      by = 'id';
    } else {
      const p = resultId !== null ? turnCalls.findIndex((t) => t.id === resultId) : -1;
      slot = p >= 0 ? p : ordinal;
    }
    ordinal++;
    if (slot < 0 || slot >= calls.length) continue;
    out.push({ fromInteraction: k, callSlot: calls[slot].slot, callId: calls[slot].id, toInteraction: j, messageIndex: m, resultId, by });
  }
  return out;
}
