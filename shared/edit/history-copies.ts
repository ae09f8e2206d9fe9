/**
 * Later requests carry earlier responses: a chat client sends the whole conversation each turn,
 * so response k's text and tool-call arguments reappear in the message history of every request
 * that continues it. An edit of response k that leaves those copies alone makes a cassette that
 * no real client could have recorded, so edits update them and lint flags copies that disagree.
 *
 * A request j continues request k when its parsed messages start with k's (role and text, as
 * the tool-call linter checks); k's response then sits in j's raw message list right after k's
 * own entries (`messages` for OpenAI chat and Anthropic, `input` items for Responses), up to the
 * next entry that is not the assistant's. Ids are no key: clients rewrite them (fantasy sends
 * `test-3` for the provider's id), so calls are matched by position and name within that turn.
 */
import type { JsonPath } from '../json/scan';
import type { Cassette } from '../model/cassette';
import type { RequestMessage } from '../model/llm';
import { tryJson } from '../stream/json-event';
import type { EditableDoc } from './document';
import type { AnalysisLookup } from './fragments';
import { pathKey, valueSpans } from '../json/scan';
import { getBodyText, locate, setBody } from './ops';
import { interactionCount } from './layout';

/** One copied value in a request body: a string, or (Anthropic `input`) a JSON object. */
export interface CopySlot {
  path: JsonPath;
  object: boolean;
  /** The copy as recorded: the string, or the object's JSON source. */
  value: string;
}

export interface TurnCopy {
  /** The request that carries the copy. */
  interaction: number;
  /** The turn's calls in order, with their names. */
  calls: (CopySlot & { name: string })[];
  texts: CopySlot[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The raw list a conversation grows by, with its key. */
function rawList(json: unknown): { key: 'messages' | 'input'; items: unknown[] } | null {
  if (!isObj(json)) return null;
  if (Array.isArray(json.messages)) return { key: 'messages', items: json.messages };
  if (Array.isArray(json.input)) return { key: 'input', items: json.input };
  return null;
}

const CALL_ITEMS = new Set(['function_call', 'custom_tool_call']);
const isAssistantItem = (v: unknown): v is Obj =>
  isObj(v) && (v.role === 'assistant' || v.role === 'model' || CALL_ITEMS.has(String(v.type)) || v.type === 'reasoning');

/** The JSON source of a value (an object copy is compared and rewritten as written). */
type SourceOf = (path: JsonPath) => string | null;

function collect(item: Obj, p: JsonPath, turn: Omit<TurnCopy, 'interaction'>, spanOf: SourceOf): void {
  if (CALL_ITEMS.has(String(item.type))) {
    const key = typeof item.arguments === 'string' ? 'arguments' : 'input';
    if (typeof item[key] === 'string') turn.calls.push({ path: [...p, key], object: false, value: item[key], name: String(item.name ?? '') });
    return;
  }
  if (typeof item.content === 'string') turn.texts.push({ path: [...p, 'content'], object: false, value: item.content });
  (Array.isArray(item.content) ? item.content : []).forEach((b, k) => {
    if (!isObj(b)) return;
    if ((b.type === 'text' || b.type === 'output_text') && typeof b.text === 'string') turn.texts.push({ path: [...p, 'content', k, 'text'], object: false, value: b.text });
    if (b.type === 'tool_use' && isObj(b.input)) {
      const path = [...p, 'content', k, 'input'];
      turn.calls.push({ path, object: true, value: spanOf(path) ?? JSON.stringify(b.input), name: String(b.name ?? '') });
    }
  });
  (Array.isArray(item.tool_calls) ? item.tool_calls : []).forEach((tc, k) => {
    if (isObj(tc) && isObj(tc.function) && typeof tc.function.arguments === 'string')
      turn.calls.push({ path: [...p, 'tool_calls', k, 'function', 'arguments'], object: false, value: tc.function.arguments, name: String(tc.function.name ?? '') });
  });
}

/** Request b continues request a: its messages start with all of a's (role and text). */
export function continues(a: RequestMessage[], b: RequestMessage[]): boolean {
  return b.length > a.length && a.every((m, i) => m.role === b[i].role && m.text === b[i].text);
}

/** The request bodies of one text, each read and parsed at most once. */
export interface RequestBodies {
  count: number;
  json(interaction: number): { text: string; json: unknown } | null;
}

function cached(count: number, read: (j: number) => string | null): RequestBodies {
  const seen = new Map<number, { text: string; json: unknown } | null>();
  return {
    count,
    json(j) {
      if (!seen.has(j)) {
        const text = read(j);
        const json = text === null ? undefined : tryJson(text);
        seen.set(j, text !== null && json !== undefined ? { text, json } : null);
      }
      return seen.get(j)!;
    },
  };
}

/** Bodies read through the edit layer (what an edit is about to splice). */
export function editBodies(ed: EditableDoc): RequestBodies {
  const loc = locate(ed);
  return cached(typeof loc === 'string' ? 0 : interactionCount(loc.doc, loc.format), (j) => {
    const body = getBodyText(ed, { interaction: j, side: 'request' });
    return typeof body === 'string' ? body : null;
  });
}

/** Bodies of an already parsed cassette (lint: no second read of the source). */
export function cassetteBodies(c: Cassette): RequestBodies {
  return cached(c.interactions.length, (j) => c.interactions[j]?.request.body.text ?? null);
}

/** The copies of response `k` in every later request that continues request k. */
export function historyTurns(bodies: RequestBodies, k: number, analysis: AnalysisLookup): TurnCopy[] {
  const own = analysis(k)?.request?.messages;
  if (!own || own.length === 0) return [];
  const start = rawList(bodies.json(k)?.json);
  if (!start) return [];
  const out: TurnCopy[] = [];
  for (let j = k + 1; j < bodies.count; j++) {
    const msgs = analysis(j)?.request?.messages;
    if (!msgs || !continues(own, msgs)) continue;
    const req = bodies.json(j);
    const list = rawList(req?.json);
    if (!req || !list || list.key !== start.key) continue;
    const turn: TurnCopy = { interaction: j, calls: [], texts: [] };
    let spans: ReturnType<typeof valueSpans> | undefined;
    const spanOf: SourceOf = (path) => {
      const sp = (spans ??= valueSpans(req.text))?.get(pathKey(path));
      return sp ? req.text.slice(sp.start, sp.end) : null;
    };
    for (let i = start.items.length; i < list.items.length && isAssistantItem(list.items[i]); i++) collect(list.items[i] as Obj, [list.key, i], turn, spanOf);
    if (turn.calls.length > 0 || turn.texts.length > 0) out.push(turn);
  }
  return out;
}

/** Writes `value` into each copy (grouped per request body, spliced in place). */
export function writeCopies(ed: EditableDoc, copies: { interaction: number; slot: CopySlot }[], value: string): { ok: true; text: string } | { ok: false; error: string } {
  let text = ed.text;
  let cur = ed;
  const byInteraction = new Map<number, CopySlot[]>();
  for (const c of copies) byInteraction.set(c.interaction, [...(byInteraction.get(c.interaction) ?? []), c.slot]);
  for (const [j, slots] of byInteraction) {
    const body = getBodyText(cur, { interaction: j, side: 'request' });
    if (typeof body !== 'string') return { ok: false, error: body.error };
    const spans = valueSpans(body);
    if (!spans) return { ok: false, error: `the request body of interaction ${j} is not JSON` };
    const located = slots.map((s) => ({ s, span: spans.get(pathKey(s.path)) }));
    if (located.some((x) => !x.span)) return { ok: false, error: `could not locate the copy in the request of interaction ${j}` };
    let next = body;
    for (const { s, span } of located.sort((a, b) => b.span!.start - a.span!.start)) {
      const v = s.object ? objectSource(value) : JSON.stringify(value);
      if (v === null) return { ok: false, error: `interaction ${j} keeps the arguments as a JSON object: the new arguments must be one` };
      next = next.slice(0, span!.start) + v + next.slice(span!.end);
    }
    const r = setBody(cur, { interaction: j, side: 'request', text: next });
    if (!r.ok) return r;
    text = r.text;
    cur = r.doc;
  }
  return { ok: true, text };
}

/** One line, as typed (re-serialising would round big integers and rewrite escapes). */
function objectSource(value: string): string | null {
  try {
    if (!isObj(JSON.parse(value))) return null;
  } catch {
    return null;
  }
  return value.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ').trim();
}
