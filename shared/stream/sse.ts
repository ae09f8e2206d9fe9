/**
 * WHATWG "parsing an event stream" over bytes, so every event keeps its byte span in the body.
 * eventsource-parser implements the same rules on strings but cannot report offsets; the unit
 * tests check that both produce the same events on the same inputs.
 */
import type { StreamEvent } from '../model/llm';
import { utf8Decode } from '../util/bytes';
import { asciiLine, CR, crOrLf, LF, sseParser } from './sse-parser';

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


/**
 * `ascii`: the body's text when it is pure ASCII, so character and byte offsets agree. Lines
 * are then found with indexOf on the string instead of a byte loop plus one UTF-8 decode per
 * line, several times faster on the multi-megabyte streams the viewer and the index read.
 */
export function frameSse(bytes: Uint8Array, ascii?: string | null): SseResult {
  const events: StreamEvent[] = [];
  return { events, ...forEachSseEvent(bytes, ascii, (ev) => events.push(ev)) };
}

/**
 * frameSse handing each event to `emit` as it is dispatched instead of collecting them: for a
 * reader that only assembles the stream (as the SDKs' accumulators do) and keeps no event list.
 * `parse` as for sseEventsOfLines.
 */
export function forEachSseEvent(
  bytes: Uint8Array,
  ascii: string | null | undefined,
  emit: (ev: StreamEvent) => void,
  parse?: (data: string) => unknown,
): Omit<SseResult, 'events'> {
  const p = sseParser(emit, parse);
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
      asciiLine(p, ascii, pos, eol);
      pos = next;
    }
    if (p.pending()) unterminated = true;
    p.dispatch(n);
    return { unterminated, errorLines: p.errorLines };
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
  return { unterminated, errorLines: p.errorLines };
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
