/**
 * Gemini generateContent chunks (docs/stream-formats.md §6.4): thought parts → reasoning, functionCall parts →
 * tool calls with whole `args` objects, Vertex `partialArgs` streaming, usageMetadata snapshots.
 */
import type { AssembledMessage } from '../../model/llm';
import { geminiUsage, isObj } from '../usage';
import { argsText, BaseAssembler, nonEmpty } from './base';
import { errorText } from './openai-chat';

type Obj = Record<string, unknown>;

export class GeminiAssembler extends BaseAssembler {
  protected override readonly toolWord = 'functionCall';
  /** Vertex partial-args call being streamed: its slot and the args built so far (immutable). */
  openSlot = -1;
  openArgs: Obj = {};

  handle(json: unknown): void {
    if (Array.isArray(json)) {
      for (const c of json) this.handle(c);
      return;
    }
    if (!isObj(json)) return;
    if (json.error !== undefined && json.error !== null) this.addError(errorText(json.error));
    if (nonEmpty(json.modelVersion)) this.model = String(json.modelVersion);
    if (nonEmpty(json.responseId)) this.id = String(json.responseId);
    const u = json.usageMetadata;
    // Vertex's intermediate chunks carry only trafficType: keep the last real snapshot.
    if (isObj(u) && (u.promptTokenCount !== undefined || u.totalTokenCount !== undefined)) this.usage = geminiUsage(u);
    if (isObj(json.promptFeedback) && nonEmpty(json.promptFeedback.blockReason)) {
      this.finishReason = String(json.promptFeedback.blockReason);
      this.addError(`Prompt blocked: ${String(json.promptFeedback.blockReason)}`);
    }
    if (!Array.isArray(json.candidates)) return;
    for (const c of json.candidates) {
      if (!isObj(c) || (c.index ?? 0) !== 0) continue;
      const parts = isObj(c.content) && Array.isArray(c.content.parts) ? c.content.parts : [];
      for (const p of parts) if (isObj(p)) this.part(p);
      if (nonEmpty(c.finishReason)) {
        this.finishReason = String(c.finishReason);
        this.done = true;
        this.openSlot = -1; // a missing terminal functionCall closes at the end
      }
    }
  }

  private part(p: Obj): void {
    if (typeof p.text === 'string') {
      if (p.thought === true) this.addReasoning(p.text);
      else this.addText(p.text);
    }
    const fc = p.functionCall;
    if (!isObj(fc)) return;
    const partial = Array.isArray(fc.partialArgs) ? fc.partialArgs : null;
    if (this.openSlot >= 0 && (partial || !nonEmpty(fc.name))) {
      if (partial) this.applyPartial(partial);
      if (fc.willContinue !== true) this.openSlot = -1;
      return;
    }
    const id = nonEmpty(fc.id) ? String(fc.id) : null;
    const name = typeof fc.name === 'string' ? fc.name : '';
    if (fc.willContinue === true) {
      this.openSlot = this.openCall(id, name, '');
      this.openArgs = {};
      if (partial) this.applyPartial(partial);
      return;
    }
    this.openCall(id, name, argsText(fc.args ?? {}));
  }

  /** Sets each `jsonPath` value; string pieces concatenate while the server says it will continue. */
  private applyPartial(list: unknown[]): void {
    let args = this.openArgs;
    for (const pa of list) {
      if (!isObj(pa) || typeof pa.jsonPath !== 'string') continue;
      const keys = pathKeys(pa.jsonPath);
      if (keys.length === 0) continue;
      let value: unknown = pa.numberValue ?? pa.boolValue ?? (pa.nullValue !== undefined ? null : undefined);
      if (typeof pa.stringValue === 'string') {
        const prev = getPath(args, keys);
        value = (typeof prev === 'string' ? prev : '') + pa.stringValue;
      }
      if (value !== undefined) args = setPath(args, keys, value);
    }
    this.openArgs = args;
    this.patchCall(this.openSlot, { arguments: JSON.stringify(args) });
  }
}

/** `$.a.b`, `$['a'].b`, `$.list[0]` → keys. Enough of RFC 9535 for argument paths. */
function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) keys.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (m[3] ?? m[4])));
  return keys;
}

function getPath(o: unknown, keys: (string | number)[]): unknown {
  let cur = o;
  for (const k of keys) cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[k] : undefined;
  return cur;
}

/** Persistent update: copies only the objects along the path, so older snapshots stay intact. */
function setPath(o: unknown, keys: (string | number)[], value: unknown): Obj {
  const [k, ...rest] = keys;
  const base = (Array.isArray(o) ? [...o] : isObj(o) ? { ...o } : typeof k === 'number' ? [] : {}) as Record<string | number, unknown>;
  base[k] = rest.length === 0 ? value : setPath(base[k], rest, value);
  return base as Obj;
}

export function geminiFromJson(body: unknown): AssembledMessage {
  const a = new GeminiAssembler();
  a.handle(body);
  a.done = true;
  return a.snapshot();
}
