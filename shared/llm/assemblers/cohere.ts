/** Cohere chat: v2 SSE (`content-delta`, `tool-call-*`, `message-end`) and v1 NDJSON (`event_type`). */
import type { AssembledMessage } from '../../model/llm';
import { cohereUsage, isObj } from '../usage';
import { argsText, BaseAssembler, nonEmpty } from './base';

type Obj = Record<string, unknown>;

export class CohereAssembler extends BaseAssembler {
  byIndex = new Map<number, number>();

  handle(json: unknown): void {
    if (!isObj(json)) return;
    if (typeof json.event_type === 'string') return this.v1(json);
    const msg = (v: unknown): Obj => (isObj(v) && isObj(v.message) ? v.message : {});
    switch (json.type) {
      case 'message-start':
        if (nonEmpty(json.id)) this.id = String(json.id);
        return;
      case 'content-delta': {
        const c = msg(json.delta).content;
        if (isObj(c) && typeof c.text === 'string') this.addText(c.text);
        if (isObj(c) && typeof c.thinking === 'string') this.addReasoning(c.thinking);
        return;
      }
      case 'tool-plan-delta': {
        const plan = msg(json.delta).tool_plan;
        if (typeof plan === 'string') this.addReasoning(plan);
        return;
      }
      case 'tool-call-start': {
        const tc = msg(json.delta).tool_calls;
        if (!isObj(tc)) return;
        const fn = isObj(tc.function) ? tc.function : {};
        const slot = this.openCall(nonEmpty(tc.id) ? String(tc.id) : null, typeof fn.name === 'string' ? fn.name : '', argsText(fn.arguments));
        this.byIndex.set(typeof json.index === 'number' ? json.index : slot, slot);
        return;
      }
      case 'tool-call-delta': {
        const tc = msg(json.delta).tool_calls;
        const slot = this.byIndex.get(typeof json.index === 'number' ? json.index : -1) ?? this.calls.length - 1;
        if (isObj(tc) && isObj(tc.function) && typeof tc.function.arguments === 'string' && slot >= 0) this.appendArgs(slot, tc.function.arguments);
        return;
      }
      case 'message-end': {
        const d = isObj(json.delta) ? json.delta : {};
        if (nonEmpty(d.finish_reason)) this.finishReason = String(d.finish_reason);
        if (isObj(d.usage)) this.usage = cohereUsage(d.usage);
        if (isObj(d.error) || typeof d.error === 'string') this.addError(JSON.stringify(d.error));
        this.done = true;
        return;
      }
      default:
        if (json.message !== undefined || json.finish_reason !== undefined) this.fullV2(json);
    }
  }

  private v1(json: Obj): void {
    switch (json.event_type) {
      case 'stream-start':
        if (nonEmpty(json.generation_id)) this.id = String(json.generation_id);
        return;
      case 'text-generation':
        if (typeof json.text === 'string') this.addText(json.text);
        return;
      case 'tool-calls-generation':
        this.v1Tools(json.tool_calls);
        return;
      case 'stream-end': {
        if (nonEmpty(json.finish_reason)) this.finishReason = String(json.finish_reason);
        const r = isObj(json.response) ? json.response : {};
        if (isObj(r.meta)) this.usage = cohereUsage(r.meta);
        this.done = true;
        return;
      }
    }
  }

  private v1Tools(list: unknown): void {
    if (!Array.isArray(list)) return;
    for (const tc of list) if (isObj(tc)) this.openCall(null, typeof tc.name === 'string' ? tc.name : '', argsText(tc.parameters ?? {}));
  }

  /** Non-streamed v1 or v2 response. */
  full(json: Obj): void {
    if (isObj(json.message) || json.id !== undefined && json.text === undefined) return this.fullV2(json);
    if (nonEmpty(json.generation_id)) this.id = String(json.generation_id);
    if (typeof json.text === 'string') this.addText(json.text);
    this.v1Tools(json.tool_calls);
    if (nonEmpty(json.finish_reason)) this.finishReason = String(json.finish_reason);
    if (isObj(json.meta)) this.usage = cohereUsage(json.meta);
  }

  private fullV2(json: Obj): void {
    if (nonEmpty(json.id)) this.id = String(json.id);
    const m = isObj(json.message) ? json.message : {};
    if (Array.isArray(m.content)) {
      for (const c of m.content) {
        if (!isObj(c)) continue;
        if (c.type === 'thinking' && typeof c.thinking === 'string') this.addReasoning(c.thinking);
        else if (typeof c.text === 'string') this.addText(c.text);
      }
    }
    if (typeof m.tool_plan === 'string') this.addReasoning(m.tool_plan);
    if (Array.isArray(m.tool_calls)) {
      for (const tc of m.tool_calls) {
        if (!isObj(tc)) continue;
        const fn = isObj(tc.function) ? tc.function : {};
        this.openCall(nonEmpty(tc.id) ? String(tc.id) : null, typeof fn.name === 'string' ? fn.name : '', argsText(fn.arguments));
      }
    }
    if (nonEmpty(json.finish_reason)) this.finishReason = String(json.finish_reason);
    if (isObj(json.usage)) this.usage = cohereUsage(json.usage);
  }
}

export function cohereFromJson(body: unknown): AssembledMessage {
  const a = new CohereAssembler();
  if (isObj(body)) a.full(body);
  a.done = true;
  return a.snapshot();
}
