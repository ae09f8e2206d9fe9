/**
 * Edit operations. Each is pure: it takes an EditableDoc and returns a new one (plus the
 * applied changes), leaving the input untouched, so undo is "keep the previous text".
 */
import type { Document } from 'yaml';
import { frameBody } from '../stream/frame';
import type { Body, Header } from '../model/cassette';
import { utf8Decode, utf8Encode } from '../util/bytes';
import { planBody, readBody } from './body-codec';
import { commit } from './document';
import type { EditableDoc } from './document';
import { allHeaders, editFormatOf, headerValueNodes, interactionCount, sideRef } from './layout';
import type { EditFormat, Side, SideRef } from './layout';
import { planScalar } from './scalar-edit';
import { planValue, readValue } from './value';
import type { EditResult } from './types';
import { editError } from './types';

export type Result = EditResult<EditableDoc>;

export interface Located {
  doc: Document.Parsed;
  format: EditFormat;
}

export function locate(ed: EditableDoc): Located | string {
  if (ed.errors.length > 0) return `the file has YAML errors: ${ed.errors[0]}`;
  if (!ed.roundTrips()) return 'the YAML parser cannot round-trip this file losslessly';
  const format = editFormatOf(ed.doc);
  if (!ed.doc || !format) return 'not a recognised cassette layout';
  return { doc: ed.doc, format };
}

export function side(ed: EditableDoc, interaction: number, s: Side): SideRef | string {
  const loc = locate(ed);
  if (typeof loc === 'string') return loc;
  const n = interactionCount(loc.doc, loc.format);
  if (!Number.isInteger(interaction) || interaction < 0 || interaction >= n)
    return `interaction ${interaction} out of range (0..${n - 1})`;
  return sideRef(loc.doc, loc.format, interaction, s);
}

export interface SetHeaderArgs {
  interaction: number;
  side: Side;
  name: string;
  value: string;
  /** Which value when the header repeats (multi-value lists, repeated HAR entries). Default 0. */
  occurrence?: number;
}

export function setHeader(ed: EditableDoc, a: SetHeaderArgs): Result {
  const ref = side(ed, a.interaction, a.side);
  if (typeof ref === 'string') return editError(ref);
  const nodes = headerValueNodes(ref, a.name);
  const node = nodes[a.occurrence ?? 0];
  if (!node) return editError(`no header "${a.name}"${a.occurrence ? ` occurrence ${a.occurrence}` : ''} on the ${a.side}`);
  const plan = planValue(ed, node, a.value);
  if (typeof plan === 'string') return editError(plan);
  return commit(ed, plan);
}

export function setUrl(ed: EditableDoc, a: { interaction: number; value: string }): Result {
  const ref = side(ed, a.interaction, 'request');
  if (typeof ref === 'string') return editError(ref);
  if (!ref.url) return editError('the request has no url');
  const plan = planScalar(ed, ref.url, a.value);
  if (typeof plan === 'string') return editError(plan);
  return commit(ed, plan);
}

/** The body as text (after base64 and Content-Encoding), or an error string. */
export function getBodyText(ed: EditableDoc, a: { interaction: number; side: Side }): string | { error: string } {
  const ref = side(ed, a.interaction, a.side);
  if (typeof ref === 'string') return { error: ref };
  const b = readBody(ref);
  if (typeof b === 'string') return { error: b };
  if (b.text === null) return { error: 'the body is not UTF-8 text' };
  return b.text;
}

export function setBody(ed: EditableDoc, a: { interaction: number; side: Side; text: string }): Result {
  const ref = side(ed, a.interaction, a.side);
  if (typeof ref === 'string') return editError(ref);
  const plan = planBody(ed, ref, a.text);
  if (typeof plan === 'string') return editError(plan);
  return commit(ed, plan);
}

function headersOf(ref: SideRef): Header[] {
  return allHeaders(ref).map((h) => ({ name: h.name, value: readValue(h.node) ?? '' }));
}

/**
 * Rewrites the data of one stream event (numbered as shared/stream/frame.ts numbers them, i.e.
 * as the viewer shows them) and writes the body back in its storage.
 */
export function setStreamEvent(ed: EditableDoc, a: { interaction: number; eventIndex: number; data: string }): Result {
  const ref = side(ed, a.interaction, 'response');
  if (typeof ref === 'string') return editError(ref);
  const b = readBody(ref);
  if (typeof b === 'string') return editError(b);
  if (b.text === null) return editError('the response body is not text');
  const body: Body = { storage: 'text', raw: b.raw, contentEncoding: b.encodings, bytes: b.bytes, text: b.text };
  const framed = frameBody(body, headersOf(ref));
  const ev = framed.events[a.eventIndex];
  if (!ev) return editError(`no event ${a.eventIndex} (the body has ${framed.events.length})`);
  const span = utf8Decode(b.bytes.subarray(ev.offset, ev.offset + ev.length)) ?? '';
  let replacement: string;
  if (framed.framing === 'sse') {
    const r = replaceSseData(span, a.data);
    if (r === null) return editError('the event has no data line');
    replacement = r;
  } else if (framed.framing === 'ndjson' || framed.framing === 'json-array' || framed.framing === 'json') {
    if (framed.framing === 'ndjson' && /[\r\n]/.test(a.data)) return editError('an NDJSON event must be one line');
    const lead = /^\s*/.exec(span)![0];
    const trail = /\s*$/.exec(span.slice(lead.length))![0];
    replacement = lead + a.data + trail;
  } else return editError(`cannot edit events of a ${framed.framing} body`);
  const before = b.bytes.subarray(0, ev.offset);
  const after = b.bytes.subarray(ev.offset + ev.length);
  const text = (utf8Decode(before) ?? '') + replacement + (utf8Decode(after) ?? '');
  if (utf8Encode(text).length !== before.length + utf8Encode(replacement).length + after.length)
    return editError('the event does not sit on UTF-8 character boundaries');
  const plan = planBody(ed, ref, text);
  if (typeof plan === 'string') return editError(plan);
  return commit(ed, plan);
}

/** Replaces the `data:` lines of one SSE event block, keeping field order and line endings. */
export function replaceSseData(block: string, data: string): string | null {
  const lines = block.match(/[^\r\n]*(\r\n|\r|\n|$)/g)!.filter((l) => l !== '');
  const idx = lines.flatMap((l, i) => (/^data(:|\r?\n|$)/.test(l) ? [i] : []));
  if (idx.length === 0) return null;
  const firstLine = lines[idx[0]];
  const eol = /(\r\n|\r|\n)$/.exec(firstLine)?.[1] ?? '\n';
  const space = /^data: /.test(firstLine) ? ' ' : '';
  const newLines = data.split(/\r\n|\r|\n/).map((d) => `data:${space}${d}${eol}`);
  const last = lines[idx[idx.length - 1]];
  if (!/(\r\n|\r|\n)$/.test(last)) newLines[newLines.length - 1] = newLines[newLines.length - 1].slice(0, -eol.length);
  const out = [...lines];
  out.splice(idx[0], 1, ...newLines);
  // Remove the other old data lines (from the end so indices stay valid).
  for (let k = idx.length - 1; k >= 1; k--) out.splice(idx[k] + newLines.length - 1, 1);
  return out.join('');
}
