/** Newline-delimited JSON (Ollama, Cohere v1): one event per non-blank line, CRLF accepted. */
import type { Diagnostic } from '../model/diagnostics';
import type { StreamEvent } from '../model/llm';
import { utf8Decode } from '../util/bytes';
import { tryJson } from './json-event';

export function frameNdjson(bytes: Uint8Array, diagnostics: Diagnostic[]): StreamEvent[] {
  const events: StreamEvent[] = [];
  let pos = 0;
  let line = 1;
  const n = bytes.length;
  while (pos < n) {
    let eol = pos;
    while (eol < n && bytes[eol] !== 10) eol++;
    let end = eol;
    if (end > pos && bytes[end - 1] === 13) end--;
    const text = utf8Decode(bytes.subarray(pos, end)) ?? '';
    if (text.trim() !== '') {
      const ev: StreamEvent = { index: events.length, offset: pos, length: end - pos, data: text };
      const json = tryJson(text);
      if (json !== undefined) ev.json = json;
      else {
        diagnostics.push({
          severity: 'warning',
          code: 'stream.ndjson-line',
          message: `NDJSON line ${line} of the response body is not JSON`,
        });
      }
      events.push(ev);
    }
    pos = eol + 1;
    line++;
  }
  return events;
}
