/**
 * Builds `Body` values whose expensive parts (base64 decode, decompression, UTF-8 decode,
 * JSON of a parsed body) are computed on first access and then memoised. Indexing 2,000 files
 * only needs storage/range/lengths for most bodies, so paying for every gunzip up front would
 * waste most of the work. The getters are own enumerable properties, so structuredClone (IPC)
 * and JSON.stringify still see plain values.
 */
import type { Body, BodyStorage } from '../model/cassette';
import type { SourceRange } from '../model/diagnostics';
import { decodeContentEncoding } from '../codec/decompress';
import { base64Decode, concatBytes, isValidUtf8, utf8Decode, utf8Encode } from '../util/bytes';
import { attachLiteral, type LiteralText } from '../yaml/lazy-literal';

export interface BodySource {
  storage: BodyStorage;
  /** storage 'text': the scalar string as recorded. */
  text?: string;
  /** storage 'text', instead of `text`: a big literal block resolved only when read. */
  literal?: LiteralText;
  /** storage 'binary-tag' | 'base64': base64 text; several chunks are decoded and concatenated (Polly). */
  base64?: string | string[];
  /** storage 'binary-tag' when the YAML library already produced bytes. */
  bytes?: Uint8Array;
  /** storage 'parsed': produces the structured value (toJS of the node) on demand. */
  parsed?: () => unknown;
  /** Content-Encoding tokens that still apply to the stored bytes (empty when already decoded). */
  contentEncoding: string[];
  contentType: string | null;
  range?: SourceRange;
}

const EMPTY = new Uint8Array(0);

/** Media whose bytes are never meant to be read as text, even when they happen to be valid UTF-8. */
const BINARY_MEDIA =
  /^(image\/(?!svg)|audio\/|video\/|font\/|application\/(octet-stream|pdf|zip|gzip|x-gzip|x-tar|wasm|x-protobuf|protobuf|grpc|vnd\.amazon\.eventstream|msgpack|x-msgpack|cbor))/i;

export function isBinaryMedia(contentType: string | null): boolean {
  return contentType !== null && BINARY_MEDIA.test(contentType.trim());
}

function charsetOf(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType);
  return m ? m[1].toLowerCase() : null;
}

const LATIN1 = new Set(['iso-8859-1', 'latin1', 'latin-1', 'l1', 'iso_8859-1', 'windows-1252', 'cp1252']);

export function latin1Decode(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/** Decodes bytes as text per the declared charset; null for binary media or invalid UTF-8. */
export function decodeText(bytes: Uint8Array, contentType: string | null): string | null {
  if (isBinaryMedia(contentType)) return null;
  const cs = charsetOf(contentType);
  if (cs && LATIN1.has(cs)) return latin1Decode(bytes);
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const b = start ? bytes.subarray(start) : bytes;
  return isValidUtf8(b) ? utf8Decode(b) : null;
}

/** Bytes that are usable without decoding: valid UTF-8 without NULs reads as text. */
function plausibleAsIs(bytes: Uint8Array): boolean {
  if (!isValidUtf8(bytes)) return false;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) return false;
  return true;
}

function decodeBase64Chunks(src: string | string[]): Uint8Array | null {
  if (typeof src === 'string') return base64Decode(src);
  const parts: Uint8Array[] = [];
  for (const s of src) {
    const p = base64Decode(s);
    if (!p) return null;
    parts.push(p);
  }
  return concatBytes(parts);
}

/** Defines a memoised, enumerable getter that turns into a data property on first read. */
function lazy<T>(obj: object, key: string, compute: () => T): void {
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
}

interface Decoded {
  raw: Uint8Array;
  bytes: Uint8Array;
  /** Codings actually undone: empty when the recorded bytes were kept as they are. */
  undone: string[];
  error?: string;
}

export function makeBody(src: BodySource): Body {
  const body = { storage: src.storage } as Body;
  if (src.range) body.range = src.range;
  if (src.literal) attachLiteral(body, src.literal);
  const srcText = (): string => src.text ?? src.literal?.text() ?? '';
  let parsedCache: { v: unknown } | undefined;
  const parsed = () => (parsedCache ??= { v: src.parsed ? src.parsed() : undefined }).v;
  let parsedJson: string | undefined;
  const parsedText = () => (parsedJson ??= JSON.stringify(parsed()) ?? '');

  let rawError: string | undefined;
  const rawBytes = (): Uint8Array => {
    switch (src.storage) {
      case 'text':
        return src.text || src.literal ? utf8Encode(srcText()) : EMPTY;
      case 'parsed':
        return utf8Encode(parsedText());
      case 'binary-tag':
      case 'base64': {
        if (src.bytes) return src.bytes;
        const b = src.base64 === undefined ? EMPTY : decodeBase64Chunks(src.base64);
        if (b) return b;
        rawError = 'invalid base64';
        const s = typeof src.base64 === 'string' ? src.base64 : (src.base64 ?? []).join('');
        return utf8Encode(s);
      }
      default:
        return EMPTY;
    }
  };

  let decoded: Decoded | undefined;
  const decode = (): Decoded => {
    if (decoded) return decoded;
    const raw = rawBytes();
    if (rawError) return (decoded = { raw, bytes: raw, undone: [], error: rawError });
    if (src.contentEncoding.length === 0 || raw.length === 0) return (decoded = { raw, bytes: raw, undone: [] });
    const r = decodeContentEncoding(raw, src.contentEncoding);
    if (!r.error) return (decoded = { raw, bytes: r.bytes, undone: r.undone });
    // Half-decoded output is no use to anyone: fall back to the recorded bytes.
    if (plausibleAsIs(raw)) return (decoded = { raw, bytes: raw, undone: [] });
    return (decoded = { raw, bytes: raw, undone: [], error: r.error });
  };

  lazy(body, 'raw', () => decode().raw);
  // What was really undone, not what the header claims: an editor re-applies exactly these.
  lazy(body, 'contentEncoding', () => decode().undone);
  lazy(body, 'bytes', () => decode().bytes);
  lazy(body, 'text', () => {
    // Skip the encode/decode round trip when the recorder gave us the text itself.
    if (src.storage === 'text' && (src.contentEncoding.length === 0 || decode().bytes === decode().raw)) return srcText();
    if (src.storage === 'parsed') return parsedText();
    return decodeText(decode().bytes, src.contentType);
  });
  lazy(body, 'decodeError', () => decode().error);
  if (src.storage === 'parsed') lazy(body, 'parsed', parsed);
  return body;
}

export function absentBody(range?: SourceRange): Body {
  // text '' rather than null: null means "binary", and an absent body is simply empty.
  const b: Body = { storage: 'absent', raw: EMPTY, contentEncoding: [], bytes: EMPTY, text: '' };
  if (range) b.range = range;
  return b;
}
