/**
 * The line-level state of WHATWG "parsing an event stream", shared by the framers in sse.ts:
 * fields collect into the pending event, a blank line dispatches it.
 */
import type { StreamEvent } from '../model/llm';
import { tryJson } from './json-event';

export const LF = 10;
export const CR = 13;

export type SseParser = ReturnType<typeof sseParser>;

/**
 * frameSse feeds it from bytes or an ASCII string, sseEventsOfLines lines from elsewhere (a
 * literal block read straight from its source); same rules.
 */
export function sseParser(emit: (ev: StreamEvent) => void, parse: (data: string) => unknown = tryJson) {
  // Almost every event has one data line: keep it as a string, and an array only for more.
  let data: string | null = null;
  let more: string[] | null = null;
  let eventType = '';
  let id: string | undefined;
  let blockStart = 0; // first byte of the current (not yet dispatched) block of lines
  let sawField = false;
  let count = 0;
  let lastType = '';
  const errorLines: string[] = [];

  function addData(value: string): void {
    sawField = true;
    if (data === null) data = value;
    else (more ??= []).push(value);
  }
  function setEvent(value: string): void {
    sawField = true;
    eventType = lastType = value;
  }

  return {
    errorLines,
    start(pos: number) {
      blockStart = pos;
    },
    /** Whether an event is under way (fields seen since the last blank line). */
    pending: () => data !== null || sawField,
    /** The last event type seen, so the framer can reuse the string when the next one repeats it. */
    lastEventType: () => lastType,
    dispatch(end: number) {
      if (data !== null) {
        const ev: StreamEvent = {
          index: count++,
          offset: blockStart,
          length: end - blockStart,
          event: eventType || 'message',
          data: more === null ? data : data + '\n' + more.join('\n'),
        };
        if (id !== undefined) ev.id = id;
        const json = parse(ev.data);
        if (json !== undefined) ev.json = json;
        emit(ev);
      }
      data = null;
      more = null;
      eventType = '';
      id = undefined; // per-event, as eventsource-parser reports it
      sawField = false;
      blockStart = end;
    },
    data: addData,
    event: setEvent,
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
      if (field === 'data') addData(value);
      else if (field === 'event') setEvent(value);
      else if (field === 'id') {
        if (!value.includes('\0')) id = value;
      }
      else if (field === 'error') errorLines.push(value);
      // `retry` and other unknown fields do not change the events we show.
    },
  };
}

/**
 * One line of a string (an ASCII body or a decoded chunk) from `pos` to `eol`. `data:` and `event:` lines (nearly all of them) take their value
 * straight from the body, without slicing the line and its field name first, and a repeated
 * event type reuses the previous string: fewer allocations per event on long streams.
 */
export function asciiLine(p: SseParser, s: string, pos: number, eol: number): void {
  const c = s.charCodeAt(pos);
  if (c === 100 && s.charCodeAt(pos + 4) === 58 && s.startsWith('data', pos)) {
    p.data(s.slice(s.charCodeAt(pos + 5) === 32 ? pos + 6 : pos + 5, eol));
  } else if (c === 101 && s.charCodeAt(pos + 5) === 58 && s.startsWith('event', pos)) {
    const from = s.charCodeAt(pos + 6) === 32 ? pos + 7 : pos + 6;
    const prev = p.lastEventType();
    p.event(prev !== '' && eol - from === prev.length && s.startsWith(prev, from) ? prev : s.slice(from, eol));
  } else p.line(s.slice(pos, eol));
}

export function crOrLf(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return -1;
}
