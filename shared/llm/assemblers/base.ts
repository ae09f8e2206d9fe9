/**
 * Shared state and contract of the dialect assemblers. Each assembler consumes framed events one
 * at a time (the replay timeline steps through them) and can snapshot or clone itself cheaply:
 * tool calls are immutable records replaced on update, so a clone only copies arrays and maps
 * one level deep and checkpoints share everything else.
 */
import type { AssembledMessage, Citation, RedactedThinking, StreamEvent, ToolCallState, Usage } from '../../model/llm';
import { builtinState, type RawBuiltin } from '../builtin-summary';
import type { RawCall } from './raw-call';
import { classifyArgs } from '../tool-args';
import { noteFor, type StepLog, type StepMark, type StepNote } from './step-note';

export interface Assembler {
  step(ev: StreamEvent): void;
  /** Steps one event and says what it added (the event list's explanation). */
  explain(ev: StreamEvent): StepNote;
  snapshot(): AssembledMessage;
  clone(): Assembler;
}

export type { RawCall } from './raw-call';

// Parse results are cached per immutable record, so stepping and seeking only parse calls that changed.
const parsedCache = new WeakMap<RawCall, ToolCallState>();

function toState(c: RawCall): ToolCallState {
  let s = parsedCache.get(c);
  if (!s) {
    const r = classifyArgs(c.arguments);
    s = { slot: c.slot, id: c.id, name: c.name, arguments: c.arguments, parse: r.parse };
    if (r.value !== undefined) s.value = r.value;
    parsedCache.set(c, s);
  }
  return s;
}

export function nonEmpty(v: unknown): v is string | number {
  return (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v));
}

export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** JSON objects from Gemini/Ollama/Converse arrive whole; show them as the text a stream would carry. */
export function argsText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  return JSON.stringify(v);
}

export abstract class BaseAssembler implements Assembler {
  id: string | null = null;
  model: string | null = null;
  private _text = '';
  private _reasoning = '';
  /** While explain() steps an event: what was appended, so the note never compares whole texts. */
  private log: StepLog | null = null;
  calls: RawCall[] = [];
  finishReason: string | null = null;
  usage: Usage | null = null;
  reportedCostUsd: number | null = null;
  errors: string[] = [];
  done = false;
  // Extra parts; records are immutable like tool calls, so clones share them.
  citations: Citation[] = [];
  redacted: RedactedThinking[] = [];
  builtins: RawBuiltin[] = [];
  reasoningSignature = '';
  upstreamProvider = '';
  /** The dialect's own word for a tool call, so explanations read like the wire format. */
  protected readonly toolWord: string = 'tool_call';

  /**
   * The assembled text. Dialects append with addText; any other write (a rebuild) goes through
   * this setter, which tells explain() to compare the texts instead.
   */
  get text(): string {
    return this._text;
  }
  set text(v: string) {
    this._text = v;
    this.log?.rewrote.add('text');
  }
  get reasoning(): string {
    return this._reasoning;
  }
  set reasoning(v: string) {
    this._reasoning = v;
    this.log?.rewrote.add('reasoning');
  }

  protected addText(piece: string): void {
    this._text += piece;
    if (this.log) this.log.text += piece;
  }

  protected addReasoning(piece: string): void {
    this._reasoning += piece;
    if (this.log) this.log.reasoning += piece;
  }

  step(ev: StreamEvent): void {
    if (ev.json === undefined) this.onText(ev);
    else this.handle(ev.json, ev);
  }

  explain(ev: StreamEvent): StepNote {
    const before = this.mark();
    const log: StepLog = { text: '', reasoning: '', args: new Map(), rewrote: new Set() };
    this.log = log;
    try {
      this.step(ev);
    } finally {
      this.log = null;
    }
    return noteFor(this.toolWord, before, this.mark(), ev, log);
  }

  // Arrays are copied because dialects push into them; their records and strings are immutable.
  private mark(): StepMark {
    const { id, model, text, reasoning, finishReason, usage, reportedCostUsd, done } = this;
    return { id, model, text, reasoning, finishReason, usage, reportedCostUsd, done, errors: this.errors.slice(), calls: this.calls.slice(), citations: this.citations.slice(), redacted: this.redacted.slice(), builtins: this.builtins.slice() };
  }

  /** A dialect handles one decoded JSON payload. */
  abstract handle(json: unknown, ev?: StreamEvent): void;

  /** Data that is not JSON: a sentinel or junk. Dialects with sentinels override. */
  protected onText(ev: StreamEvent): void {
    // OpenAI-style sentinel; OpenRouter also appends it to Responses and Cohere streams.
    if (ev.data.trim() === '[DONE]') this.done = true;
    else if (ev.data.trim() !== '') this.errors = [...this.errors, `Unparseable event data: ${ev.data.slice(0, 200)}`];
  }

  protected addError(message: string): void {
    this.errors = [...this.errors, message];
  }

  protected openCall(id: string | null, name: string, args = ''): number {
    const slot = this.calls.length;
    this.calls.push({ slot, id, name, arguments: args });
    return slot;
  }

  protected patchCall(slot: number, patch: Partial<Omit<RawCall, 'slot'>>): void {
    const old = this.calls[slot];
    if (old) this.calls[slot] = { ...old, ...patch };
    if (patch.arguments !== undefined) this.log?.rewrote.add(slot);
  }

  protected appendArgs(slot: number, piece: string): void {
    const old = this.calls[slot];
    if (!old || piece === '') return;
    // A literal, not a spread: one call per argument fragment, tens of thousands in long streams.
    this.calls[slot] = { slot: old.slot, id: old.id, name: old.name, arguments: old.arguments + piece };
    if (this.log) this.log.args.set(slot, (this.log.args.get(slot) ?? '') + piece);
  }

  protected openBuiltin(b: Omit<RawBuiltin, 'slot'>): number {
    const slot = this.builtins.length;
    this.builtins.push({ ...b, slot });
    return slot;
  }

  protected patchBuiltin(slot: number, patch: Partial<Omit<RawBuiltin, 'slot'>>): void {
    const old = this.builtins[slot];
    if (old) this.builtins[slot] = { ...old, ...patch };
  }

  snapshot(): AssembledMessage {
    const m: AssembledMessage = {
      id: this.id,
      model: this.model,
      text: this.text,
      reasoning: this.reasoning,
      toolCalls: this.calls.map(toState),
      finishReason: this.finishReason,
      usage: this.usage,
      reportedCostUsd: this.reportedCostUsd,
      errors: this.errors,
      done: this.done,
    };
    // Only when present, so dialects without them keep their exact old shape.
    if (this.citations.length) m.citations = this.citations.slice();
    if (this.redacted.length) m.redactedThinking = this.redacted.slice();
    if (this.builtins.length) m.builtinTools = this.builtins.map(builtinState);
    if (this.reasoningSignature) m.reasoningSignature = this.reasoningSignature;
    if (this.upstreamProvider) m.upstreamProvider = this.upstreamProvider;
    return m;
  }

  /** Copies arrays, maps and plain objects one level deep; records inside are immutable. */
  clone(): Assembler {
    const copy = Object.create(Object.getPrototypeOf(this)) as Record<string, unknown>;
    for (const [k, v] of Object.entries(this)) {
      if (k === 'log') continue; // only set inside explain()
      if (Array.isArray(v)) copy[k] = v.slice();
      else if (v instanceof Map) copy[k] = new Map(v);
      else if (v instanceof BaseAssembler) copy[k] = v.clone();
      else if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) copy[k] = { ...v };
      else copy[k] = v;
    }
    return copy as unknown as Assembler;
  }
}
