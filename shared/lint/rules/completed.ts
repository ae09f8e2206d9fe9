/**
 * OpenAI Responses streams say everything twice: as deltas, and again in the final
 * `response.completed` (or `.incomplete`). Clients differ in which they read (streaming UIs
 * the deltas, `stream.finalResponse()` the completed copy), so a hand edit or a proxy that
 * changed one and not the other makes a test pass or fail depending on the client. This rule
 * compares what the deltas assemble to with the completed copy: answer text and each
 * function call's arguments (matched by call id).
 */
import type { StreamEvent } from '../../model/llm';
import type { RawFinding } from '../types';
import type { RuleCtx } from '../context';
import { finding, pairs } from '../context';
import { bodyBytePos } from '../positions';
import { completedCopyFix, copyEdits } from '../fixes/completed-copy';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const TERMINAL = new Set(['response.completed', 'response.incomplete']);

function terminalEvent(events: StreamEvent[]): { ev: StreamEvent; output: unknown[] } | null {
  for (let k = events.length - 1; k >= 0; k--) {
    const j = events[k].json;
    if (!isObj(j) || typeof j.type !== 'string' || !TERMINAL.has(j.type)) continue;
    const output = isObj(j.response) ? j.response.output : undefined;
    return Array.isArray(output) && output.length > 0 ? { ev: events[k], output } : null;
  }
  return null;
}

const partText = (c: unknown) => (isObj(c) && typeof c.text === 'string' ? c.text : isObj(c) && typeof c.refusal === 'string' ? c.refusal : '');
const argsOf = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));

export function completedMismatch(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { it, ia } of pairs(ctx)) {
    if (ia?.provider !== 'openai-responses' || !ia.stream || !ia.message) continue;
    const end = terminalEvent(ia.stream.events);
    if (!end) continue;
    const differs: string[] = [];
    const messages = end.output.filter((item): item is Obj => isObj(item) && item.type === 'message' && Array.isArray(item.content));
    if (messages.length > 0) {
      const text = messages.map((m) => (m.content as unknown[]).map(partText).join('')).join('');
      if (text !== ia.message.text) differs.push('the answer text');
    }
    for (const item of end.output) {
      if (!isObj(item) || (item.type !== 'function_call' && item.type !== 'custom_tool_call')) continue;
      const id = typeof item.call_id === 'string' && item.call_id ? item.call_id : String(item.id ?? '');
      const name = String(item.name ?? 'a call');
      const call = ia.message.toolCalls.find((c) => c.id === id);
      if (!call) differs.push(`${name} (${id}), missing from the deltas`);
      else if (call.arguments !== argsOf(item.arguments ?? item.input)) differs.push(`the arguments of ${name} (${id})`);
    }
    if (differs.length === 0) continue;
    const where = bodyBytePos(ctx.lines, it.response.body, end.ev.offset);
    const f = finding(
      'stream/completed-mismatch',
      `The stream's deltas and its final \`${(end.ev.json as Obj).type}\` disagree on ${differs.join(', ')}: clients that read one or the other replay different answers`,
      it.index,
      where,
    );
    // The deltas are what was streamed; the copy is rewritten to match when that is unambiguous.
    if (ctx.editable && copyEdits(end.output, ia.message)?.length) f.fix = completedCopyFix(it.index);
    out.push(f);
  }
  return out;
}
