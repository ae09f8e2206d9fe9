/**
 * SSE over a byte stream that arrives in chunks, as a socket (or an SDK's ReadableStream)
 * delivers it: each chunk is decoded on its own and framed at once, and only a line cut by the
 * chunk boundary is carried over. For readers that assemble a stream and keep no event list:
 * decoding a multi-megabyte body in one piece costs several times more than in 64 KB pieces.
 *
 * Same events, `unterminated` and `errorLines` as frameSse on the whole body. Offsets and
 * lengths count UTF-16 units of the decoded text: byte offsets only when the body is ASCII.
 */
import { DecodeUTF8 } from 'fflate';
import type { StreamEvent } from '../model/llm';
import type { SseResult } from './sse';
import { asciiLine, CR, crOrLf, LF, sseParser } from './sse-parser';

export interface SseChunkReader {
  push(bytes: Uint8Array): void;
  /** The body ended: dispatches a pending event as frameSse would. */
  end(): Omit<SseResult, 'events'>;
}

export function sseChunkReader(emit: (ev: StreamEvent) => void, parse?: (data: string) => unknown): SseChunkReader {
  const p = sseParser(emit, parse);
  // fflate's streaming decoder (the runtime's TextDecoder where there is one, as utf8Decode):
  // a character cut by a chunk boundary is completed by the next chunk.
  let decoded = '';
  const decoder = new DecodeUTF8((text) => {
    decoded = text;
  });
  let carry = ''; // the start of a line the last chunk cut off
  let at = 0; // offset of carry[0] in the decoded text
  let unterminated = false;
  p.start(0);

  function frame(s: string, final: boolean): void {
    const n = s.length;
    const hasCr = s.includes('\r');
    let pos = 0;
    while (pos < n) {
      const eol = hasCr ? crOrLf(s, pos) : s.indexOf('\n', pos);
      // No line end yet, or a CR that an LF in the next chunk may complete: wait for more.
      if (!final && (eol < 0 || (eol === n - 1 && s.charCodeAt(eol) === CR))) break;
      const end = eol < 0 ? n : eol;
      const next = eol < 0 ? n : s.charCodeAt(eol) === CR && s.charCodeAt(eol + 1) === LF ? eol + 2 : eol + 1;
      if (end === pos) {
        if (eol >= 0) p.dispatch(at + next);
      } else {
        if (eol < 0) unterminated = true;
        asciiLine(p, s, pos, end);
      }
      pos = next;
    }
    carry = pos < n ? s.slice(pos) : '';
    at += pos;
  }

  return {
    push(bytes) {
      decoder.push(bytes);
      if (decoded !== '') frame(carry === '' ? decoded : carry + decoded, false);
      decoded = '';
    },
    end() {
      try {
        decoder.push(new Uint8Array(0), true);
      } catch {
        decoded = '\uFFFD'; // the body ends inside a character (fflate throws; TextDecoder gives this)
      }
      frame(carry + decoded, true);
      if (p.pending()) unterminated = true;
      p.dispatch(at);
      return { unterminated, errorLines: p.errorLines };
    },
  };
}
