/**
 * A JSON array written progressively (Gemini streamGenerateContent without alt=sse). Elements are
 * located by a byte scanner (structural characters are ASCII, so UTF-8 continuation bytes never
 * match) which keeps byte spans and tolerates a truncated array: complete elements are kept and
 * the cut is reported.
 */
import type { Diagnostic } from '../model/diagnostics';
import type { StreamEvent } from '../model/llm';
import { utf8Decode } from '../util/bytes';
import { tryJson } from './json-event';

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function frameJsonArray(bytes: Uint8Array, diagnostics: Diagnostic[]): StreamEvent[] {
  const events: StreamEvent[] = [];
  const n = bytes.length;
  let pos = skipWs(bytes, bomEnd(bytes));
  if (bytes[pos] !== 0x5b) return events;
  pos++;
  for (;;) {
    pos = skipWs(bytes, pos);
    if (pos >= n) {
      diagnostics.push({ severity: 'warning', code: 'stream.truncated', message: 'JSON array stream ends before its closing ]' });
      return events;
    }
    if (bytes[pos] === 0x5d) return events;
    const end = scanValue(bytes, pos);
    if (end < 0) {
      diagnostics.push({ severity: 'warning', code: 'stream.truncated', message: `JSON array stream is cut off inside element ${events.length}` });
      return events;
    }
    const data = utf8Decode(bytes.subarray(pos, end)) ?? '';
    const ev: StreamEvent = { index: events.length, offset: pos, length: end - pos, data };
    const json = tryJson(data);
    if (json !== undefined) ev.json = json;
    events.push(ev);
    pos = skipWs(bytes, end);
    if (bytes[pos] === 0x2c) pos++;
    else if (bytes[pos] === 0x5d) return events;
    else if (pos < n) {
      diagnostics.push({ severity: 'warning', code: 'stream.json-array', message: `Unexpected byte after element ${events.length - 1} of the JSON array stream` });
      return events;
    }
  }
}

function bomEnd(b: Uint8Array): number {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
}

function skipWs(b: Uint8Array, pos: number): number {
  while (pos < b.length && WS.has(b[pos])) pos++;
  return pos;
}

/** End offset (exclusive) of the JSON value starting at `pos`, or -1 when the input ends first. */
function scanValue(b: Uint8Array, pos: number): number {
  const n = b.length;
  let depth = 0;
  let inStr = false;
  for (let i = pos; i < n; i++) {
    const c = b[i];
    if (inStr) {
      if (c === 0x5c) i++;
      else if (c === 0x22) {
        inStr = false;
        if (depth === 0) return i + 1;
      }
      continue;
    }
    if (c === 0x22) inStr = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
      if (depth < 0) return i; // a bare scalar followed by the closing bracket
    } else if (depth === 0 && (c === 0x2c || WS.has(c))) return i;
  }
  return depth === 0 && !inStr ? n : -1;
}
