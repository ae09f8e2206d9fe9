/**
 * Anthropic Messages events (docs/stream-formats.md §5.3, mirrors the SDK's MessageStream): blocks keyed by
 * `index`, text/thinking appended, signature set, input_json_delta appended to the tool call.
 * Citations, redacted thinking and server tools (calls and `*_tool_result` blocks) become extra
 * parts; server tool calls also stay in `toolCalls`, where the editor and the linter expect them.
 * Also used for Bedrock InvokeModel(-WithResponseStream) and Vertex rawPredict with Claude.
 */
import type { AssembledMessage } from '../../model/llm';
import { b64Bytes } from '../builtin-summary';
import { anthropicCitation } from '../citations';
import { anthropicUsage, bedrockInvocationUsage, isObj } from '../usage';
import { argsText, BaseAssembler, nonEmpty } from './base';
import { errorText } from './openai-chat';

type Obj = Record<string, unknown>;

export class AnthropicAssembler extends BaseAssembler {
  protected override readonly toolWord = 'tool_use';
  /** content block index → tool-call slot (only tool blocks are listed). */
  blockSlots = new Map<number, number>();
  /** content block index → built-in tool part slot (server tool calls and their results). */
  blockBuiltins = new Map<number, number>();
  /** Raw usage merged field by field: message_delta overwrites what it carries. */
  rawUsage: Obj = {};
  signature = '';
  unknownTypes: string[] = [];

  handle(json: unknown): void {
    if (!isObj(json)) return;
    switch (json.type) {
      case 'ping':
        return;
      case 'error':
        this.addError(errorText(json.error ?? json));
        return;
      case 'message_start':
        if (isObj(json.message)) this.startMessage(json.message);
        return;
      case 'content_block_start':
        this.blockStart(typeof json.index === 'number' ? json.index : 0, json.content_block);
        return;
      case 'content_block_delta':
        this.blockDelta(typeof json.index === 'number' ? json.index : 0, json.delta);
        return;
      case 'content_block_stop': {
        // An empty tool input means `{}` (the SDK parses `jsonBuf || "{}"`).
        const index = typeof json.index === 'number' ? json.index : 0;
        const slot = this.blockSlots.get(index);
        if (slot !== undefined && this.calls[slot].arguments === '') this.patchCall(slot, { arguments: '{}' });
        const b = this.blockBuiltins.get(index);
        if (b !== undefined && this.builtins[b].status === 'in_progress') this.patchBuiltin(b, { status: 'called', input: slot !== undefined ? this.calls[slot].arguments : this.builtins[b].input });
        return;
      }
      case 'message_delta':
        if (isObj(json.delta) && nonEmpty(json.delta.stop_reason)) this.finishReason = String(json.delta.stop_reason);
        if (isObj(json.usage)) this.mergeUsage(json.usage);
        return;
      case 'message_stop': {
        this.done = true;
        const m = json['amazon-bedrock-invocationMetrics'];
        if (isObj(m) && !this.usage) this.usage = bedrockInvocationUsage(m);
        return;
      }
      case 'message':
        this.fullMessage(json);
        return;
      default:
        // The API may add event types; note them without failing.
        if (typeof json.type === 'string' && !this.unknownTypes.includes(json.type)) this.unknownTypes.push(json.type);
    }
  }

  private startMessage(m: Obj): void {
    if (nonEmpty(m.id)) this.id = String(m.id);
    if (nonEmpty(m.model)) this.model = String(m.model);
    if (isObj(m.usage)) this.mergeUsage(m.usage);
    if (Array.isArray(m.content)) m.content.forEach((b, i) => this.blockStart(i, b, true));
  }

  private mergeUsage(u: Obj): void {
    const merged: Obj = { ...this.rawUsage };
    for (const [k, v] of Object.entries(u)) if (v !== null && v !== undefined) merged[k] = v;
    this.rawUsage = merged;
    this.usage = anthropicUsage(merged);
  }

  /** `whole`: the block arrived complete (a non-streamed message), not as a stream start. */
  private blockStart(index: number, b: unknown, whole = false): void {
    if (!isObj(b)) return;
    const type = typeof b.type === 'string' ? b.type : '';
    if (type === 'text' && typeof b.text === 'string') {
      this.addText(b.text);
      if (Array.isArray(b.citations)) for (const c of b.citations) this.addCitation(c);
    } else if (type === 'thinking' && typeof b.thinking === 'string') {
      this.addReasoning(b.thinking);
      if (nonEmpty(b.signature)) this.signature = this.reasoningSignature = String(b.signature);
    } else if (type === 'redacted_thinking') {
      this.redacted.push({ bytes: typeof b.data === 'string' ? b64Bytes(b.data) : 0 });
    } else if (type === 'tool_use' || type === 'server_tool_use' || type === 'mcp_tool_use') {
      // Streaming starts with input {}; a whole (non-streamed) block carries its input.
      const input = isObj(b.input) && Object.keys(b.input).length === 0 ? '' : argsText(b.input);
      const id = nonEmpty(b.id) ? String(b.id) : null;
      const name = typeof b.name === 'string' ? b.name : '';
      const slot = this.openCall(id, name, input);
      this.blockSlots.set(index, slot);
      if (type !== 'tool_use') {
        const status = whole ? 'called' : 'in_progress';
        this.blockBuiltins.set(index, this.openBuiltin({ type, id, name, status, input, callSlot: slot, payload: b }));
      }
    } else if (type.endsWith('_tool_result')) {
      this.toolResult(index, type, b);
    }
  }

  private toolResult(index: number, type: string, b: Record<string, unknown>): void {
    const failed = b.is_error === true || (isObj(b.content) && typeof b.content.type === 'string' && b.content.type.endsWith('_error'));
    const status = failed ? 'failed' : 'completed';
    const toolUseId = nonEmpty(b.tool_use_id) ? String(b.tool_use_id) : undefined;
    this.blockBuiltins.set(index, this.openBuiltin({ type, id: null, status, toolUseId, payload: b }));
    // The call it answers is finished now: show that on the call's part too.
    const call = this.builtins.findIndex((x) => x.id !== null && x.id === toolUseId);
    if (call >= 0) this.patchBuiltin(call, { status });
  }

  private addCitation(c: unknown): void {
    const cite = anthropicCitation(c);
    if (cite) this.citations.push(cite);
  }

  private blockDelta(index: number, d: unknown): void {
    if (!isObj(d)) return;
    if (d.type === 'text_delta' && typeof d.text === 'string') this.addText(d.text);
    else if (d.type === 'thinking_delta' && typeof d.thinking === 'string') this.addReasoning(d.thinking);
    else if (d.type === 'signature_delta' && typeof d.signature === 'string') this.signature = this.reasoningSignature = d.signature;
    else if (d.type === 'citations_delta') this.addCitation(d.citation);
    else if (d.type === 'input_json_delta' && typeof d.partial_json === 'string') {
      const slot = this.blockSlots.get(index);
      if (slot !== undefined) this.appendArgs(slot, d.partial_json);
      const b = this.blockBuiltins.get(index);
      if (b !== undefined && d.partial_json !== '') this.patchBuiltin(b, { input: (this.builtins[b].input ?? '') + d.partial_json });
    }
  }

  /** A non-streamed Messages response. */
  fullMessage(m: Obj): void {
    this.startMessage(m);
    for (const [, slot] of this.blockSlots) if (this.calls[slot].arguments === '') this.patchCall(slot, { arguments: '{}' });
    for (const b of this.builtins) if (b.input === '') this.patchBuiltin(b.slot, { input: '{}' });
    if (nonEmpty(m.stop_reason)) this.finishReason = String(m.stop_reason);
    this.done = true;
  }
}

export function anthropicFromJson(body: unknown): AssembledMessage {
  const a = new AnthropicAssembler();
  if (isObj(body) && body.type === 'error') a.handle(body);
  else if (isObj(body)) a.fullMessage(body);
  a.done = true;
  return a.snapshot();
}
