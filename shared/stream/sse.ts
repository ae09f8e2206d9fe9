/**
 * WHATWG "parsing an event stream" over bytes, so every event keeps its byte span in the body.
 * eventsource-parser implements the same rules on strings but cannot report offsets; the unit
 * tests check that both produce the same events on the same inputs.
 */
import type { StreamEvent } from '../model/llm';
import { utf8Decode } from '../util/bytes';
import { tryJson } from './json-event';

export interface SseResult {
  events: StreamEvent[];
  /** The body did not end in a blank line; the pending event was dispatched as if it had. */
  unterminated: boolean;
  /**
   * Values of non-standard `error:` lines (some hosts report a mid-stream failure that way). The
   * spec ignores unknown fields, so no event carries them; kept so the failure is not lost.
   */
  errorLines: string[];
}

const LF = 10;
const CR = 13;

/**
 * The line-level state of the parser: fields collect into the pending event, a blank line
 * dispatches it. frameSse feeds it from bytes or an ASCII string; sseEventsOfLines feeds it
 * lines from elsewhere (a literal block read straight from its source), with the same rules.
 */
function sseParser(emit: (ev: StreamEvent) => void, parse: (data: string) => unknown = tryJson) {
  let data: string[] = [];
  let eventType = '';
  let id: string | undefined;
  let blockStart = 0; // first byte of the current (not yet dispatched) block of lines
  let sawField = false;
  let count = 0;
  const errorLines: string[] = [];

  return {
    errorLines,
    start(pos: number) {
      blockStart = pos;
    },
    /** Whether an event is under way (fields seen since the last blank line). */
    pending: () => data.length > 0 || sawField,
    dispatch(end: number) {
      if (data.length > 0) {
        const ev: StreamEvent = {
          index: count++,
          offset: blockStart,
          length: end - blockStart,
          event: eventType || 'message',
          data: data.join('\n'),
        };
        if (id !== undefined) ev.id = id;
        const json = parse(ev.data);
        if (json !== undefined) ev.json = json;
        emit(ev);
      }
      data = [];
      eventType = '';
      id = undefined; // per-event, as eventsource-parser reports it
      sawField = false;
      blockStart = end;
    },
    line(line: string) {
      if (line.charCodeAt(0) === 58) return; // ':' comment (OpenRouter keep-alives)
      sawField = true;
      const colon = line.indexOf(':');
      let field: string;
      let value: string;
      if (colon === -1) {
        field = line;
        value = '';
      } else {
        field = line.slice(0, colon);
        value = line.charCodeAt(colon + 1) === 32 ? line.slice(colon + 2) : line.slice(colon + 1);
      }
      if (field === 'data') data.push(value);
      else if (field === 'event') eventType = value;
      else if (field === 'id') {
        if (!value.includes('\0')) id = value;
      }
      else if (field === 'error') errorLines.push(value);
      // `retry` and other unknown fields do not change the events we show.
    },
  };
}

/**
 * `ascii`: the body's text when it is pure ASCII, so character and byte offsets agree. Lines
 * are then found with indexOf on the string instead of a byte loop plus one UTF-8 decode per
 * line, several times faster on the multi-megabyte streams the viewer and the index read.
 */
export function frameSse(bytes: Uint8Array, ascii?: string | null): SseResult {
  const events: StreamEvent[] = [];
  const p = sseParser((ev) => events.push(ev));
  let pos = 0;
  // One leading BOM is stripped, only at the very start (never present in ASCII text).
  if (!ascii && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) pos = 3;
  p.start(pos);

  let unterminated = false;
  if (ascii) {
    const n = ascii.length;
    const hasCr = ascii.includes('\r');
    while (pos < n) {
      let eol = hasCr ? crOrLf(ascii, pos) : ascii.indexOf('\n', pos);
      if (eol < 0) eol = n;
      const hasEol = eol < n;
      const next = !hasEol ? n : ascii.charCodeAt(eol) === CR && ascii.charCodeAt(eol + 1) === LF ? eol + 2 : eol + 1;
      if (eol === pos) {
        if (hasEol) p.dispatch(next);
        pos = next;
        continue;
      }
      if (!hasEol) unterminated = true;
      p.line(ascii.slice(pos, eol));
      pos = next;
    }
    if (p.pending()) unterminated = true;
    p.dispatch(n);
    return { events, unterminated, errorLines: p.errorLines };
  }
  const n = bytes.length;
  while (pos < n) {
    // Find the end of this line: CRLF, lone CR or lone LF.
    let eol = pos;
    while (eol < n && bytes[eol] !== LF && bytes[eol] !== CR) eol++;
    const hasEol = eol < n;
    const next = !hasEol ? n : bytes[eol] === CR && bytes[eol + 1] === LF ? eol + 2 : eol + 1;
    if (eol === pos) {
      if (hasEol) p.dispatch(next);
      pos = next;
      continue;
    }
    if (!hasEol) unterminated = true;
    p.line(utf8Decode(bytes.subarray(pos, eol)) ?? '');
    pos = next;
  }
  if (p.pending()) unterminated = true;
  // Policy (docs/stream-formats.md §2): act as if the body ended with a blank line, and say so.
  p.dispatch(n);
  return { events, unterminated, errorLines: p.errorLines };
}

/**
 * The events frameSse finds in a text given as its lines (each without its line break;
 * `lastTerminated`: whether the last one had one), handed to `emit` one by one instead of
 * collected: for readers that step through a long stream once and keep nothing of it. The
 * lines must hold no CR. Offsets and lengths are not computed (0). `parse`: how event data
 * becomes `json`, tryJson's result by default (json-memo.ts gives the same, cheaper).
 */
export function sseEventsOfLines(
  forEachLine: (take: (line: string, terminated: boolean) => void) => void,
  emit: (ev: StreamEvent) => void,
  parse?: (data: string) => unknown,
): void {
  const p = sseParser(emit, parse);
  let first = true;
  forEachLine((line, terminated) => {
    // The byte path drops one leading BOM.
    if (first && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    first = false;
    if (line === '') {
      if (terminated) p.dispatch(0);
      return;
    }
    p.line(line);
  });
  p.dispatch(0);
}

function crOrLf(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return -1;
}
