/**
 * Undoing HTTP Content-Encoding on recorded bodies. gzip and deflate are built in (fflate, any
 * runtime); brotli and zstd have no small pure-JS decoder, so the Node side registers node:zlib
 * through `registerDecompressor` (shared/ itself must not import node:*).
 */
import { gunzipSync, Inflate, Unzlib } from 'fflate';
import { concatBytes } from '../util/bytes';

/** Decodes `bytes`; must throw (see `tooLarge`) rather than produce more than `maxOutput` bytes. */
export type Decompressor = (bytes: Uint8Array, maxOutput: number) => Uint8Array;

/**
 * Decompression bombs: a 7.6 KB cassette with a brotli body of 3 GB of spaces took `inspect`
 * to 3.3 GB of memory. Every codec stops at this many output bytes per body (configurable:
 * `setMaxDecodedBytes`); no recorded LLM response comes near it.
 */
export const DEFAULT_MAX_DECODED_BYTES = 256 * 1024 * 1024;
let maxDecoded = DEFAULT_MAX_DECODED_BYTES;

export function setMaxDecodedBytes(n: number): void {
  maxDecoded = n > 0 ? n : DEFAULT_MAX_DECODED_BYTES;
}

export function maxDecodedBytes(): number {
  return maxDecoded;
}

export class DecodedTooLargeError extends Error {}

/** The one message every codec gives at the cap, so reports read alike whatever the coding. */
export function tooLarge(max: number): DecodedTooLargeError {
  return new DecodedTooLargeError(`decoded body exceeds the ${formatSize(max)} limit (a decompression bomb?); decoding stopped`);
}

function formatSize(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${n} bytes`;
}

const registry = new Map<string, Decompressor>();

/** Registers (or replaces) the decoder for one Content-Encoding token, e.g. `br`, `zstd`. */
export function registerDecompressor(name: string, fn: Decompressor): void {
  registry.set(name.toLowerCase(), fn);
}

/** Encodes bytes for one Content-Encoding; lossless edits re-encode a body the way it was stored. */
export type Compressor = (bytes: Uint8Array) => Uint8Array;
const compressors = new Map<string, Compressor>();

/** Registers the encoder for a coding shared/ cannot encode itself (Node's brotli, zstd). */
export function registerCompressor(name: string, fn: Compressor): void {
  compressors.set(name.toLowerCase(), fn);
}

export function compressorFor(name: string): Compressor | undefined {
  return compressors.get(name.toLowerCase());
}

export function hasDecompressor(name: string): boolean {
  const n = name.toLowerCase();
  return BUILT_IN.has(n) || registry.has(n);
}

/**
 * gunzip that refuses a truncated or corrupt stream up front. fflate sizes its output from the
 * trailer's ISIZE field; in a truncated file those are arbitrary bytes, and it tried to
 * allocate 2 GB for an 18-byte fragment. Deflate cannot expand more than 1032:1, so a larger
 * declared size cannot be right.
 */
export function safeGunzip(b: Uint8Array, maxOutput = maxDecoded): Uint8Array {
  if (b.length < 18) throw new Error('truncated gzip data');
  const isize = (b[b.length - 4] | (b[b.length - 3] << 8) | (b[b.length - 2] << 16) | (b[b.length - 1] << 24)) >>> 0;
  if (isize > (b.length - 18) * 1032 + 1024) {
    throw new Error(`truncated or corrupt gzip data (declares ${isize} bytes from ${b.length} compressed)`);
  }
  // fflate writes into a buffer of exactly ISIZE bytes and never grows it, so capping the
  // declared size caps the output.
  if (isize > maxOutput) throw tooLarge(maxOutput);
  return gunzipSync(b);
}

/**
 * The streaming inflaters fed small slices, so one push can produce at most ~1032× the slice
 * (16 MB) past the cap before the count stops it: the sync versions grow without bound.
 */
function inflateCapped(make: (ondata: (chunk: Uint8Array) => void) => Inflate | Unzlib, b: Uint8Array, maxOutput: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let len = 0;
  const strm = make((chunk) => {
    len += chunk.length;
    if (len > maxOutput) throw tooLarge(maxOutput);
    parts.push(chunk);
  });
  const SLICE = 16 * 1024;
  if (b.length === 0) strm.push(b, true);
  for (let i = 0; i < b.length; i += SLICE) strm.push(b.subarray(i, i + SLICE), i + SLICE >= b.length);
  return parts.length === 1 ? parts[0] : concatBytes(parts);
}

/** Content-Encoding `deflate`: RFC 9110 says zlib-wrapped, but some servers send raw deflate. */
export function inflateAny(b: Uint8Array, maxOutput = maxDecoded): Uint8Array {
  if (isZlib(b)) {
    try {
      return inflateCapped((ondata) => new Unzlib(ondata), b, maxOutput);
    } catch (e) {
      // The cap's own error must not send it on to a second try.
      if (e instanceof DecodedTooLargeError) throw e;
      /* not zlib after all: try raw */
    }
  }
  return inflateCapped((ondata) => new Inflate(ondata), b, maxOutput);
}

/** The one gzip magic check (RFC 1952 ID1 ID2): files, bodies and lint all ask here. */
export function isGzip(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

/** RFC 1950 header: CM=8 and the 16-bit header is a multiple of 31. */
function isZlib(b: Uint8Array): boolean {
  return b.length >= 2 && (b[0] & 0x0f) === 8 && ((b[0] << 8) | b[1]) % 31 === 0;
}

const BUILT_IN = new Set(['gzip', 'x-gzip', 'deflate']);

function decodeOne(name: string, b: Uint8Array): Uint8Array {
  const custom = registry.get(name);
  if (custom) return custom(b, maxDecoded);
  switch (name) {
    case 'gzip':
    case 'x-gzip':
      if (!isGzip(b)) throw new Error('not gzip data (no 1f 8b magic)');
      return safeGunzip(b);
    case 'deflate':
      return inflateAny(b);
    default:
      throw new Error(`no decoder for Content-Encoding "${name}" in this runtime`);
  }
}

/** Splits Content-Encoding header values into lowercase tokens, dropping `identity`. */
export function parseContentEncoding(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values)
    for (const part of v.split(',')) {
      const t = part.trim().toLowerCase();
      if (t && t !== 'identity') out.push(t);
    }
  return out;
}

export interface DecodeResult {
  bytes: Uint8Array;
  /** Codings actually undone, in header order. */
  undone: string[];
  /** Why decoding stopped, when it did. */
  error?: string;
}

/**
 * Undoes `encodings` (header order: the last one was applied last) on `raw`. Stops at the first
 * failure and returns what it had, leaving the caller to judge whether the bytes are usable
 * as-is (vcrpy's rule: a failed decode usually means the recorder already decompressed).
 */
export function decodeContentEncoding(raw: Uint8Array, encodings: string[]): DecodeResult {
  let bytes = raw;
  const undone: string[] = [];
  for (let i = encodings.length - 1; i >= 0; i--) {
    const name = encodings[i];
    try {
      bytes = decodeOne(name, bytes);
      undone.unshift(name);
    } catch (e) {
      return { bytes, undone, error: `${name}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { bytes, undone };
}
