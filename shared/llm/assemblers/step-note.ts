/**
 * "What this event added", read from an assembler's own state before and after it stepped one
 * event, so the event list explains events exactly as the assembled view builds them (no second
 * parser). Strings only grow by appending and records are immutable, so the comparison is a few
 * length and reference checks per event.
 */
import type { StreamEvent, Usage } from '../../model/llm';
import type { RawBuiltin } from '../builtin-summary';
import type { RawCall } from './raw-call';

/** What a step changed; the event list filters and the jump keys look for these. */
export type StepTag = 'text' | 'reasoning' | 'tool-start' | 'tool-args' | 'finish' | 'usage' | 'error' | 'done' | 'meta';

export interface StepNote {
  label: string;
  tags: StepTag[];
  /** Where in the event's JSON envelope the change came from, when it could be found. */
  path: (string | number)[] | null;
}

/** The assembler fields a step can change; captured before stepping. */
export interface StepMark {
  id: string | null;
  model: string | null;
  text: string;
  reasoning: string;
  calls: readonly RawCall[];
  finishReason: string | null;
  usage: Usage | null;
  reportedCostUsd: number | null;
  errors: readonly string[];
  done: boolean;
  citations: readonly unknown[];
  redacted: readonly unknown[];
  builtins: readonly RawBuiltin[];
}

/**
 * What one step appended, recorded by the assembler while explain() runs. Comparing the texts
 * before and after instead (`after.startsWith(before)`) flattens the whole text on every event:
 * quadratic, minutes for a stream of 100,000 events. `rewrote` lists what changed by other
 * means than appending ('text', 'reasoning', a tool-call slot); those are compared in full.
 */
export interface StepLog {
  text: string;
  reasoning: string;
  args: Map<number, string>;
  rewrote: Set<'text' | 'reasoning' | number>;
}

const CLIP = 40;

export function clip(s: string, max = CLIP): string {
  const one = s.replace(/\n/g, '⏎');
  return one.length > max ? one.slice(0, max) + '…' : one;
}

interface Part {
  tag: StepTag;
  label: string;
  /** A leaf value (or a key name, for usage) to look for in the envelope. */
  find?: { value?: string | number; key?: RegExp };
}

/** Describes the difference between `a` (before) and `b` (after) for event `ev`. */
export function noteFor(toolWord: string, a: StepMark, b: StepMark, ev: StreamEvent, log?: StepLog): StepNote {
  const parts: Part[] = [];
  if (b.model !== a.model && b.model) parts.push({ tag: 'meta', label: `model ${b.model}`, find: { value: b.model } });
  else if (b.id !== a.id && b.id) parts.push({ tag: 'meta', label: `id ${clip(b.id, 24)}`, find: { value: b.id } });
  b.calls.forEach((c, i) => {
    const old = a.calls[i];
    if (old === c) return;
    if (!old) {
      const args = c.arguments ? ` args '${clip(c.arguments)}'` : '';
      parts.push({ tag: 'tool-start', label: `${toolWord} start ${c.name}${args}`, find: { value: c.name } });
    } else {
      const piece = c.arguments.length > old.arguments.length ? appended(log, i, old.arguments, c.arguments) : null;
      if (piece !== null) parts.push({ tag: 'tool-args', label: `${c.name}#${i} args +'${clip(piece)}'`, find: { value: piece } });
      else parts.push({ tag: 'tool-args', label: `${c.name}#${i} updated` });
    }
  });
  b.builtins.forEach((t, i) => {
    const old = a.builtins[i];
    if (old === t) return;
    // A server tool the dialect also lists as a tool call was described with that call.
    if (t.callSlot !== undefined && b.calls[t.callSlot] !== a.calls[t.callSlot]) return;
    const what = t.name ?? t.type;
    parts.push({ tag: old ? 'tool-args' : 'tool-start', label: old ? `${what} ${t.status ?? 'updated'}` : `${what} start`, find: { value: t.type } });
  });
  grow(parts, 'reasoning', a.reasoning, b.reasoning, log);
  if (b.redacted.length > a.redacted.length) parts.push({ tag: 'reasoning', label: 'redacted_thinking', find: { value: 'redacted_thinking' } });
  grow(parts, 'text', a.text, b.text, log);
  if (b.citations.length > a.citations.length) parts.push({ tag: 'text', label: `citation +${b.citations.length - a.citations.length}`, find: { key: /citation/i } });
  if (b.finishReason !== a.finishReason && b.finishReason) parts.push({ tag: 'finish', label: `finish ${b.finishReason}`, find: { value: b.finishReason } });
  if (b.usage && (!a.usage || usageLabel(a.usage) !== usageLabel(b.usage))) parts.push({ tag: 'usage', label: usageLabel(b.usage), find: { key: /usage|metrics|billed/i } });
  if (b.reportedCostUsd !== a.reportedCostUsd && b.reportedCostUsd != null) parts.push({ tag: 'usage', label: `cost $${b.reportedCostUsd}`, find: { key: /^cost$/ } });
  for (const e of b.errors.slice(a.errors.length)) parts.push({ tag: 'error', label: `error ${clip(e, 60)}`, find: { key: /error/i } });
  if (b.done && !a.done) {
    // A closing event that also carried content is described by that content.
    const sentinel = ev.data.trim() === '[DONE]';
    parts.push({ tag: 'done', label: sentinel ? '[DONE]' : parts.length ? '' : (typeName(ev) ?? 'end') });
  }

  if (parts.length === 0) return { label: typeName(ev) ?? (ev.data.trim() === '' ? '(empty)' : 'no change'), tags: [], path: null };
  const tags = [...new Set(parts.map((p) => p.tag))];
  let path: (string | number)[] | null = null;
  // What the event added outranks the model/id it repeats.
  for (const p of [...parts.filter((q) => q.tag !== 'meta'), ...parts.filter((q) => q.tag === 'meta')]) {
    if (p.find && ev.json !== undefined) path = findPath(ev.json, p.find);
    if (path) break;
  }
  return { label: parts.map((p) => p.label).filter(Boolean).join(', '), tags, path };
}

/** What `after` added to `before`, or null when it does not start with it. */
function appended(log: StepLog | undefined, what: 'text' | 'reasoning' | number, before: string, after: string): string | null {
  // Only appends happened: the log holds them, exactly (lengths agree), without reading the texts.
  if (log && !log.rewrote.has(what)) {
    const piece = typeof what === 'number' ? log.args.get(what) ?? '' : log[what];
    if (after.length === before.length + piece.length) return piece;
  }
  return after.startsWith(before) ? after.slice(before.length) : null;
}

function grow(parts: Part[], tag: 'text' | 'reasoning', before: string, after: string, log?: StepLog): void {
  if (after.length === before.length && after === before) return;
  const piece = appended(log, tag, before, after);
  if (piece !== null) {
    parts.push({ tag, label: tag === 'text' ? `text "${clip(piece)}"` : `reasoning +"${clip(piece)}"`, find: { value: piece } });
  } else parts.push({ tag, label: `${tag} replaced "${clip(after)}"` });
}

function usageLabel(u: Usage): string {
  let s = `usage in ${u.inputTokens} · out ${u.outputTokens}`;
  if (u.reasoningTokens) s += ` · reasoning ${u.reasoningTokens}`;
  if (u.cacheReadTokens) s += ` · cache ${u.cacheReadTokens}`;
  return s;
}

/** The event's own name: the SSE event, or the payload's `type`/`object`, else none. */
export function typeName(ev: StreamEvent): string | null {
  if (ev.event && ev.event !== 'message') return ev.event;
  const j = ev.json;
  if (j && typeof j === 'object' && !Array.isArray(j)) {
    const o = j as Record<string, unknown>;
    if (typeof o.type === 'string') return o.type;
    if (typeof o.event_type === 'string') return o.event_type;
  }
  return null;
}

/** Depth-first path of the first leaf equal to `value`, or the first key matching `key`. */
export function findPath(json: unknown, find: { value?: string | number; key?: RegExp }, at: (string | number)[] = []): (string | number)[] | null {
  if (find.value !== undefined && json === find.value) return at;
  if (json === null || typeof json !== 'object') return null;
  const entries: [string | number, unknown][] = Array.isArray(json) ? json.map((v, i) => [i, v]) : Object.entries(json);
  for (const [k, v] of entries) {
    if (find.key && typeof k === 'string' && find.key.test(k)) return [...at, k];
    const hit = findPath(v, find, [...at, k]);
    if (hit) return hit;
  }
  return null;
}
