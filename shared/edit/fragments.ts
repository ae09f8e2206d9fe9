/**
 * The engine behind streamed edits from the views. A value the views show assembled (a tool
 * call's arguments, the response text) is spread over JSON values inside events: *pieces* a
 * client concatenates, *wholes* that repeat the full value (Responses `.done` / `completed`),
 * and *objects* (Gemini / Converse / Anthropic `input` objects written as JSON). An edit lays
 * the change over the pieces (see spreadPieces), sets the wholes, and splices each touched value
 * in place so every other byte of the event stays as recorded.
 */
import type { JsonPath } from '../json/scan';
import type { InteractionAnalysis } from '../model/analysis';
import type { EventEdit } from './stream-events';
import { tryJson } from '../stream/json-event';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from '../util/bytes';
import { pathKey, valueSpans } from '../json/scan';
import { diffValues } from './value-diff';

/** One JSON document an edit can touch: an event's data, or the JSON wrapped inside it. */
export interface Doc {
  event: number;
  /** The event type (SSE `event:`, eventstream `:event-type`), when the framing names it. */
  name?: string;
  text: string;
  json: unknown;
  /** Bedrock Invoke: puts a new inner text back into the event's `{"bytes": base64}`. */
  wrap?: (inner: string) => string | null;
}

/** What an edit may need from the analysis (stream events, dialect, assembled calls, requests). */
export type AnalysisLookup = (interaction: number) => InteractionAnalysis | null;

export type FragRole = 'piece' | 'whole' | 'object';

export interface Frag {
  event: number;
  doc: Doc;
  path: JsonPath;
  role: FragRole;
  /** Current value: the string, or the JSON source of an object. */
  value: string;
  /** Which assembled part the fragment belongs to (content block, output item …). */
  part: string;
}

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function frag(doc: Doc, path: JsonPath, role: FragRole, part = ''): Frag | null {
  let v: unknown = doc.json;
  for (const k of path) v = isObj(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[k] : undefined;
  if (role === 'object') {
    if (!isObj(v)) return null;
    const s = valueSpans(doc.text)?.get(pathKey(path));
    return s ? { event: doc.event, doc, path, role, value: doc.text.slice(s.start, s.end), part } : null;
  }
  return typeof v === 'string' ? { event: doc.event, doc, path, role, value: v, part } : null;
}

/** The JSON documents of a streamed response; Bedrock Invoke chunks are unwrapped. */
export function streamDocs(ia: InteractionAnalysis): Doc[] {
  const events = ia.stream?.events ?? [];
  return events.map((e, i) => {
    const d: Doc = { event: i, text: e.data, json: e.json };
    if (e.event) d.name = e.event;
    if (ia.dialect === 'bedrock-invoke' && isObj(e.json) && typeof e.json.bytes === 'string') {
      const raw = base64Decode(e.json.bytes);
      const inner = raw ? utf8Decode(raw, true) : null;
      if (inner !== null) {
        const outer = e.data;
        return {
          ...d,
          text: inner,
          json: tryJson(inner),
          wrap: (next: string) => {
            const s = valueSpans(outer)?.get(pathKey(['bytes']));
            return s ? outer.slice(0, s.start) + JSON.stringify(base64Encode(utf8Encode(next))) + outer.slice(s.end) : null;
          },
        };
      }
    }
    return d;
  });
}

/**
 * New value of each fragment: see the file comment. Object fragments take the value as JSON.
 * `old` is the value as assembled now: when the pieces concatenate to it, they keep the
 * stream's chunking (spreadPieces); otherwise the first piece takes the whole new value and
 * the others become "", which a client assembles the same way.
 */
export function assignValues(frags: Frag[], value: string, old?: string): Map<Frag, string> | string {
  const out = new Map<Frag, string>();
  if (frags.some((f) => f.role === 'object')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return 'the arguments must be valid JSON here: this dialect stores them as a JSON object';
    }
    if (!isObj(parsed)) return 'the arguments must be a JSON object here';
  }
  const first = frags.find((f) => f.role === 'piece') ?? frags[0];
  const pieces = frags.filter((f) => f.role === 'piece');
  const spread = old !== undefined && pieces.length > 1 && !frags.some((f) => f.role === 'object') ? spreadPieces(pieces, old, value) : null;
  if (spread) {
    // A whole repeats its part: the concatenation of that part's pieces.
    const partText = new Map<string, string>();
    pieces.forEach((p, k) => {
      out.set(p, spread[k]);
      partText.set(p.part, (partText.get(p.part) ?? '') + spread[k]);
    });
    for (const f of frags) if (f.role === 'whole') out.set(f, partText.get(f.part) ?? '');
    return out;
  }
  for (const f of frags) {
    // One line (an event's data line cannot break), as typed otherwise: valid JSON has no raw
    // line break inside a string, so each one is whitespace; re-serialising would round big
    // integers and rewrite 1.0 and escapes.
    if (f.role === 'object') out.set(f, value.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ').trim());
    else if (f.role === 'piece') out.set(f, f === first ? value : '');
    else out.set(f, f.part === first.part ? value : '');
  }
  return out;
}

/**
 * The pieces' new values, keeping the stream's chunking: the word diff of the old and the new
 * value (value-diff.ts) is laid over the pieces, each changed stretch goes into the piece where
 * it starts, and only the pieces a stretch touches change. A one-word fix in a 500-event answer
 * then rewrites one event, not 500, and the replay still streams as recorded. Null when the
 * pieces do not concatenate to `old` (a dialect whose assembly is not plain concatenation).
 */
export function spreadPieces(pieces: Frag[], old: string, value: string): string[] | null {
  const ends: number[] = [];
  let joined = '';
  for (const p of pieces) ends.push((joined += p.value).length);
  if (joined !== old) return null;
  const hunks = diffValues(old, value);
  const out: string[] = [];
  let h = 0;
  let shift = 0;
  let prev = 0;
  for (let k = 0; k < pieces.length; k++) {
    const p = ends[k];
    let end = value.length;
    if (k < pieces.length - 1) {
      while (h < hunks.length && hunks[h].ob < p) shift = hunks[h].nb - hunks[h++].ob;
      const x = hunks[h];
      // A stretch that covers this boundary, ends at it, or is inserted at it stays in this
      // piece; one that starts at it belongs to the next piece.
      end = x && (x.ob === p || (x.oa < p && p < x.ob)) ? x.nb : p + shift;
    }
    end = Math.max(end, prev);
    out.push(value.slice(prev, end));
    prev = end;
  }
  return out;
}

/** Splices the new values into each touched document; returns the new data per event. */
export function eventEdits(values: Map<Frag, string>): EventEdit[] | string {
  const byDoc = new Map<Doc, { f: Frag; v: string }[]>();
  for (const [f, v] of values) {
    if (v === f.value) continue;
    const list = byDoc.get(f.doc) ?? [];
    list.push({ f, v });
    byDoc.set(f.doc, list);
  }
  const edits: EventEdit[] = [];
  for (const [doc, list] of byDoc) {
    const text = spliceDoc(doc.text, list);
    if (text === null) return `event ${doc.event + 1}: could not locate the value in its JSON`;
    const data = doc.wrap ? doc.wrap(text) : text;
    if (data === null) return `event ${doc.event + 1}: could not re-wrap the chunk`;
    edits.push({ eventIndex: doc.event, data });
  }
  return edits.sort((a, b) => a.eventIndex - b.eventIndex);
}

export function spliceDoc(text: string, list: { f: Frag; v: string }[]): string | null {
  const spans = valueSpans(text);
  if (!spans) return null;
  const located = list.map(({ f, v }) => ({ s: spans.get(pathKey(f.path)), f, v }));
  if (located.some((x) => !x.s)) return null;
  located.sort((a, b) => b.s!.start - a.s!.start);
  let out = text;
  for (const { s, f, v } of located) out = out.slice(0, s!.start) + (f.role === 'object' ? v : JSON.stringify(v)) + out.slice(s!.end);
  return out;
}
