/**
 * Rewrites the data of several stream events of one response in a single body write. Text
 * framings splice each event's span as setStreamEvent does; AWS eventstream frames are
 * re-encoded with their original headers, new lengths and CRCs. Bytes outside the edited
 * events are kept as they are.
 */
import type { Body } from '../model/cassette';
import { frameBody } from '../stream/frame';
import { decodeFrameAt, encodeFrame } from '../stream/eventstream-codec';
import { concatBytes, utf8Decode, utf8Encode } from '../util/bytes';
import { planBody, planBodyBytes, readBody } from './body-codec';
import { commit } from './document';
import type { EditableDoc } from './document';
import { allHeaders } from './layout';
import { replaceSseData, side } from './ops';
import type { Result } from './ops';
import { editError } from './types';
import { readValue } from './value';

export interface EventEdit {
  eventIndex: number;
  data: string;
}

export function setStreamEvents(ed: EditableDoc, a: { interaction: number; edits: EventEdit[] }): Result {
  const ref = side(ed, a.interaction, 'response');
  if (typeof ref === 'string') return editError(ref);
  const b = readBody(ref);
  if (typeof b === 'string') return editError(b);
  const body: Body = { storage: 'text', raw: b.raw, contentEncoding: b.encodings, bytes: b.bytes, text: b.text };
  const headers = allHeaders(ref).map((h) => ({ name: h.name, value: readValue(h.node) ?? '' }));
  const framed = frameBody(body, headers);
  const edits = [...a.edits].sort((x, y) => x.eventIndex - y.eventIndex);
  for (let k = 1; k < edits.length; k++) if (edits[k].eventIndex === edits[k - 1].eventIndex) return editError(`event ${edits[k].eventIndex} edited twice`);
  const parts: Uint8Array[] = [];
  let pos = 0;
  for (const e of edits) {
    const ev = framed.events[e.eventIndex];
    if (!ev) return editError(`no event ${e.eventIndex} (the body has ${framed.events.length})`);
    const span = b.bytes.subarray(ev.offset, ev.offset + ev.length);
    const rep = replacement(framed.framing, span, e.data);
    if (typeof rep === 'string') return editError(`event ${e.eventIndex + 1}: ${rep}`);
    parts.push(b.bytes.subarray(pos, ev.offset), rep);
    pos = ev.offset + ev.length;
  }
  parts.push(b.bytes.subarray(pos));
  const bytes = concatBytes(parts);
  let plan;
  if (framed.framing === 'eventstream') plan = planBodyBytes(ed, ref, bytes);
  else {
    const text = utf8Decode(bytes, true);
    if (text === null) return editError('the events do not sit on UTF-8 character boundaries');
    plan = planBody(ed, ref, text);
  }
  if (typeof plan === 'string') return editError(plan);
  // The body plan is already minimal: a block-literal body is spliced line by line
  // (block-literal-plan.ts), so untouched lines between far-apart events keep their bytes.
  return commit(ed, plan);
}

function replacement(framing: string, span: Uint8Array, data: string): Uint8Array | string {
  if (framing === 'eventstream') {
    const f = decodeFrameAt(span, 0);
    if (!f || f.length !== span.length) return 'malformed eventstream frame';
    return encodeFrame({ headers: f.headers, payload: utf8Encode(data) });
  }
  const s = utf8Decode(span, true);
  if (s === null) return 'the event is not UTF-8 text';
  if (framing === 'sse') {
    const r = replaceSseData(s, data);
    return r === null ? 'the event has no data line' : utf8Encode(r);
  }
  if (framing === 'ndjson' || framing === 'json-array' || framing === 'json') {
    if (framing === 'ndjson' && /[\r\n]/.test(data)) return 'an NDJSON event must be one line';
    const lead = /^\s*/.exec(s)![0];
    const trail = /\s*$/.exec(s.slice(lead.length))![0];
    return utf8Encode(lead + data + trail);
  }
  return `cannot edit events of a ${framing} body`;
}
