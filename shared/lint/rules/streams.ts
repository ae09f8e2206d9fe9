/**
 * Stream health: the terminator each dialect ends with, requested usage, JSON that a re-record
 * split over two events, error events, and requests whose `stream` flag the response contradicts.
 */
import type { InteractionAnalysis } from '../../model/analysis';
import type { Interaction } from '../../model/cassette';
import type { StreamEvent } from '../../model/llm';
import { tryJson } from '../../stream/json-event';
import type { RawFinding } from '../types';
import type { RuleCtx } from '../context';
import { finding, pairs } from '../context';
import { bodyBytePos } from '../positions';
import { appendToStreamFix } from '../fixes/stream-terminator';

const ok = (it: Interaction) => it.response.status === null || it.response.status < 400;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function sse(ia: InteractionAnalysis | null): ia is InteractionAnalysis & { stream: NonNullable<InteractionAnalysis['stream']> } {
  return !!ia?.stream && ia.stream.framing === 'sse';
}

function lastEventPos(ctx: RuleCtx, it: Interaction, events: StreamEvent[]) {
  const ev = events[events.length - 1];
  return ev ? bodyBytePos(ctx.lines, it.response.body, ev.offset) : it.ranges.responseBody;
}

export function unterminated(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { it, ia } of pairs(ctx)) {
    if (!sse(ia) || !ia.stream.unterminated || ia.stream.events.length === 0) continue;
    const f = finding('stream/unterminated', 'The last stream event is not followed by a blank line, so a strict SSE client never dispatches it', it.index, lastEventPos(ctx, it, ia.stream.events));
    if (ctx.editable) f.fix = appendToStreamFix(it.index, 'End the last event with a blank line', '');
    out.push(f);
  }
  return out;
}

export function missingDone(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { it, ia } of pairs(ctx)) {
    if (!sse(ia) || ia.provider !== 'openai-chat' || !ok(it) || ia.stream.events.length === 0) continue;
    if (ia.stream.events.some((e) => e.data.trim() === '[DONE]')) continue;
    // A stream that ends on an error is the error rule's finding; Perplexity ends with its own terminal object.
    if (ia.stream.events.some((e) => errorOf(e) !== null || (isObj(e.json) && e.json.object === 'chat.completion.done'))) continue;
    const f = finding('stream/missing-done', 'The chat-completions stream ends without `data: [DONE]` (a re-record or proxy dropped it)', it.index, lastEventPos(ctx, it, ia.stream.events));
    if (ctx.editable) f.fix = appendToStreamFix(it.index, 'Append `data: [DONE]` to the stream', 'data: [DONE]');
    out.push(f);
  }
  return out;
}

export function missingMessageStop(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { it, ia } of pairs(ctx)) {
    if (!sse(ia) || ia.provider !== 'anthropic' || !ok(it) || ia.stream.events.length === 0) continue;
    if (ia.stream.events.some((e) => e.event === 'message_stop' || (isObj(e.json) && e.json.type === 'message_stop'))) continue;
    if (ia.stream.events.some((e) => e.event === 'error' || (isObj(e.json) && e.json.type === 'error'))) continue; // ended by an error instead
    const f = finding('stream/missing-message-stop', 'The Anthropic stream ends without a `message_stop` event', it.index, lastEventPos(ctx, it, ia.stream.events));
    if (ctx.editable) f.fix = appendToStreamFix(it.index, 'Append a `message_stop` event to the stream', 'event: message_stop\ndata: {"type":"message_stop"}');
    out.push(f);
  }
  return out;
}

export function missingUsage(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { it, ia } of pairs(ctx)) {
    if (!ia?.stream || !ok(it) || ia.provider !== 'openai-chat') continue;
    const so = ia.request?.params.stream_options;
    // Reported usage only: the app fills missing usage with tokenizer estimates, the CLI does not.
    if (!isObj(so) || so.include_usage !== true || ia.message?.usage) continue;
    out.push(finding('stream/missing-usage', 'The request asked for a usage chunk (`stream_options.include_usage`) but the stream has none', it.index, lastEventPos(ctx, it, ia.stream.events)));
  }
  return out;
}

const SENTINEL = /^\s*(\[DONE\]|)\s*$/;

export function splitJson(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { it, ia } of pairs(ctx)) {
    const events = ia?.stream?.events ?? [];
    for (let k = 0; k < events.length - 1; k++) {
      const e = events[k];
      if (e.json !== undefined || SENTINEL.test(e.data)) continue;
      // Join with up to three following events: a split rarely spans more.
      let joined = e.data;
      for (let n = k + 1; n < Math.min(events.length, k + 4); n++) {
        joined += events[n].data;
        if (tryJson(joined) === undefined) continue;
        out.push(
          finding('stream/split-json', `Stream events ${k}–${n} hold one JSON value split across ${n - k + 1} events; each event alone is not JSON`, it.index, bodyBytePos(ctx.lines, it.response.body, e.offset)),
        );
        k = n;
        break;
      }
    }
  }
  return out;
}

function errorOf(e: StreamEvent): string | null {
  const j = e.json;
  if (e.event === 'error') return e.data.slice(0, 160);
  if (!isObj(j)) return null;
  if (j.type === 'error' || j.type === 'response.failed' || j.type === 'response.error') return JSON.stringify(j.error ?? j.response ?? j).slice(0, 160);
  if (j.error !== undefined && j.error !== null) return JSON.stringify(j.error).slice(0, 160);
  return null;
}

export function errorEvents(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { it, ia } of pairs(ctx)) {
    for (const e of ia?.stream?.events ?? []) {
      const err = errorOf(e);
      if (err === null) continue;
      out.push(finding('stream/error-event', `Stream event ${e.index} is an error: ${err}`, it.index, bodyBytePos(ctx.lines, it.response.body, e.offset)));
      break; // one per stream: the rest usually repeats it
    }
  }
  return out;
}

export function streamMismatch(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { it, ia } of pairs(ctx)) {
    if (!ia?.request || !ok(it) || it.response.body.bytes.length === 0) continue;
    if (ia.request.stream && !ia.streaming) {
      out.push(finding('stream/not-streamed', 'The request asked for a stream (`stream: true`) but the recorded response is a single body; a streaming client will not parse it', it.index, it.ranges.responseBody));
    } else if (!ia.request.stream && ia.streaming && ia.stream?.framing === 'sse') {
      out.push(finding('stream/unexpected-stream', 'The recorded response is an event stream although the request did not ask for one', it.index, it.ranges.responseBody));
    }
  }
  return out;
}
