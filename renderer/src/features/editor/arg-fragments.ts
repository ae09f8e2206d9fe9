/**
 * Where a streamed tool call's argument fragments sit: the event and the span of the JSON
 * string token inside its data, per dialect. Only dialects whose fragments are plain JSON
 * strings are supported; the others are edited in the Raw tab.
 */
import { stringTokens } from '../../../../shared/lint/json-tokens';
import type { JsonPath } from '../../../../shared/lint/json-tokens';
import type { InteractionAnalysis } from '../../../../shared/model/analysis';

export interface ArgFragment {
  event: number;
  data: string;
  /** Span of the string token (with quotes) in `data`. */
  start: number;
  end: number;
  value: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const samePath = (a: JsonPath, b: JsonPath) => a.length === b.length && a.every((x, i) => x === b[i]);

function tokenAt(data: string, path: JsonPath): { start: number; end: number; value: string } | null {
  return stringTokens(data)?.find((t) => samePath(t.path, path)) ?? null;
}

export function argFragments(ia: InteractionAnalysis, slot: number): ArgFragment[] | string {
  const events = ia.stream?.events ?? [];
  const out: ArgFragment[] = [];
  const push = (i: number, path: JsonPath) => {
    const t = tokenAt(events[i].data, path);
    if (t) out.push({ event: i, data: events[i].data, ...t });
  };
  if (ia.provider === 'openai-chat') {
    events.forEach((e, i) => {
      const choices = isObj(e.json) && Array.isArray(e.json.choices) ? e.json.choices : [];
      choices.forEach((ch, ci) => {
        const calls = isObj(ch) && isObj(ch.delta) && Array.isArray(ch.delta.tool_calls) ? ch.delta.tool_calls : [];
        calls.forEach((tc, j) => {
          const idx = isObj(tc) && typeof tc.index === 'number' ? tc.index : j;
          if (idx === slot) push(i, ['choices', ci, 'delta', 'tool_calls', j, 'function', 'arguments']);
        });
      });
    });
  } else if (ia.provider === 'anthropic') {
    // Slots count tool_use blocks in order; deltas address them by content block index.
    const slotOfBlock = new Map<number, number>();
    events.forEach((e, i) => {
      const j = e.json;
      if (!isObj(j) || typeof j.index !== 'number') return;
      if (j.type === 'content_block_start' && isObj(j.content_block) && j.content_block.type === 'tool_use') slotOfBlock.set(j.index, slotOfBlock.size);
      else if (j.type === 'content_block_delta' && isObj(j.delta) && j.delta.type === 'input_json_delta' && slotOfBlock.get(j.index) === slot)
        push(i, ['delta', 'partial_json']);
    });
  } else return `editing streamed arguments of ${ia.provider ?? 'this'} responses is not supported: edit the events in the Raw tab`;
  return out.length ? out : 'no argument fragments found for this call';
}
