/**
 * Chooses how a response body is framed (docs/stream-formats.md §1.3): by Content-Type first, then by sniffing the
 * bytes, because recorders and proxies often drop or generalise the header.
 */
import type { Body, Header } from '../model/cassette';
import { headerValue } from '../model/cassette';
import type { Diagnostic } from '../model/diagnostics';
import type { FramedStream, Framing, StreamEvent } from '../model/llm';
import { utf8Decode } from '../util/bytes';
import { frameEventstream, looksLikeEventstream } from './eventstream';
import { frameJsonArray } from './json-array';
import { tryJson } from './json-event';
import { frameNdjson } from './ndjson';
import { frameSse } from './sse';

export function frameBody(body: Body, headers: Header[]): FramedStream {
  const bytes = body.bytes;
  const diagnostics: Diagnostic[] = [];
  const text = recordedText(body);
  const framing = chooseFraming(bytes, (headerValue(headers, 'content-type') ?? '').toLowerCase(), text);
  let events: StreamEvent[] = [];
  let unterminated = false;
  switch (framing) {
    case 'sse': {
      // UTF-8 is longer than its UTF-16 text unless every character is ASCII: then character
      // and byte offsets agree, and the text can be framed as it is.
      const r = frameSse(bytes, text !== null && text.length === bytes.length ? text : null);
      events = r.events;
      unterminated = r.unterminated;
      if (unterminated) {
        diagnostics.push({
          severity: 'info',
          code: 'stream.unterminated',
          message: 'The event stream does not end with a blank line; its last event was completed by the viewer',
        });
      }
      for (const e of r.errorLines) {
        diagnostics.push({ severity: 'warning', code: 'stream.error-line', message: `The stream carries a non-standard "error:" line: ${e.slice(0, 300)}` });
      }
      break;
    }
    case 'ndjson':
      events = frameNdjson(bytes, diagnostics);
      break;
    case 'json-array':
      events = frameJsonArray(bytes, diagnostics);
      break;
    case 'eventstream':
      events = frameEventstream(bytes, diagnostics);
      break;
    case 'json': {
      const data = body.text ?? utf8Decode(bytes) ?? '';
      const ev: StreamEvent = { index: 0, offset: 0, length: bytes.length, data };
      const json = body.parsed !== undefined ? body.parsed : tryJson(data);
      if (json !== undefined) ev.json = json;
      events = [ev];
      break;
    }
    case 'none':
      break;
  }
  return { framing, events, unterminated, diagnostics };
}

/** True when the framing is a stream of several events (as opposed to one JSON value or nothing). */
export function isStreamFraming(f: Framing): boolean {
  return f === 'sse' || f === 'ndjson' || f === 'json-array' || f === 'eventstream';
}

/**
 * The string the recorder wrote, when `bytes` are exactly its UTF-8 (no Content-Encoding was
 * undone, no charset applied), so framing can read it instead of decoding the bytes again,
 * piece by piece.
 */
function recordedText(body: Body): string | null {
  return body.storage === 'text' && body.contentEncoding.length === 0 ? body.text : null;
}

function chooseFraming(bytes: Uint8Array, contentType: string, text: string | null): Framing {
  if (bytes.length === 0) return 'none';
  if (contentType.includes('text/event-stream')) return 'sse';
  if (contentType.includes('vnd.amazon.eventstream')) {
    // Trust the header only when the bytes agree (a redacted/placeholder body would not).
    if (looksLikeEventstream(bytes)) return 'eventstream';
  }
  if (/x-ndjson|jsonl|stream\+json|ndjson/.test(contentType)) {
    const s = sniff(bytes, text);
    return s === 'json' || s === 'ndjson' ? 'ndjson' : s;
  }
  return sniff(bytes, text);
}

function sniff(bytes: Uint8Array, recorded: string | null): Framing {
  if (looksLikeEventstream(bytes)) return 'eventstream';
  if (recorded !== null) return sniffText(recorded);
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  const head = utf8Decode(bytes.subarray(i, i + 16)) ?? '';
  if (/^(data:|event:|id:|retry:|:)/.test(head)) return 'sse';
  if (head.startsWith('[')) return 'json-array';
  if (head.startsWith('{')) return isNdjson(bytes) ? 'ndjson' : 'json';
  const text = utf8Decode(bytes, true);
  if (text !== null && tryJson(text) !== undefined) return 'json';
  return 'none';
}

/** sniff() on the recorded text (the same answers: its bytes are its UTF-8). */
function sniffText(recorded: string): Framing {
  // The byte path's decoder drops one BOM; so does this.
  const text = recorded.charCodeAt(0) === 0xfeff ? recorded.slice(1) : recorded;
  let i = 0;
  for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = text.charCodeAt(++i));
  const head = text.slice(i, i + 16);
  if (/^(data:|event:|id:|retry:|:)/.test(head)) return 'sse';
  if (head.startsWith('[')) return 'json-array';
  if (head.startsWith('{')) return isNdjsonText(text) ? 'ndjson' : 'json';
  return tryJson(text) !== undefined ? 'json' : 'none';
}

/** Several non-blank lines, each starting with `{`, and the whole is not one JSON value. */
function isNdjson(bytes: Uint8Array): boolean {
  return isNdjsonText(utf8Decode(bytes) ?? '');
}

function isNdjsonText(text: string): boolean {
  // One line (most JSON bodies as recorders write them) cannot be several values.
  if (!text.includes('\n')) return false;
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2 || !lines.every((l) => l.trimStart().startsWith('{'))) return false;
  return tryJson(text) === undefined;
}
