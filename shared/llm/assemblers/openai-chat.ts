/**
 * OpenAI Chat Completions chunks and every OpenAI-compatible host (OpenRouter, DeepSeek, Groq,
 * xAI, Kimi …), plus the legacy /v1/completions `text` choices. Notes §3.3 step by step.
 * Only choice 0 is assembled: that is what every recorded client asked for.
 */
import type { AssembledMessage, StreamEvent } from '../../model/llm';
import { isObj, openaiChatUsage, reportedCost } from '../usage';
import { classifyArgs } from '../tool-args';
import { BaseAssembler, nonEmpty, str } from './base';

type Obj = Record<string, unknown>;

export class OpenAiChatAssembler extends BaseAssembler {
  byId = new Map<string, number>();
  byIndex = new Map<number, number>();
  /** A non-streamed body: the choice's `message` is the whole answer. */
  whole = false;

  handle(json: unknown, ev?: StreamEvent): void {
    if (!isObj(json)) return;
    if (json.error !== undefined && json.error !== null) this.addError(errorText(json.error));
    else if (json.object === 'error' || ev?.event === 'error') this.addError(errorText(json));
    if (nonEmpty(json.id)) this.id = String(json.id);
    if (nonEmpty(json.model)) this.model = String(json.model);
    if (typeof json.provider === 'string' && json.provider !== '') this.upstreamProvider = json.provider; // OpenRouter
    if (Array.isArray(json.choices)) {
      for (const c of json.choices) if (isObj(c) && (c.index ?? 0) === 0) this.choice(c);
    }
    const xg = isObj(json.x_groq) && isObj(json.x_groq.usage) ? json.x_groq.usage : null;
    const usage = isObj(json.usage) ? json.usage : xg;
    if (usage) this.takeUsage(usage);
  }

  private takeUsage(u: Obj): void {
    // A snapshot: replace, never add (docs/stream-formats.md §0).
    this.usage = openaiChatUsage(u);
    const cost = reportedCost(u);
    if (cost !== null) this.reportedCostUsd = cost;
  }

  private choice(c: Obj): void {
    const d = this.whole ? wholeMessage(c) : isObj(c.delta) ? c.delta : isObj(c.message) ? c.message : null;
    // One source per chunk: Together sends each token both as legacy `text` and in `delta.content`.
    if (typeof c.text === 'string' && !(d && typeof d.content === 'string')) this.addText(c.text); // legacy completions
    if (d) this.delta(d);
    // Never let a later finish_reason:null (OpenRouter's usage chunk) un-finish the choice.
    if (nonEmpty(c.finish_reason)) this.finishReason = String(c.finish_reason);
  }

  private delta(d: Obj): void {
    if (typeof d.content === 'string') this.addText(d.content);
    else if (Array.isArray(d.content)) {
      for (const p of d.content) {
        if (!isObj(p)) continue;
        if (p.type === 'thinking') this.addReasoning(thinkingText(p.thinking)); // Mistral magistral
        else if (typeof p.text === 'string') this.addText(p.text);
      }
    }
    if (typeof d.refusal === 'string' && d.refusal !== '') this.addError(`Refusal: ${d.refusal}`);
    const details = Array.isArray(d.reasoning_details) ? d.reasoning_details : [];
    if (details.length > 0) {
      // OpenRouter sends the same text in `reasoning` and `reasoning_details`: use the details only.
      for (const r of details) {
        if (!isObj(r)) continue;
        if (typeof r.text === 'string') this.addReasoning(r.text);
        else if (typeof r.summary === 'string') this.addReasoning(r.summary);
      }
    } else {
      const r = str(d.reasoning_content) ?? str(d.reasoning);
      if (r) this.addReasoning(r);
    }
    if (Array.isArray(d.tool_calls)) for (const tc of d.tool_calls) if (isObj(tc)) this.toolDelta(tc);
    if (isObj(d.function_call)) this.toolDelta({ function: d.function_call }); // deprecated shape
  }

  private toolDelta(tc: Obj): void {
    const fn = isObj(tc.function) ? tc.function : isObj(tc.custom) ? tc.custom : {};
    const id = nonEmpty(tc.id) ? String(tc.id) : null;
    const name = typeof fn.name === 'string' && fn.name !== '' ? fn.name : null;
    const slot = this.slotFor(tc, id, name);
    const call = this.calls[slot];
    // Assign id/name only when non-empty; keep the first id so a host that stamps fresh ids on
    // continuation fragments cannot rename the call. Arguments are appended.
    if (id !== null) {
      if (call.id === null) this.patchCall(slot, { id });
      this.byId.set(id, slot);
    }
    if (name !== null && call.name !== name) this.patchCall(slot, { name });
    const piece = typeof fn.arguments === 'string' ? fn.arguments : typeof fn.input === 'string' ? fn.input : '';
    if (piece === '' && isObj(fn.arguments)) this.appendArgs(slot, JSON.stringify(fn.arguments));
    else this.appendArgs(slot, piece);
  }

  private slotFor(tc: Obj, id: string | null, name: string | null): number {
    if (id !== null && this.byId.has(id)) return this.byId.get(id)!;
    const index = typeof tc.index === 'number' ? tc.index : null;
    if (index !== null && this.byIndex.has(index)) {
      const s = this.byIndex.get(index)!;
      const prev = this.calls[s];
      // Ollama-compatible servers reuse index 0 for parallel calls: a new id that starts a call is a
      // new call. (Parse the previous arguments only in that rare case: it is O(length).)
      const newId = id !== null && prev.id !== null && prev.id !== id;
      if (!(newId && (name !== null || classifyArgs(prev.arguments).parse === 'complete'))) return s;
    } else if (index === null && this.calls.length > 0 && !(id !== null && name !== null)) {
      return this.calls.length - 1; // some hosts omit index
    }
    const slot = this.openCall(null, '');
    if (index !== null) this.byIndex.set(index, slot);
    return slot;
  }
}

/**
 * A non-streamed choice's message. Perplexity sends the full `message` plus an empty `delta`:
 * the message wins whenever it has something to say.
 */
function wholeMessage(c: Obj): Obj | null {
  const m = isObj(c.message) ? c.message : null;
  const said = (o: Obj | null) => !!o && ((typeof o.content === 'string' && o.content !== '') || (Array.isArray(o.content) && o.content.length > 0) || Array.isArray(o.tool_calls) || o.reasoning_content !== undefined || o.reasoning !== undefined);
  if (said(m)) return m;
  return isObj(c.delta) && said(c.delta) ? c.delta : m;
}

/** Mistral's `thinking` is an array of `{type:"text", text}` parts (or, defensively, a string). */
function thinkingText(t: unknown): string {
  if (typeof t === 'string') return t;
  if (!Array.isArray(t)) return '';
  return t.map((p) => (isObj(p) && typeof p.text === 'string' ? p.text : '')).join('');
}

export function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (isObj(e)) {
    const msg = str(e.message) ?? (isObj(e.error) ? str(e.error.message) : null);
    const code = e.code ?? e.type ?? (isObj(e.error) ? e.error.type : undefined);
    if (msg) return code !== undefined && code !== null ? `${String(code)}: ${msg}` : msg;
  }
  return JSON.stringify(e);
}

export function openAiChatFromJson(body: unknown): AssembledMessage {
  const a = new OpenAiChatAssembler();
  a.whole = true;
  a.handle(body);
  a.done = true;
  return a.snapshot();
}

