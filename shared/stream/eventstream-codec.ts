/**
 * Lossless AWS eventstream frame codec for editing: frames decode to typed headers plus payload
 * bytes and encode back with fresh lengths and CRCs. Header values keep their wire type and raw
 * bytes (strings as bytes, 64-bit ints as bigint), so encode(decode(bytes)) is byte-identical;
 * the viewer's decoder (eventstream.ts) stays the one that reports problems.
 */
import { crc32 } from '../util/crc32';

/** Wire types: 0 true, 1 false, 2 i8, 3 i16, 4 i32, 5 i64, 6 bytes, 7 string, 8 timestamp, 9 uuid. */
export type EsHeader =
  | { name: string; type: 0 | 1 }
  | { name: string; type: 2 | 3 | 4; value: number }
  | { name: string; type: 5 | 8; value: bigint }
  | { name: string; type: 6 | 7 | 9; value: Uint8Array };

export interface EsFrame {
  headers: EsHeader[];
  payload: Uint8Array;
}

export interface EsFrameAt extends EsFrame {
  offset: number;
  length: number;
}

const u32 = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;

function putU32(b: Uint8Array, i: number, v: number): void {
  b[i] = (v >>> 24) & 0xff;
  b[i + 1] = (v >>> 16) & 0xff;
  b[i + 2] = (v >>> 8) & 0xff;
  b[i + 3] = v & 0xff;
}

const ascii = (b: Uint8Array) => String.fromCharCode(...b);
const fromAscii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** Decodes every frame; null when any frame is malformed (bad CRC, lengths or header type). */
export function decodeFrames(bytes: Uint8Array): EsFrameAt[] | null {
  const out: EsFrameAt[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const f = decodeFrameAt(bytes, pos);
    if (!f) return null;
    out.push(f);
    pos += f.length;
  }
  return out;
}

export function decodeFrameAt(b: Uint8Array, pos: number): EsFrameAt | null {
  if (b.length - pos < 16) return null;
  const total = u32(b, pos);
  const hlen = u32(b, pos + 4);
  if (total < 16 || hlen > total - 16 || pos + total > b.length) return null;
  if (crc32(b, pos, pos + 8) !== u32(b, pos + 8)) return null;
  if (crc32(b, pos, pos + total - 4) !== u32(b, pos + total - 4)) return null;
  const headers = decodeHeaders(b.subarray(pos + 12, pos + 12 + hlen));
  if (!headers) return null;
  return { offset: pos, length: total, headers, payload: b.slice(pos + 12 + hlen, pos + total - 4) };
}

function decodeHeaders(b: Uint8Array): EsHeader[] | null {
  const out: EsHeader[] = [];
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 0;
  while (i < b.length) {
    const nameLen = b[i++];
    if (i + nameLen + 1 > b.length) return null;
    // Header names are ASCII by spec; latin-1 keeps any odd byte exactly.
    const name = ascii(b.subarray(i, i + nameLen));
    i += nameLen;
    const type = b[i++];
    const need = [0, 0, 1, 2, 4, 8, -1, -1, 8, 16][type];
    if (need === undefined) return null;
    if (need > 0 && i + need > b.length) return null;
    switch (type) {
      case 0: case 1: out.push({ name, type }); break;
      case 2: out.push({ name, type, value: dv.getInt8(i) }); break;
      case 3: out.push({ name, type, value: dv.getInt16(i) }); break;
      case 4: out.push({ name, type, value: dv.getInt32(i) }); break;
      case 5: case 8: out.push({ name, type, value: dv.getBigInt64(i) }); break;
      case 9: out.push({ name, type, value: b.slice(i, i + 16) }); break;
      default: {
        if (i + 2 > b.length) return null;
        const len = dv.getUint16(i);
        i += 2;
        if (i + len > b.length) return null;
        out.push({ name, type: type as 6 | 7, value: b.slice(i, i + len) });
        i += len;
        continue;
      }
    }
    i += need;
  }
  return out;
}

export function encodeHeaders(headers: EsHeader[]): Uint8Array {
  const parts: number[] = [];
  for (const h of headers) {
    const name = fromAscii(h.name);
    parts.push(name.length, ...name, h.type);
    const tmp = new DataView(new ArrayBuffer(8));
    switch (h.type) {
      case 0: case 1: break;
      case 2: tmp.setInt8(0, h.value); parts.push(tmp.getUint8(0)); break;
      case 3: tmp.setInt16(0, h.value); parts.push(...new Uint8Array(tmp.buffer, 0, 2)); break;
      case 4: tmp.setInt32(0, h.value); parts.push(...new Uint8Array(tmp.buffer, 0, 4)); break;
      case 5: case 8: tmp.setBigInt64(0, h.value); parts.push(...new Uint8Array(tmp.buffer)); break;
      case 9: parts.push(...h.value); break;
      default: parts.push((h.value.length >>> 8) & 0xff, h.value.length & 0xff, ...h.value);
    }
  }
  return Uint8Array.from(parts);
}

/** One frame with its prelude, lengths and both CRCs computed. */
export function encodeFrame(f: EsFrame): Uint8Array {
  const h = encodeHeaders(f.headers);
  const total = 16 + h.length + f.payload.length;
  const out = new Uint8Array(total);
  putU32(out, 0, total);
  putU32(out, 4, h.length);
  putU32(out, 8, crc32(out, 0, 8));
  out.set(h, 12);
  out.set(f.payload, 12 + h.length);
  putU32(out, total - 4, crc32(out, 0, total - 4));
  return out;
}

