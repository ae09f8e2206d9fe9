/**
 * OpenAI Responses streams say everything twice: as deltas and in the final
 * `response.completed` (or `.incomplete`). compareCompleted() says where the two disagree
 * (for the rule) and, when it is unambiguous, which JSON string values of the completed copy
 * to set so it matches the deltas (for the fix). The fix replaces only those values; every
 * other byte of the event and the file stays.
 */
import { parseCassette } from '../../cassette/parse';
import { setStreamEvents } from '../../edit/stream-events';
import { analyzeCassette } from '../../llm/analyze';
import type { AssembledMessage, StreamEvent } from '../../model/llm';
import { utf8Encode } from '../../util/bytes';
import { stringTokens, type JsonPath } from '../../json/scan';
import type { Fix } from '../types';
import { editText } from './apply';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const TERMINAL = new Set(['response.completed', 'response.incomplete']);

/** The last terminal event with a non-empty `response.output`, or null. */
export function completedCopy(events: StreamEvent[]): { index: number; type: string; output: unknown[] } | null {
  for (let k = events.length - 1; k >= 0; k--) {
    const j = events[k].json;
    if (!isObj(j) || typeof j.type !== 'string' || !TERMINAL.has(j.type)) continue;
    const output = isObj(j.response) ? j.response.output : undefined;
    return Array.isArray(output) && output.length > 0 ? { index: k, type: j.type, output } : null;
  }
  return null;
}

export interface Comparison {
  /** What disagrees, in words ("the answer text", "the arguments of add (call_1)"). */
  differs: string[];
  /** Values to set in the completed copy; null when a difference has no unambiguous fix. */
  edits: { path: JsonPath; value: string }[] | null;
}

const partText = (c: unknown) => (isObj(c) && typeof c.text === 'string' ? c.text : isObj(c) && typeof c.refusal === 'string' ? c.refusal : '');
const argsOf = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));

export function compareCompleted(output: unknown[], msg: AssembledMessage): Comparison {
  const differs: string[] = [];
  let edits: Comparison['edits'] = [];
  const messages = output.flatMap((item, i) => (isObj(item) && item.type === 'message' && Array.isArray(item.content) ? [{ item, i }] : []));
  if (messages.length > 0 && messages.map(({ item }) => (item.content as unknown[]).map(partText).join('')).join('') !== msg.text) {
    differs.push('the answer text');
    // One message with one text part is unambiguous; anything else is left to a hand edit.
    const parts = messages.length === 1 ? (messages[0].item.content as unknown[]) : [];
    if (parts.length === 1 && isObj(parts[0]) && typeof parts[0].text === 'string') edits?.push({ path: ['response', 'output', messages[0].i, 'content', 0, 'text'], value: msg.text });
    else edits = null;
  }
  for (const [i, item] of output.entries()) {
    if (!isObj(item) || (item.type !== 'function_call' && item.type !== 'custom_tool_call')) continue;
    const id = typeof item.call_id === 'string' && item.call_id ? item.call_id : String(item.id ?? '');
    const name = String(item.name ?? 'a call');
    const call = msg.toolCalls.find((c) => c.id === id);
    if (!call) {
      differs.push(`${name} (${id}), missing from the deltas`);
      edits = null;
    } else if (call.arguments !== argsOf(item.arguments ?? item.input)) {
      differs.push(`the arguments of ${name} (${id})`);
      if (item.type === 'function_call' && typeof item.arguments === 'string') edits?.push({ path: ['response', 'output', i, 'arguments'], value: call.arguments });
      else edits = null;
    }
  }
  return { differs, edits };
}

const samePath = (a: JsonPath, b: JsonPath) => a.length === b.length && a.every((x, k) => x === b[k]);

export function completedCopyFix(interaction: number): Fix {
  return {
    title: `Rewrite response.completed from the deltas (interaction ${interaction})`,
    apply: (text) => {
      const c = parseCassette({ path: 'fix.yaml', bytes: utf8Encode(text) });
      const ia = analyzeCassette(c).interactions[interaction];
      const events = ia?.stream?.events ?? [];
      const end = completedCopy(events);
      if (!ia?.message || !end) throw new Error('no response.completed event');
      const edits = compareCompleted(end.output, ia.message).edits;
      if (!edits || edits.length === 0) throw new Error('nothing to rewrite');
      const tokens = stringTokens(events[end.index].data) ?? [];
      const spans = edits.map((e) => ({ e, t: tokens.find((t) => samePath(t.path, e.path)) }));
      if (spans.some((s) => !s.t)) throw new Error('a value to rewrite is not a JSON string');
      let data = events[end.index].data;
      for (const { e, t } of spans.sort((x, y) => y.t!.start - x.t!.start)) data = data.slice(0, t!.start) + JSON.stringify(e.value) + data.slice(t!.end);
      return editText(text, (ed) => setStreamEvents(ed, { interaction, edits: [{ eventIndex: end.index, data }] }));
    },
  };
}
