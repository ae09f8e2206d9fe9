/**
 * Where a tool call's arguments sit, per dialect: the fragments (see fragments.ts) a client
 * assembles them from, in stream order. Slots are counted the way the assemblers count calls.
 */
import type { InteractionAnalysis } from '../model/analysis';
import { arr, frag, isObj, streamDocs } from './fragments';
import type { Doc, Frag } from './fragments';

type Finder = (docs: Doc[], slot: number) => (Frag | null)[] | string;

const TOOL_BLOCKS = ['tool_use', 'server_tool_use', 'mcp_tool_use'];
const RESPONSES_CALLS = ['function_call', 'custom_tool_call', 'mcp_call'];

const openaiChat: Finder = (docs, slot) =>
  docs.flatMap((d) =>
    arr(isObj(d.json) ? d.json.choices : undefined).flatMap((ch, ci) => {
      if (!isObj(ch) || (ch.index ?? 0) !== 0) return [];
      return arr(isObj(ch.delta) ? ch.delta.tool_calls : undefined).map((tc, j) => {
        const idx = isObj(tc) && typeof tc.index === 'number' ? tc.index : j;
        return idx === slot ? frag(d, ['choices', ci, 'delta', 'tool_calls', j, 'function', 'arguments'], 'piece') : null;
      });
    }),
  );

/** Anthropic events (also the chunks inside Bedrock Invoke): tool blocks by content index. */
const anthropic: Finder = (docs, slot) => {
  const slotOfBlock = new Map<number, number>();
  const out: (Frag | null)[] = [];
  for (const d of docs) {
    const j = d.json;
    if (!isObj(j)) continue;
    if (j.type === 'message_start' && isObj(j.message))
      arr(j.message.content).forEach((b, k) => {
        if (isObj(b) && TOOL_BLOCKS.includes(String(b.type))) slotOfBlock.set(k, slotOfBlock.size);
      });
    if (typeof j.index !== 'number') continue;
    if (j.type === 'content_block_start' && isObj(j.content_block) && TOOL_BLOCKS.includes(String(j.content_block.type))) {
      slotOfBlock.set(j.index, slotOfBlock.size);
      // A block that starts with its whole input (not the streaming `{}`) is a piece of its own.
      const input = j.content_block.input;
      if (slotOfBlock.get(j.index) === slot && isObj(input) && Object.keys(input).length > 0) return 'this call starts with a whole input object: edit the events in the Raw tab';
    } else if (j.type === 'content_block_delta' && isObj(j.delta) && j.delta.type === 'input_json_delta' && slotOfBlock.get(j.index) === slot)
      out.push(frag(d, ['delta', 'partial_json'], 'piece'));
  }
  return out;
};

/** Responses: deltas, the `.done` event, the finished item and the terminal response's copy. */
const responses: Finder = (docs, slot) => {
  const ids: string[] = [];
  const out: (Frag | null)[] = [];
  const key = (item: Record<string, unknown>) => (typeof item.arguments === 'string' ? 'arguments' : 'input');
  for (const d of docs) {
    const j = d.json;
    if (!isObj(j)) continue;
    const t = String(j.type ?? '');
    if ((t === 'response.output_item.added' || t === 'response.output_item.done') && isObj(j.item) && RESPONSES_CALLS.includes(String(j.item.type))) {
      const id = String(j.item.id ?? `#${String(j.output_index)}`);
      if (!ids.includes(id)) ids.push(id);
      if (ids.indexOf(id) !== slot) continue;
      const f = frag(d, ['item', key(j.item)], t.endsWith('added') ? 'piece' : 'whole');
      if (f && (f.role === 'whole' || f.value !== '')) out.push(f);
    } else if (/^response\.(function_call_arguments|custom_tool_call_input|mcp_call_arguments)\.(delta|done)$/.test(t)) {
      if (ids.indexOf(String(j.item_id)) !== slot) continue;
      out.push(t.endsWith('delta') ? frag(d, ['delta'], 'piece') : frag(d, [typeof j.arguments === 'string' ? 'arguments' : 'input'], 'whole'));
    } else if (/^response\.(completed|incomplete|failed)$/.test(t) && isObj(j.response)) {
      arr(j.response.output).forEach((item, i) => {
        if (isObj(item) && ids.indexOf(String(item.id)) === slot && ids.length > 0) out.push(frag(d, ['response', 'output', i, key(item)], 'whole'));
      });
    }
  }
  return out;
};

const gemini: Finder = (docs, slot) => {
  let n = 0;
  const out: (Frag | null)[] = [];
  for (const d of docs) {
    arr(isObj(d.json) ? d.json.candidates : undefined).forEach((c, ci) => {
      if (!isObj(c) || (c.index ?? 0) !== 0 || !isObj(c.content)) return;
      arr(c.content.parts).forEach((p, k) => {
        if (!isObj(p) || !isObj(p.functionCall)) return;
        if (n++ !== slot) return;
        const fc = p.functionCall;
        if (fc.partialArgs !== undefined || fc.willContinue !== undefined) out.push(null);
        else out.push(frag(d, ['candidates', ci, 'content', 'parts', k, 'functionCall', 'args'], 'object'));
      });
    });
  }
  if (out.includes(null)) return 'Vertex partialArgs streaming (or a call without an args object) is not editable from the view: use the Raw tab';
  return out;
};

const converse: Finder = (docs, slot) => {
  const slotOfBlock = new Map<number, number>();
  const out: (Frag | null)[] = [];
  for (const d of docs) {
    const j = d.json;
    if (!isObj(j)) continue;
    const index = typeof j.contentBlockIndex === 'number' ? j.contentBlockIndex : 0;
    if (d.name === 'contentBlockStart' && isObj(j.start) && isObj(j.start.toolUse)) slotOfBlock.set(index, slotOfBlock.size);
    else if (d.name === 'contentBlockDelta' && isObj(j.delta) && isObj(j.delta.toolUse) && slotOfBlock.get(index) === slot) {
      const input = j.delta.toolUse.input;
      out.push(frag(d, ['delta', 'toolUse', 'input'], typeof input === 'string' ? 'piece' : 'object'));
    }
  }
  return out;
};

/** Non-streamed bodies: the call's one arguments value. */
function jsonBody(dialect: string, d: Doc, slot: number): Frag | null {
  const j = isObj(d.json) ? d.json : {};
  const nth = <T>(list: T[], ok: (x: T) => boolean): number => list.map((x, i) => (ok(x) ? i : -1)).filter((i) => i >= 0)[slot] ?? -1;
  switch (dialect) {
    case 'openai-chat':
    case 'openai-completions': {
      const ch = arr(j.choices).findIndex((c) => isObj(c) && (c.index ?? 0) === 0);
      return ch < 0 ? null : frag(d, ['choices', ch, 'message', 'tool_calls', slot, 'function', 'arguments'], 'whole');
    }
    case 'anthropic':
    case 'bedrock-invoke': {
      const k = nth(arr(j.content), (b) => isObj(b) && TOOL_BLOCKS.includes(String(b.type)));
      return k < 0 ? null : frag(d, ['content', k, 'input'], 'object');
    }
    case 'openai-responses': {
      const k = nth(arr(j.output), (b) => isObj(b) && RESPONSES_CALLS.includes(String(b.type)));
      const item = arr(j.output)[k];
      return k < 0 || !isObj(item) ? null : frag(d, ['output', k, typeof item.arguments === 'string' ? 'arguments' : 'input'], 'whole');
    }
    case 'gemini': {
      const c = isObj(arr(j.candidates)[0]) ? (arr(j.candidates)[0] as Record<string, unknown>) : {};
      const k = nth(arr(isObj(c.content) ? c.content.parts : undefined), (p) => isObj(p) && isObj(p.functionCall));
      return k < 0 ? null : frag(d, ['candidates', 0, 'content', 'parts', k, 'functionCall', 'args'], 'object');
    }
    case 'bedrock-converse': {
      const content = isObj(j.output) && isObj(j.output.message) ? arr(j.output.message.content) : [];
      const k = nth(content, (b) => isObj(b) && isObj(b.toolUse));
      return k < 0 ? null : frag(d, ['output', 'message', 'content', k, 'toolUse', 'input'], 'object');
    }
    case 'ollama':
      return frag(d, ['message', 'tool_calls', slot, 'function', 'arguments'], 'object');
  }
  return null;
}

const STREAM_FINDERS: Record<string, Finder> = {
  'openai-chat': openaiChat,
  'openai-completions': openaiChat,
  anthropic,
  'bedrock-invoke': anthropic,
  'openai-responses': responses,
  gemini,
  'bedrock-converse': converse,
};

const dialectOf = (ia: InteractionAnalysis) => ia.dialect ?? ia.provider ?? '';

/** A streamed call's fragments in stream order, or why the call cannot be edited from the view. */
export function argFragments(ia: InteractionAnalysis, slot: number): Frag[] | string {
  const finder = STREAM_FINDERS[dialectOf(ia)];
  if (!finder) return `editing streamed arguments of ${dialectOf(ia) || 'this'} responses is not supported: edit the events in the Raw tab`;
  const r = finder(streamDocs(ia), slot);
  if (typeof r === 'string') return r;
  const out = r.filter((f): f is Frag => f !== null);
  return out.length ? out : 'no argument fragments found for this call';
}

/** The arguments value of a non-streamed body (`doc` is the whole body). */
export function jsonArgFragment(ia: InteractionAnalysis, doc: Doc, slot: number): Frag | string {
  return jsonBody(dialectOf(ia), doc, slot) ?? `could not find the arguments of call ${slot + 1} in the response body`;
}
