/**
 * Bedrock (docs/stream-formats.md §8): ConverseStream event-stream frames, non-streamed Converse, and
 * InvokeModel(-WithResponseStream), whose frames wrap a provider-native event in base64 `bytes`
 * (Anthropic events go to the Anthropic rules; Titan / legacy Claude / Llama / Mistral chunks are
 * read for their text).
 */
import type { AssembledMessage, StreamEvent } from '../../model/llm';
import { base64Decode, utf8Decode } from '../../util/bytes';
import { tryJson } from '../../stream/json-event';
import { bedrockConverseUsage, bedrockInvocationUsage, isObj, num } from '../usage';
import { AnthropicAssembler } from './anthropic';
import { argsText, BaseAssembler, nonEmpty } from './base';

type Obj = Record<string, unknown>;
const CONVERSE_EVENTS = ['messageStart', 'contentBlockStart', 'contentBlockDelta', 'contentBlockStop', 'messageStop', 'metadata'];

export class BedrockConverseAssembler extends BaseAssembler {
  protected override readonly toolWord = 'toolUse';
  blockSlots = new Map<number, number>();

  override step(ev: StreamEvent): void {
    const type = ev.headers?.[':message-type'];
    if (type === 'exception' || type === 'error') {
      this.addError(`${String(ev.event ?? type)}: ${ev.data.slice(0, 300)}`);
      return;
    }
    if (isObj(ev.json) && ev.event && CONVERSE_EVENTS.includes(ev.event)) this.event(ev.event, ev.json);
    else super.step(ev);
  }

  /** Payload already wrapped as `{eventType: payload}` (SDK dumps, Vercel's decoder). */
  handle(json: unknown): void {
    if (!isObj(json)) return;
    for (const k of CONVERSE_EVENTS) if (isObj(json[k])) this.event(k, json[k] as Obj);
    if (isObj(json.output)) this.full(json);
  }

  private event(type: string, p: Obj): void {
    const index = typeof p.contentBlockIndex === 'number' ? p.contentBlockIndex : 0;
    switch (type) {
      case 'contentBlockStart': {
        const tu = isObj(p.start) && isObj(p.start.toolUse) ? p.start.toolUse : null;
        if (tu) this.blockSlots.set(index, this.openCall(nonEmpty(tu.toolUseId) ? String(tu.toolUseId) : null, typeof tu.name === 'string' ? tu.name : ''));
        return;
      }
      case 'contentBlockDelta': {
        const d = isObj(p.delta) ? p.delta : {};
        if (typeof d.text === 'string') this.addText(d.text);
        if (isObj(d.reasoningContent) && typeof d.reasoningContent.text === 'string') this.addReasoning(d.reasoningContent.text);
        if (isObj(d.toolUse)) {
          const slot = this.blockSlots.get(index);
          if (slot !== undefined) this.appendArgs(slot, argsText(d.toolUse.input));
        }
        return;
      }
      case 'contentBlockStop': {
        const slot = this.blockSlots.get(index);
        if (slot !== undefined && this.calls[slot].arguments === '') this.patchCall(slot, { arguments: '{}' });
        return;
      }
      case 'messageStop':
        if (nonEmpty(p.stopReason)) this.finishReason = String(p.stopReason);
        this.done = true;
        return;
      case 'metadata':
        if (isObj(p.usage)) this.usage = bedrockConverseUsage(p.usage);
        return;
    }
  }

  full(json: Obj): void {
    const m = isObj(json.output) && isObj(json.output.message) ? json.output.message : {};
    for (const b of Array.isArray(m.content) ? m.content : []) {
      if (!isObj(b)) continue;
      if (typeof b.text === 'string') this.addText(b.text);
      const rc = isObj(b.reasoningContent) && isObj(b.reasoningContent.reasoningText) ? b.reasoningContent.reasoningText : null;
      if (rc && typeof rc.text === 'string') this.addReasoning(rc.text);
      if (isObj(b.toolUse)) this.openCall(nonEmpty(b.toolUse.toolUseId) ? String(b.toolUse.toolUseId) : null, String(b.toolUse.name ?? ''), argsText(b.toolUse.input ?? {}));
    }
    if (nonEmpty(json.stopReason)) this.finishReason = String(json.stopReason);
    if (isObj(json.usage)) this.usage = bedrockConverseUsage(json.usage);
    this.done = true;
  }
}

export class BedrockInvokeAssembler extends AnthropicAssembler {
  override step(ev: StreamEvent): void {
    const type = ev.headers?.[':message-type'];
    if (type === 'exception' || type === 'error') {
      this.addError(`${String(ev.event ?? type)}: ${ev.data.slice(0, 300)}`);
      return;
    }
    const outer = ev.json;
    if (isObj(outer) && typeof outer.bytes === 'string') {
      const raw = base64Decode(outer.bytes);
      const inner = raw ? tryJson(utf8Decode(raw) ?? '') : undefined;
      if (inner === undefined) this.addError('Chunk `bytes` is not base64-encoded JSON');
      else this.handle(inner);
      return;
    }
    super.step(ev);
  }

  override handle(json: unknown): void {
    if (!isObj(json)) return;
    if (typeof json.type === 'string') return super.handle(json);
    // Non-Anthropic models: one chunk (or a whole non-streamed body) with the text so far.
    if (Array.isArray(json.results)) {
      for (const r of json.results) if (isObj(r)) this.textChunk(r.outputText, r.completionReason);
    }
    this.textChunk(json.outputText ?? json.completion ?? json.generation, json.completionReason ?? json.stop_reason);
    if (Array.isArray(json.outputs)) for (const o of json.outputs) if (isObj(o)) this.textChunk(o.text, o.stop_reason);
    const m = json['amazon-bedrock-invocationMetrics'];
    if (isObj(m)) this.usage = bedrockInvocationUsage(m);
    else if (json.inputTextTokenCount !== undefined || json.prompt_token_count !== undefined) {
      const input = num(json.inputTextTokenCount) || num(json.prompt_token_count);
      const output = num(json.totalOutputTextTokenCount) || num(json.generation_token_count) || sumTokens(json.results);
      this.usage = bedrockInvocationUsage({ inputTokenCount: input, outputTokenCount: output });
    }
  }

  private textChunk(text: unknown, reason: unknown): void {
    if (typeof text === 'string') this.addText(text);
    if (nonEmpty(reason)) {
      this.finishReason = String(reason);
      this.done = true;
    }
  }
}

function sumTokens(results: unknown): number {
  return Array.isArray(results) ? results.reduce((s: number, r) => s + (isObj(r) ? num(r.tokenCount) : 0), 0) : 0;
}

export function bedrockConverseFromJson(body: unknown): AssembledMessage {
  const a = new BedrockConverseAssembler();
  if (isObj(body)) a.full(body);
  a.done = true;
  return a.snapshot();
}

export function bedrockInvokeFromJson(body: unknown): AssembledMessage {
  const a = new BedrockInvokeAssembler();
  if (isObj(body) && (body.type === 'message' || Array.isArray(body.content))) a.fullMessage(body);
  else a.handle(body);
  a.done = true;
  return a.snapshot();
}
