/**
 * AWS `application/vnd.amazon.eventstream` binary frames (docs/stream-formats.md §8.1):
 * [total u32][headers_len u32][prelude_crc u32][headers][payload][message_crc u32], big-endian.
 * Both CRCs are checked; a bad or truncated frame ends decoding with a diagnostic, never a throw.
 */
import type { Diagnostic } from '../model/diagnostics';
import type { StreamEvent } from '../model/llm';
import { base64Encode, utf8Decode } from '../util/bytes';
import { crc32 } from '../util/crc32';
import { tryJson } from './json-event';

type HeaderValue = string | number | boolean;

/**
 * AWS caps a message at 16 MB of payload and 128 KB of headers; a frame declaring more is not
 * a real one, and reading it would decode (and copy into events) whatever follows.
 */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024 + 128 * 1024 + 16;

function u32(b: Uint8Array, i: number): number {
  return ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
}

/** True when the bytes start with a frame whose length is plausible and whose prelude CRC matches. */
export function looksLikeEventstream(b: Uint8Array): boolean {
  if (b.length < 16) return false;
  const total = u32(b, 0);
  const hlen = u32(b, 4);
  if (total < 16 || hlen > total - 16) return false;
  return crc32(b, 0, 8) === u32(b, 8);
}

export function frameEventstream(bytes: Uint8Array, diagnostics: Diagnostic[]): StreamEvent[] {
  const events: StreamEvent[] = [];
  let pos = 0;
  const n = bytes.length;
  while (pos < n) {
    const fail = (message: string, code = 'stream.eventstream-frame') => {
      diagnostics.push({ severity: 'error', code, message: `Event-stream frame ${events.length} at byte ${pos}: ${message}` });
    };
    if (n - pos < 16) {
      fail(`only ${n - pos} bytes left, a frame needs at least 16 (truncated body)`, 'stream.truncated');
      break;
    }
    const total = u32(bytes, pos);
    const hlen = u32(bytes, pos + 4);
    if (crc32(bytes, pos, pos + 8) !== u32(bytes, pos + 8)) {
      fail('prelude CRC mismatch');
      break;
    }
    if (total < 16 || hlen > total - 16) {
      fail(`implausible lengths (total ${total}, headers ${hlen})`);
      break;
    }
    if (total > MAX_FRAME_BYTES) {
      fail(`frame declares ${total} bytes, over the ${MAX_FRAME_BYTES} an event-stream message can have`);
      break;
    }
    if (pos + total > n) {
      fail(`frame declares ${total} bytes but only ${n - pos} remain (truncated body)`, 'stream.truncated');
      break;
    }
    if (crc32(bytes, pos, pos + total - 4) !== u32(bytes, pos + total - 4)) {
      fail('message CRC mismatch');
      break;
    }
    const headers = decodeHeaders(bytes, pos + 12, pos + 12 + hlen);
    if (!headers) {
      fail('malformed headers');
      break;
    }
    const payload = bytes.subarray(pos + 12 + hlen, pos + total - 4);
    const data = utf8Decode(payload) ?? '';
    const ev: StreamEvent = { index: events.length, offset: pos, length: total, data, headers };
    const name = headers[':event-type'] ?? headers[':exception-type'] ?? headers[':error-code'];
    if (typeof name === 'string') ev.event = name;
    const json = tryJson(data);
    if (json !== undefined) ev.json = json;
    events.push(ev);
    pos += total;
  }
  return events;
}

function decodeHeaders(b: Uint8Array, start: number, end: number): Record<string, HeaderValue> | null {
  const out: Record<string, HeaderValue> = {};
  let i = start;
  while (i < end) {
    const nameLen = b[i++];
    if (i + nameLen >= end + 1) return null;
    const name = utf8Decode(b.subarray(i, i + nameLen)) ?? '';
    i += nameLen;
    const type = b[i++];
    let value: HeaderValue;
    switch (type) {
      case 0: value = true; break;
      case 1: value = false; break;
      case 2: value = (b[i] << 24) >> 24; i += 1; break;
      case 3: value = (((b[i] << 8) | b[i + 1]) << 16) >> 16; i += 2; break;
      case 4: value = u32(b, i) | 0; i += 4; break;
      case 5:
      case 8: {
        // i64 / timestamp: exact up to 2^53, which covers millisecond timestamps.
        value = (u32(b, i) | 0) * 4294967296 + u32(b, i + 4);
        i += 8;
        break;
      }
      case 6:
      case 7: {
        const len = (b[i] << 8) | b[i + 1];
        i += 2;
        if (i + len > end) return null;
        const slice = b.subarray(i, i + len);
        value = type === 7 ? (utf8Decode(slice) ?? '') : base64Encode(slice);
        i += len;
        break;
      }
      case 9: {
        let hex = '';
        for (let k = 0; k < 16; k++) hex += b[i + k].toString(16).padStart(2, '0');
        value = hex;
        i += 16;
        break;
      }
      default:
        return null;
    }
    if (i > end) return null;
    out[name] = value;
  }
  return out;
}
