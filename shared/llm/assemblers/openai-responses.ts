/**
 * OpenAI Responses API events (docs/stream-formats.md §4.3). Items are keyed by output_index and by item id; text
 * is kept per item so an authoritative `.done` text can correct the deltas. Built-in tool items
 * (web/file search, code interpreter, image generation, MCP, computer use) become extra parts whose
 * status follows their progress events; url/file annotations become citations.
 */
import type { AssembledMessage } from '../../model/llm';
import { b64Bytes } from '../builtin-summary';
import { openAiAnnotation } from '../citations';
import { isObj, openaiResponsesUsage, reportedCost } from '../usage';
import { argsText, BaseAssembler, nonEmpty } from './base';
import { errorText } from './openai-chat';

type Obj = Record<string, unknown>;

/** `response.<tool>.<phase>` progress events; the phase is the tool's status from then on. */
const PROGRESS = /^response\.(web_search_call|file_search_call|code_interpreter_call|image_generation_call|mcp_call|mcp_list_tools)\.([a-z_]+)$/;
const CLIENT_ITEMS = new Set(['message', 'reasoning', 'function_call', 'custom_tool_call']);

/** Output items the provider runs (or asks the client to run, like computer_call) other than functions. */
function isBuiltinItem(type: string): boolean {
  return !CLIENT_ITEMS.has(type) && (type.endsWith('_call') || type.startsWith('mcp_'));
}

export class OpenAiResponsesAssembler extends BaseAssembler {
  protected override readonly toolWord = 'function_call';
  /** item id → tool-call slot. */
  itemSlots = new Map<string, number>();
  /** output_index → text of that message item (joined in order to form `text`). */
  itemText = new Map<number, string>();
  /** item id → built-in tool part slot. */
  itemBuiltins = new Map<string, number>();
  /** `output_index:content_index:annotation_index` of each entry of `citations`. */
  citeKeys: string[] = [];
  /** Reasoning items whose encrypted content was counted (a Map: clone() copies maps). */
  encryptedSeen = new Map<string, true>();

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
        if (typeof json.delta === 'string') this.appendItemText(oi, json.delta);
        return;
      case 'response.output_text.done':
        if (typeof json.text === 'string') this.setItemText(oi, json.text);
        return;
      case 'response.function_call_arguments.delta':
      case 'response.custom_tool_call_input.delta':
      case 'response.mcp_call_arguments.delta': {
        const slot = this.itemSlots.get(String(json.item_id));
        if (slot !== undefined && typeof json.delta === 'string') this.appendArgs(slot, json.delta);
        if (t.startsWith('response.mcp') && typeof json.delta === 'string') this.appendBuiltinInput(json.item_id, json.delta);
        return;
      }
      case 'response.function_call_arguments.done':
      case 'response.custom_tool_call_input.done':
      case 'response.mcp_call_arguments.done': {
        const slot = this.itemSlots.get(String(json.item_id));
        const full = json.arguments ?? json.input;
        if (slot !== undefined && typeof full === 'string') this.patchCall(slot, { arguments: full });
        const b = this.itemBuiltins.get(String(json.item_id));
        if (b !== undefined && typeof full === 'string') this.patchBuiltin(b, { input: full });
        return;
      }
      case 'response.code_interpreter_call_code.delta':
        if (typeof json.delta === 'string') this.appendBuiltinInput(json.item_id, json.delta);
        return;
      case 'response.code_interpreter_call_code.done': {
        const b = this.itemBuiltins.get(String(json.item_id));
        if (b !== undefined && typeof json.code === 'string') this.patchBuiltin(b, { input: json.code });
        return;
      }
      case 'response.output_text.annotation.added': {
        const ci = typeof json.content_index === 'number' ? json.content_index : 0;
        const ai = typeof json.annotation_index === 'number' ? json.annotation_index : this.citeKeys.length;
        this.putCitation(`${oi}:${ci}:${ai}`, json.annotation, this.itemText.get(oi) ?? '');
        return;
      }
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        if (typeof json.delta === 'string') this.addReasoning(json.delta);
        return;
      case 'response.reasoning_summary_part.added':
        if (this.reasoning !== '' && !this.reasoning.endsWith('\n\n')) this.addReasoning('\n\n');
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
        else this.progress(t, json);
    }
  }

  /** Built-in tool progress: status changes and image generation's partial images. */
  private progress(t: string, json: Obj): void {
    const m = PROGRESS.exec(t);
    const b = m ? this.itemBuiltins.get(String(json.item_id)) : undefined;
    if (!m || b === undefined) return;
    if (m[2] === 'partial_image') {
      const old = this.builtins[b];
      const bytes = typeof json.partial_image_b64 === 'string' ? b64Bytes(json.partial_image_b64) : 0;
      // Keep the image's size and format, never its base64.
      const meta: Obj = {};
      for (const k of ['size', 'quality', 'output_format', 'background']) if (nonEmpty(json[k])) meta[k] = json[k];
      this.patchBuiltin(b, { partialImages: (old.partialImages ?? 0) + 1, partialBytes: bytes, payload: { ...old.payload, ...meta } });
    } else this.patchBuiltin(b, { status: m[2] });
  }

  private appendBuiltinInput(itemId: unknown, delta: string): void {
    const b = this.itemBuiltins.get(String(itemId));
    if (b !== undefined && delta !== '') this.patchBuiltin(b, { input: (this.builtins[b].input ?? '') + delta });
  }

  private putCitation(key: string, annotation: unknown, text: string): void {
    const c = openAiAnnotation(annotation, text);
    if (!c) return;
    const at = this.citeKeys.indexOf(key);
    if (at >= 0) this.citations[at] = c;
    else {
      this.citeKeys.push(key);
      this.citations.push(c);
    }
  }

  private builtinItem(item: Obj, oi: number, done: boolean): void {
    const type = String(item.type);
    const key = String(item.id ?? `#${oi}`);
    const failed = item.error !== undefined && item.error !== null;
    const status = nonEmpty(item.status) ? String(item.status) : done ? (failed ? 'failed' : 'completed') : 'in_progress';
    const input = typeof item.code === 'string' ? item.code : type.startsWith('mcp_') && item.arguments !== undefined ? argsText(item.arguments) : undefined;
    const name = type === 'mcp_list_tools' ? nonEmpty(item.server_label) ? String(item.server_label) : undefined
      : nonEmpty(item.name) ? (nonEmpty(item.server_label) ? `${item.server_label}.${item.name}` : String(item.name)) : undefined;
    const slot = this.itemBuiltins.get(key);
    if (slot === undefined) {
      const id = nonEmpty(item.id) ? String(item.id) : null;
      const callSlot = this.itemSlots.get(key);
      const rec = { type, id, status, payload: item, ...(name ? { name } : {}), ...(input !== undefined ? { input } : {}), ...(callSlot !== undefined ? { callSlot } : {}) };
      this.itemBuiltins.set(key, this.openBuiltin(rec));
    } else if (done) {
      // The finished item is authoritative; a streamed input is kept when the item omits it.
      this.patchBuiltin(slot, { status, payload: item, ...(input ? { input } : {}) });
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
    if (text.startsWith(prev) && this.lastItem(oi)) this.addText(text.slice(prev.length));
    else this.text = [...this.itemText.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]).join('');
  }

  /** A delta: appended without comparing the item's whole text (per delta, that was quadratic). */
  private appendItemText(oi: number, delta: string): void {
    if (!this.lastItem(oi)) return this.setItemText(oi, (this.itemText.get(oi) ?? '') + delta);
    this.itemText.set(oi, (this.itemText.get(oi) ?? '') + delta);
    this.addText(delta);
  }

  /** Whether item `oi` is (or would be) the last one with text. */
  private lastItem(oi: number): boolean {
    for (const k of this.itemText.keys()) if (k > oi) return false;
    return true;
  }

  private item(item: Obj, oi: number, done: boolean): void {
    const type = item.type;
    if (type === 'reasoning') return this.encryptedReasoning(item);
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
      // The finished item's annotations are authoritative (and the only ones in a non-streamed body).
      item.content.forEach((c, ci) => {
        if (isObj(c) && Array.isArray(c.annotations)) c.annotations.forEach((a, ai) => this.putCitation(`${oi}:${ci}:${ai}`, a, typeof c.text === 'string' ? c.text : ''));
      });
    }
    // After the tool-call branch, so an MCP call's part can point at its `toolCalls` slot.
    if (typeof type === 'string' && isBuiltinItem(type)) this.builtinItem(item, oi, done);
  }

  private terminal(r: Obj): void {
    this.meta(r);
    if (isObj(r.usage)) {
      this.usage = openaiResponsesUsage(r.usage);
      // Each web_search_call is billed per search; the usage object does not count them. The
      // terminal response's output is authoritative (and survives the index's stream trimming).
      const out = Array.isArray(r.output) && r.output.length ? r.output : this.builtins;
      const searches = out.filter((b) => isObj(b) && b.type === 'web_search_call').length;
      if (searches > 0) this.usage.webSearches = searches;
      // xAI `cost_in_usd_ticks`, OpenRouter `cost`: the same fields as on Chat.
      const cost = reportedCost(r.usage);
      if (cost !== null) this.reportedCostUsd = cost;
    }
    const reason = isObj(r.incomplete_details) ? r.incomplete_details.reason : null;
    if (nonEmpty(reason)) this.finishReason = String(reason);
    else if (nonEmpty(r.status)) this.finishReason = String(r.status);
    if (isObj(r.error)) this.addError(errorText(r.error));
  }

  /**
   * Reasoning the API returns only encrypted (`include: ["reasoning.encrypted_content"]`, or
   * zero-data-retention orgs): like Anthropic's redacted thinking, shown by its size. Once per
   * item, whichever of `.added`/`.done` carries it.
   */
  private encryptedReasoning(item: Obj): void {
    if (typeof item.encrypted_content !== 'string' || item.encrypted_content === '') return;
    const key = String(item.id ?? `#${this.encryptedSeen.size}`);
    if (this.encryptedSeen.has(key)) return;
    this.encryptedSeen.set(key, true);
    this.redacted.push({ bytes: b64Bytes(item.encrypted_content) });
  }

  /** A non-streamed Response object. */
  full(r: Obj): void {
    const out = Array.isArray(r.output) ? r.output : [];
    out.forEach((item, i) => {
      if (!isObj(item)) return;
      if (item.type === 'reasoning') {
        const parts = [...(Array.isArray(item.summary) ? item.summary : []), ...(Array.isArray(item.content) ? item.content : [])];
        for (const p of parts) if (isObj(p) && typeof p.text === 'string') this.addReasoning((this.reasoning ? '\n\n' : '') + p.text);
        this.encryptedReasoning(item);
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
