/** Ollama /api/chat and /api/generate NDJSON (docs/stream-formats.md §7): every tool call arrives whole. */
import type { AssembledMessage } from '../../model/llm';
import { isObj, ollamaUsage } from '../usage';
import { argsText, BaseAssembler, nonEmpty } from './base';

export class OllamaAssembler extends BaseAssembler {
  handle(json: unknown): void {
    if (!isObj(json)) return;
    if (json.error !== undefined && json.error !== null) this.addError(String(typeof json.error === 'string' ? json.error : JSON.stringify(json.error)));
    if (nonEmpty(json.model)) this.model = String(json.model);
    const m = isObj(json.message) ? json.message : json; // /api/generate uses top-level fields
    if (typeof m.content === 'string') this.addText(m.content);
    if (typeof json.response === 'string') this.addText(json.response);
    if (typeof m.thinking === 'string') this.addReasoning(m.thinking);
    if (Array.isArray(m.tool_calls)) {
      for (const tc of m.tool_calls) {
        if (!isObj(tc)) continue;
        const fn = isObj(tc.function) ? tc.function : {};
        this.openCall(nonEmpty(tc.id) ? String(tc.id) : null, typeof fn.name === 'string' ? fn.name : '', argsText(fn.arguments ?? {}));
      }
    }
    if (json.done === true) {
      this.done = true;
      if (nonEmpty(json.done_reason)) this.finishReason = String(json.done_reason);
      if (json.prompt_eval_count !== undefined || json.eval_count !== undefined) this.usage = ollamaUsage(json);
    }
  }
}

export function ollamaFromJson(body: unknown): AssembledMessage {
  const a = new OllamaAssembler();
  a.handle(body);
  a.done = true;
  return a.snapshot();
}
