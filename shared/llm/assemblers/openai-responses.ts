/**
 * OpenAI Responses API events (notes §4.3). Items are keyed by output_index and by item id; text
 * is kept per item so an authoritative `.done` text can correct the deltas.
 */
import type { AssembledMessage } from '../../model/llm';
import { isObj, openaiResponsesUsage } from '../usage';
import { argsText, BaseAssembler, nonEmpty } from './base';
import { errorText } from './openai-chat';

type Obj = Record<string, unknown>;

export class OpenAiResponsesAssembler extends BaseAssembler {
  /** item id → tool-call slot. */
  itemSlots = new Map<string, number>();
  /** output_index → text of that message item (joined in order to form `text`). */
  itemText = new Map<number, string>();

  handle(json: unknown): void {
    if (!isObj(json)) return;
    const t = typeof json.type === 'string' ? json.type : '';
    const oi = typeof json.output_index === 'number' ? json.output_index : 0;
    switch (t) {
      case 'response.created':
      case 'response.in_progress':
      case 'response.queued':
        if (isObj(json.response)) this.meta(json.response);
        return;
      case 'response.output_item.added':
      case 'response.output_item.done':
        if (isObj(json.item)) this.item(json.item, oi, t.endsWith('done'));
        return;
      case 'response.output_text.delta':
      case 'response.refusal.delta':
        if (typeof json.delta === 'string') this.setItemText(oi, (this.itemText.get(oi) ?? '') + json.delta);
        return;
      case 'response.output_text.done':
        if (typeof json.text === 'string') this.setItemText(oi, json.text);
        return;
      case 'response.function_call_arguments.delta':
      case 'response.custom_tool_call_input.delta':
      case 'response.mcp_call_arguments.delta': {
        const slot = this.itemSlots.get(String(json.item_id));
        if (slot !== undefined && typeof json.delta === 'string') this.appendArgs(slot, json.delta);
        return;
      }
      case 'response.function_call_arguments.done':
      case 'response.custom_tool_call_input.done':
      case 'response.mcp_call_arguments.done': {
        const slot = this.itemSlots.get(String(json.item_id));
        const full = json.arguments ?? json.input;
        if (slot !== undefined && typeof full === 'string') this.patchCall(slot, { arguments: full });
        return;
      }
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        if (typeof json.delta === 'string') this.reasoning += json.delta;
        return;
      case 'response.reasoning_summary_part.added':
        if (this.reasoning !== '' && !this.reasoning.endsWith('\n\n')) this.reasoning += '\n\n';
        return;
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed':
        if (isObj(json.response)) this.terminal(json.response);
        this.done = true;
        return;
      case 'error':
        this.addError(errorText(json.error ?? json));
        return;
      default:
        if (t === '' && json.object === 'response') this.full(json);
        else if (t === '' && isObj(json.error)) this.addError(errorText(json.error));
    }
  }

  private meta(r: Obj): void {
    if (nonEmpty(r.id)) this.id = String(r.id);
    if (nonEmpty(r.model)) this.model = String(r.model);
  }

  private setItemText(oi: number, text: string): void {
    const prev = this.itemText.get(oi) ?? '';
    this.itemText.set(oi, text);
    // Fast path: a delta extends the last item's text; anything else rebuilds the join.
    if (text.startsWith(prev) && Math.max(...this.itemText.keys()) === oi) this.text += text.slice(prev.length);
    else this.text = [...this.itemText.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]).join('');
  }

  private item(item: Obj, oi: number, done: boolean): void {
    const type = item.type;
    if (type === 'function_call' || type === 'custom_tool_call' || type === 'mcp_call') {
      const args = argsText(item.arguments ?? item.input ?? '');
      const key = String(item.id ?? `#${oi}`);
      const slot = this.itemSlots.get(key);
      const callId = nonEmpty(item.call_id) ? String(item.call_id) : nonEmpty(item.id) ? String(item.id) : null;
      if (slot === undefined) this.itemSlots.set(key, this.openCall(callId, String(item.name ?? ''), args));
      else if (done && args !== '') this.patchCall(slot, { arguments: args });
    } else if (type === 'message' && done && Array.isArray(item.content)) {
      const text = item.content.map((c) => (isObj(c) && typeof c.text === 'string' ? c.text : isObj(c) && typeof c.refusal === 'string' ? c.refusal : '')).join('');
      if (text !== '' || !this.itemText.has(oi)) this.setItemText(oi, text);
    }
  }

  private terminal(r: Obj): void {
    this.meta(r);
    if (isObj(r.usage)) this.usage = openaiResponsesUsage(r.usage);
    const reason = isObj(r.incomplete_details) ? r.incomplete_details.reason : null;
    if (nonEmpty(reason)) this.finishReason = String(reason);
    else if (nonEmpty(r.status)) this.finishReason = String(r.status);
    if (isObj(r.error)) this.addError(errorText(r.error));
  }

  /** A non-streamed Response object. */
  full(r: Obj): void {
    const out = Array.isArray(r.output) ? r.output : [];
    out.forEach((item, i) => {
      if (!isObj(item)) return;
      if (item.type === 'reasoning') {
        const parts = [...(Array.isArray(item.summary) ? item.summary : []), ...(Array.isArray(item.content) ? item.content : [])];
        for (const p of parts) if (isObj(p) && typeof p.text === 'string') this.reasoning += (this.reasoning ? '\n\n' : '') + p.text;
      } else this.item(item, i, true);
    });
    this.terminal(r);
    this.done = true;
  }
}

export function openAiResponsesFromJson(body: unknown): AssembledMessage {
  const a = new OpenAiResponsesAssembler();
  if (isObj(body) && isObj(body.error) && !Array.isArray(body.output)) a.handle(body);
  else if (isObj(body)) a.full(body);
  a.done = true;
  return a.snapshot();
}
