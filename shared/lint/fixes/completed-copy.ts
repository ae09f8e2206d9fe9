/**
 * Fix for `stream/completed-mismatch`: make the final `response.completed` copy say what the
 * deltas say (the answer text, and each function call's arguments). Only the disagreeing
 * JSON string values are replaced; every other byte of the event and the file stays.
 */
import { parseCassette } from '../../cassette/parse';
import { setStreamEvents } from '../../edit/stream-events';
import { analyzeCassette } from '../../llm/analyze';
import type { AssembledMessage, StreamEvent } from '../../model/llm';
import { utf8Encode } from '../../util/bytes';
import { stringTokens, type JsonPath } from '../json-tokens';
import type { Fix } from '../types';
import { editText } from './apply';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const TERMINAL = new Set(['response.completed', 'response.incomplete']);

export function terminalIndex(events: StreamEvent[]): number {
  for (let k = events.length - 1; k >= 0; k--) {
    const j = events[k].json;
    if (isObj(j) && typeof j.type === 'string' && TERMINAL.has(j.type)) return k;
  }
  return -1;
}

/** Paths of the completed copy's string values to set, with their new values; null: not fixable. */
export function copyEdits(output: unknown[], msg: AssembledMessage): { path: JsonPath; value: string }[] | null {
  const edits: { path: JsonPath; value: string }[] = [];
  const messages = output.flatMap((item, i) => (isObj(item) && item.type === 'message' && Array.isArray(item.content) ? [{ item, i }] : []));
  if (messages.length > 0) {
    const text = messages.map(({ item }) => (item.content as unknown[]).map((c) => (isObj(c) && typeof c.text === 'string' ? c.text : '')).join('')).join('');
    if (text !== msg.text) {
      // One message with one text part is unambiguous; anything else is left to a hand edit.
      const parts = messages.length === 1 ? (messages[0].item.content as unknown[]) : [];
      if (parts.length !== 1 || !isObj(parts[0]) || typeof parts[0].text !== 'string') return null;
      edits.push({ path: ['response', 'output', messages[0].i, 'content', 0, 'text'], value: msg.text });
    }
  }
  for (const [i, item] of output.entries()) {
    if (!isObj(item) || item.type !== 'function_call') continue;
    const call = msg.toolCalls.find((c) => c.id === item.call_id);
    if (!call || typeof item.arguments !== 'string') return null;
    if (call.arguments !== item.arguments) edits.push({ path: ['response', 'output', i, 'arguments'], value: call.arguments });
  }
  return edits;
}

const samePath = (a: JsonPath, b: JsonPath) => a.length === b.length && a.every((x, k) => x === b[k]);

export function completedCopyFix(interaction: number): Fix {
  return {
    title: `Rewrite response.completed from the deltas (interaction ${interaction})`,
    apply: (text) => {
      const c = parseCassette({ path: 'fix.yaml', bytes: utf8Encode(text) });
      const ia = analyzeCassette(c).interactions[interaction];
      const events = ia?.stream?.events ?? [];
      const k = terminalIndex(events);
      const json = events[k]?.json;
      if (!ia?.message || k < 0 || !isObj(json) || !isObj(json.response) || !Array.isArray(json.response.output)) throw new Error('no response.completed event');
      const edits = copyEdits(json.response.output, ia.message);
      if (!edits || edits.length === 0) throw new Error('nothing to rewrite');
      const tokens = stringTokens(events[k].data) ?? [];
      let data = events[k].data;
      const spans = edits.map((e) => ({ e, t: tokens.find((t) => samePath(t.path, e.path)) }));
      if (spans.some((s) => !s.t)) throw new Error('a value to rewrite is not a JSON string');
      for (const { e, t } of spans.sort((x, y) => y.t!.start - x.t!.start)) data = data.slice(0, t!.start) + JSON.stringify(e.value) + data.slice(t!.end);
      return editText(text, (ed) => setStreamEvents(ed, { interaction, edits: [{ eventIndex: k, data }] }));
    },
  };
}
