/**
 * Stream assembly against the official SDKs' own accumulators, on the same chunks:
 * - core.assemble_vs_openai_sdk: an OpenAI chat stream (text, then parallel tool calls streamed
 *   in fragments, finish, usage). Ours: the product's SSE framer over the body's bytes, each
 *   event stepped through the openai-chat assembler as it is framed, final snapshot. Baseline: `openai`'s ChatCompletionStream.fromReadableStream fed
 *   the same chunks from a local ReadableStream (NDJSON, its own wire format for that call; no
 *   network), to finalChatCompletion().
 * - core.assemble_vs_anthropic_sdk: an Anthropic Messages stream (thinking with signature, text,
 *   tool_use blocks with input_json_delta fragments, message_delta usage). Ours: the same way
 *   with the anthropic assembler. Baseline: `@anthropic-ai/sdk`'s MessageStream.fromReadableStream
 *   to finalMessage().
 * Both sides start from bytes, decode them, frame and parse the JSON themselves, and keep no event
 * list; the viewer's framed-and-kept path is printed beside as core.assemble_kept_vs_*_sdk (no
 * target: what opening costs). OpenAI chunks carry the per-chunk `obfuscation` padding the API
 * sends, so the JSON template (json-memo.ts) sees real chunks. Each run asserts that both
 * assembled the same text, reasoning, tool calls, finish reason and usage (the bench fails
 * otherwise). Value and baseline are the time per stream; the target is a ratio ≤ 0.25.
 */
import { isDeepStrictEqual } from 'node:util';
import { MessageStream } from '@anthropic-ai/sdk/lib/MessageStream';
import { ChatCompletionStream } from 'openai/lib/ChatCompletionStream';
import { createAssembler, type Dialect } from '../../shared/llm/dialects';
import type { AssembledMessage } from '../../shared/model/llm';
import { jsonMemo } from '../../shared/stream/json-memo';
import { forEachSseEvent, frameSse } from '../../shared/stream/sse';
import { utf8Decode } from '../../shared/util/bytes';
import type { Report } from './report';

const enc = new TextEncoder();
/** Both sides read the body in pieces of this size, as a socket would deliver it. */
const READ = 65536;


interface Common {
  id: string | null;
  model: string | null;
  text: string;
  reasoning: string;
  tools: { id: string | null; name: string; args: string }[];
  finish: string | null;
  usage: { input: number; output: number } | null;
}

/**
 * Ours, from the same bytes: decode, frame, parse, step, snapshot, through the product's own
 * framer (forEachSseEvent, what frameSse runs) with events stepped as they are framed and not
 * kept, as the SDKs keep none; their JSON is read with jsonMemo, as the search index reads long
 * streams (same values as JSON.parse).
 */
function ours(d: Dialect, sse: Uint8Array): AssembledMessage {
  const a = createAssembler(d);
  const text = utf8Decode(sse)!;
  forEachSseEvent(sse, text.length === sse.length ? text : null, (ev) => a.step(ev), jsonMemo());
  return a.snapshot();
}

/** The viewer's path: the whole event list is framed and kept (offsets, JSON), then stepped. */
function oursKeepingEvents(d: Dialect, sse: Uint8Array): AssembledMessage {
  const a = createAssembler(d);
  const text = utf8Decode(sse)!;
  for (const ev of frameSse(sse, text.length === sse.length ? text : null).events) a.step(ev);
  return a.snapshot();
}

function fromOurs(m: AssembledMessage): Common {
  return {
    id: m.id,
    model: m.model,
    text: m.text,
    reasoning: m.reasoning,
    tools: m.toolCalls.map((c) => ({ id: c.id, name: c.name, args: c.arguments })),
    finish: m.finishReason,
    usage: m.usage ? { input: m.usage.inputTokens, output: m.usage.outputTokens } : null,
  };
}

/** A ReadableStream of `bytes` in 64 KB reads, as a socket would deliver them. */
function readable(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.subarray(at, at + READ));
      at += READ;
    },
  });
}

async function openaiSdk(ndjson: Uint8Array): Promise<Common> {
  const done = await ChatCompletionStream.fromReadableStream(readable(ndjson)).finalChatCompletion();
  const c = done.choices[0];
  return {
    id: done.id,
    model: done.model,
    text: c.message.content ?? '',
    reasoning: '',
    tools: (c.message.tool_calls ?? []).map((t) => ({ id: t.id, name: t.type === 'function' ? t.function.name : '', args: t.type === 'function' ? t.function.arguments : '' })),
    finish: c.finish_reason,
    usage: done.usage ? { input: done.usage.prompt_tokens, output: done.usage.completion_tokens } : null,
  };
}

async function anthropicSdk(ndjson: Uint8Array): Promise<Common> {
  const m = await MessageStream.fromReadableStream(readable(ndjson)).finalMessage();
  const tools: Common['tools'] = [];
  let text = '';
  let reasoning = '';
  for (const b of m.content) {
    if (b.type === 'text') text += b.text;
    else if (b.type === 'thinking') reasoning += b.thinking;
    else if (b.type === 'tool_use') tools.push({ id: b.id, name: b.name, args: JSON.stringify(b.input) });
  }
  return { id: m.id, model: m.model, text, reasoning, tools, finish: m.stop_reason, usage: { input: m.usage.input_tokens, output: m.usage.output_tokens } };
}

/** OpenAI chat chunks as the API sends them: role first, text, parallel tool calls in fragments, finish, usage. */
function openaiChunks(textEvents: number, calls: number, frags: number): unknown[] {
  const base = { id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1_750_000_000, model: 'gpt-4o-mini-2024-07-18', system_fingerprint: 'fp_bench' };
  // OpenAI pads each chunk with a random `obfuscation` string (since 2025; see the corpus'
  // OpenAI recordings): a second value that changes every chunk, as on the wire.
  let n = 0;
  const pad = () => ((++n * 2654435761) % 4294967296).toString(36).slice(0, 1 + (n % 9));
  const chunk = (delta: object, finish: string | null = null) => ({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], obfuscation: pad() });
  const out: unknown[] = [chunk({ role: 'assistant', content: '', refusal: null })];
  for (let i = 0; i < textEvents; i++) out.push(chunk({ content: `w${i % 97} ` }));
  for (let c = 0; c < calls; c++) {
    out.push(chunk({ tool_calls: [{ index: c, id: `call_${c}`, type: 'function', function: { name: `tool_${c}`, arguments: '' } }] }));
    out.push(chunk({ tool_calls: [{ index: c, function: { arguments: '{"items": [' } }] }));
    for (let k = 1; k < frags - 1; k++) out.push(chunk({ tool_calls: [{ index: c, function: { arguments: `${k}, ` } }] }));
    out.push(chunk({ tool_calls: [{ index: c, function: { arguments: '0]}' } }] }));
  }
  out.push(chunk({}, 'tool_calls'));
  out.push({ ...base, choices: [], usage: { prompt_tokens: 100, completion_tokens: 5000, total_tokens: 5100 } });
  return out;
}

/** Anthropic events: thinking + signature, text, `calls` tool_use blocks of `frags` fragments. */
function anthropicEvents(textEvents: number, calls: number, frags: number): unknown[] {
  const out: unknown[] = [];
  out.push({ type: 'message_start', message: { id: 'msg_bench', type: 'message', role: 'assistant', model: 'claude-sonnet-4-20250514', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 120, output_tokens: 1 } } });
  out.push({ type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } });
  for (let i = 0; i < textEvents / 4; i++) out.push({ type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: `step ${i % 89} ` } });
  out.push({ type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'c2lnbmF0dXJl' } });
  out.push({ type: 'content_block_stop', index: 0 });
  out.push({ type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } });
  for (let i = 0; i < textEvents; i++) out.push({ type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: `w${i % 97} ` } });
  out.push({ type: 'content_block_stop', index: 1 });
  for (let c = 0; c < calls; c++) {
    const index = 2 + c;
    out.push({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: `toolu_${c}`, name: `tool_${c}`, input: {} } });
    out.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: '{"items": [' } });
    for (let k = 1; k < frags - 1; k++) out.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: `${k},` } });
    out.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: '0]}' } });
    out.push({ type: 'content_block_stop', index });
  }
  out.push({ type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 5000 } });
  out.push({ type: 'message_stop' });
  return out;
}

async function compare(name: string, d: Dialect, sse: string, ndjson: string, sdk: (b: Uint8Array) => Promise<Common>, report: Report, events: number) {
  const sseBytes = enc.encode(sse);
  const ndBytes = enc.encode(ndjson);
  const mine = fromOurs(ours(d, sseBytes));
  if (!isDeepStrictEqual(oursKeepingEvents(d, sseBytes), ours(d, sseBytes))) throw new Error(`${name}: the two framing paths disagree`);
  const theirs = await sdk(ndBytes);
  // Anthropic tool inputs: the SDK hands back parsed objects; compare them re-serialized.
  if (d === 'anthropic') for (const t of mine.tools) t.args = JSON.stringify(JSON.parse(t.args));
  if (!isDeepStrictEqual(mine, theirs)) throw new Error(`${name}: assembled output differs from the SDK's\nours: ${JSON.stringify(mine).slice(0, 400)}\nsdk:  ${JSON.stringify(theirs).slice(0, 400)}`);
  // Minimum of alternating runs: whoever runs second pays for the garbage of the first, so
  // each side goes first half the time. (No forced gc() between runs: a full collection
  // shrinks the young generation, which then taxes whichever side allocates short-lived objects.)
  let oursMs = Infinity;
  let sdkMs = Infinity;
  for (let r = 0; r < 10; r++) {
    for (const side of r % 2 ? ['sdk', 'ours'] : ['ours', 'sdk']) {
      const t0 = performance.now();
      if (side === 'ours') ours(d, sseBytes);
      else await sdk(ndBytes);
      const ms = performance.now() - t0;
      if (side === 'ours') oursMs = Math.min(oursMs, ms);
      else sdkMs = Math.min(sdkMs, ms);
    }
  }
  // Apart, since its retained event list leaves old-generation garbage for whatever runs next.
  let keptMs = Infinity;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    oursKeepingEvents(d, sseBytes);
    keptMs = Math.min(keptMs, performance.now() - t0);
  }
  report({
    name,
    value: Number(oursMs.toFixed(1)),
    unit: 'ms',
    baseline: `the SDK's own accumulator, same ${events} events`,
    baselineValue: Number(sdkMs.toFixed(1)),
    target: { max: 0.25 },
    note: 'identical assembled output asserted',
  });
  // The viewer's open of the same body (frame and keep every event with its offsets, parse each
  // in full, then assemble): what opening a cassette costs, beside the same SDK run.
  report({
    name: name.replace('assemble_', 'assemble_kept_'),
    value: Number(keptMs.toFixed(1)),
    unit: 'ms',
    baseline: `the SDK's own accumulator, same ${events} events`,
    baselineValue: Number(sdkMs.toFixed(1)),
    note: "the viewer's path: every event kept for the scrubber",
  });
}

export async function run(report: Report): Promise<void> {
  const chat = openaiChunks(35_000, 20, 750).map((c) => JSON.stringify(c));
  await compare(
    'core.assemble_vs_openai_sdk',
    'openai-chat',
    chat.map((d) => `data: ${d}\n\n`).join('') + 'data: [DONE]\n\n',
    chat.join('\n') + '\n',
    openaiSdk,
    report,
    chat.length,
  );
  const anth = anthropicEvents(30_000, 20, 500);
  await compare(
    'core.assemble_vs_anthropic_sdk',
    'anthropic',
    anth.map((e) => `event: ${(e as { type: string }).type}\ndata: ${JSON.stringify(e)}\n\n`).join(''),
    anth.map((e) => JSON.stringify(e)).join('\n') + '\n',
    anthropicSdk,
    report,
    anth.length,
  );
}
