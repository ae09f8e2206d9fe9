/**
 * Reading a stored body as text and writing new text back in the same storage: base64 stays
 * base64 with the same line width, gzip/deflate Content-Encoding is re-applied, a HAR chunk
 * array stays a chunk array. Length fields that equalled the old length follow the new one.
 */
import { gzipSync, zlibSync } from 'fflate';
import { compressorFor, decodeContentEncoding, inflateAny, isGzip, safeGunzip } from '../codec/decompress';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from '../util/bytes';
import type { EditableDoc } from './document';
import type { SideRef } from './layout';
import { headerValueNodes } from './layout';
import { isBinaryTag, scalarText } from '../yaml/nodes';
import type { Scalar } from 'yaml';

/** Header value text, also for `!!binary` header values (decoded here to avoid an import cycle). */
function readHeader(n: Scalar): string | null {
  const s = scalarText(n);
  if (s === null || !isBinaryTag(n)) return s;
  const b = base64Decode(s);
  return b ? utf8Decode(b, true) : null;
}
import { planRawScalar, planScalar } from './scalar-edit';
import type { Splice } from './types';

export interface DecodedBody {
  /** Bytes as stored (after base64). */
  raw: Uint8Array;
  /** Content-Encoding tokens that were undone, in header order. */
  encodings: string[];
  bytes: Uint8Array;
  text: string | null;
}

function contentEncodings(ref: SideRef): string[] {
  if (ref.uncompressed) return [];
  const out: string[] = [];
  for (const n of headerValueNodes(ref, 'content-encoding')) {
    for (const t of (readHeader(n) ?? '').split(',')) {
      const v = t.trim().toLowerCase();
      if (v && v !== 'identity') out.push(v);
    }
  }
  return out;
}

export function readBody(ref: SideRef): DecodedBody | string {
  const node = ref.body.node;
  if (!node) return ref.body.parsed !== undefined ? 'the body is a parsed mapping (parsed_body)' : 'no body in this interaction';
  const stored = scalarText(node);
  if (stored === null) return { raw: new Uint8Array(), encodings: [], bytes: new Uint8Array(), text: '' };
  let raw: Uint8Array;
  if (ref.body.base64) {
    let b64 = stored;
    if (ref.body.harChunks) {
      try {
        b64 = (JSON.parse(stored) as string[]).join('');
      } catch {
        return 'HAR base64 chunk array is not valid JSON';
      }
    }
    const d = base64Decode(b64);
    if (!d) return 'the body is not valid base64';
    raw = d;
  } else raw = utf8Encode(stored);
  let bytes = raw;
  const applied: string[] = [];
  for (const enc of [...contentEncodings(ref)].reverse()) {
    try {
      if ((enc === 'gzip' || enc === 'x-gzip') && isGzip(bytes)) bytes = safeGunzip(bytes);
      else if (enc === 'deflate') bytes = inflateAny(bytes);
      else if (compressorFor(enc)) {
        // brotli/zstd: decodable (and re-encodable) where the host registered them (Node).
        const d = decodeContentEncoding(bytes, [enc]);
        if (d.error) break;
        bytes = d.bytes;
      } else break;
      applied.unshift(enc);
    } catch {
      break;
    }
  }
  return { raw, encodings: applied, bytes, text: utf8Decode(bytes, true) };
}

export function wrapLike(oldValue: string, b64: string): string {
  const nl = oldValue.indexOf('\n');
  if (nl < 0 || nl === oldValue.length - 1) return b64 + (nl >= 0 ? '\n' : '');
  const width = nl;
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += width) lines.push(b64.slice(i, i + width));
  return lines.join('\n') + (oldValue.endsWith('\n') ? '\n' : '');
}

/** Plans writing `text` as the new body, plus length-field updates. */
export function planBody(ed: EditableDoc, ref: SideRef, text: string): Splice[] | string {
  const old = readBody(ref);
  if (typeof old === 'string') return old;
  if (old.encodings.length === 0 && old.text !== null && old.text === text) return [];
  return planEncoded(ed, ref, old, utf8Encode(text), text);
}

/**
 * Plans writing new decoded BYTES as the body (binary streams such as AWS eventstream): the
 * same storage rules as planBody, but a text-stored body only takes bytes that are UTF-8.
 */
export function planBodyBytes(ed: EditableDoc, ref: SideRef, decoded: Uint8Array): Splice[] | string {
  const old = readBody(ref);
  if (typeof old === 'string') return old;
  return planEncoded(ed, ref, old, decoded, null);
}

/** Re-applies the body's Content-Encoding and storage (base64, HAR chunks, text) to `decoded`. */
function planEncoded(ed: EditableDoc, ref: SideRef, old: DecodedBody, decoded: Uint8Array, text: string | null): Splice[] | string {
  const node = ref.body.node!;
  let bytes = decoded;
  for (const enc of old.encodings) {
    if (enc === 'gzip' || enc === 'x-gzip') bytes = gzipSync(bytes);
    else if (enc === 'deflate') bytes = zlibSync(bytes);
    else {
      const c = compressorFor(enc);
      if (!c) return `cannot re-encode Content-Encoding "${enc}"`;
      bytes = c(bytes);
    }
  }
  let stored: string;
  if (ref.body.base64) {
    const b64 = base64Encode(bytes);
    stored = ref.body.harChunks ? JSON.stringify([b64]) : wrapLike(scalarText(node) ?? '', b64);
  } else {
    if (old.encodings.length > 0) return 'compressed bytes cannot be stored in a text body';
    const t = text ?? utf8Decode(decoded, true);
    if (t === null) return 'the new body bytes are not UTF-8 text, but the body is stored as text';
    stored = t;
  }
  const plan = planScalar(ed, node, stored);
  if (typeof plan === 'string') return plan;
  return [...plan, ...planLengths(ed, ref, old, bytes.length, decoded.length)];
}

/** Length fields and Content-Length headers that equalled an old length follow the new one. */
function planLengths(ed: EditableDoc, ref: SideRef, old: DecodedBody, rawLen: number, decodedLen: number): Splice[] {
  const out: Splice[] = [];
  const follow = (v: number): number | null =>
    v === old.raw.length ? rawLen : v === old.bytes.length ? decodedLen : null;
  for (const f of ref.lengthFields) {
    const v = Number(scalarText(f));
    const n = Number.isFinite(v) && v > 0 ? follow(v) : null;
    if (n !== null && n !== v) {
      const p = planRawScalar(f, String(n));
      if (typeof p !== 'string') out.push(...p);
    }
  }
  for (const h of headerValueNodes(ref, 'content-length')) {
    const v = Number(readHeader(h));
    if (isBinaryTag(h)) continue;
    if (old.raw.length > 0 && v === old.raw.length && rawLen !== v) {
      const p = planScalar(ed, h, String(rawLen));
      if (typeof p !== 'string') out.push(...p);
    }
  }
  return out;
}
