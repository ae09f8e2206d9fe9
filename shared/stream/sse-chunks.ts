/**
 * SSE over a byte stream that arrives in chunks, as a socket (or an SDK's ReadableStream)
 * delivers it: each chunk is decoded on its own and framed at once, and only a line cut by the
 * chunk boundary is carried over. For readers that assemble a stream and keep no event list:
 * decoding a multi-megabyte body in one piece costs several times more than in 64 KB pieces.
 *
 * Same events, `unterminated` and `errorLines` as frameSse on the whole body. Offsets and
 * lengths count UTF-16 units of the decoded text: byte offsets only when the body is ASCII.
 */
import type { StreamEvent } from '../model/llm';
import { utf8Decode } from '../util/bytes';
import type { SseResult } from './sse';
import { asciiLine, CR, crOrLf, LF, sseParser } from './sse-parser';

export interface SseChunkReader {
  push(bytes: Uint8Array): void;
  /** The body ended: dispatches a pending event as frameSse would. */
  end(): Omit<SseResult, 'events'>;
}

export function sseChunkReader(emit: (ev: StreamEvent) => void, parse?: (data: string) => unknown): SseChunkReader {
  const p = sseParser(emit, parse);
  // Chunks are decoded whole, holding back a character cut by the chunk's end for the next one:
  // a TextDecoder in streaming mode was 6x slower here than one-shot decodes of the same chunks.
  let held: Uint8Array | null = null;
  let first = true;
  function decode(bytes: Uint8Array, final: boolean): string {
    if (held) {
      const joined = new Uint8Array(held.length + bytes.length);
      joined.set(held);
      joined.set(bytes, held.length);
      bytes = joined;
      held = null;
    }
    const cut = final ? bytes.length : completeUpTo(bytes);
    if (cut < bytes.length) held = bytes.slice(cut);
    if (cut === 0) return '';
    // A one-shot decode drops a leading BOM: only the body's first one may go.
    const bom = !first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    first = false;
    const text = utf8Decode(bytes.subarray(0, cut)) ?? '';
    return bom ? '\uFEFF' + text : text;
  }
  let carry = ''; // the start of a line the last chunk cut off (and its CR if one ends it)
  let at = 0; // offset of carry[0] in the decoded text
  let unterminated = false;
  p.start(0);

  /** Frames `s` from `start`, where the offset `at` is. */
  function frame(s: string, final: boolean, start = 0): void {
    const base = at - start;
    const n = s.length;
    const hasCr = s.includes('\r');
    let pos = start;
    while (pos < n) {
      const eol = hasCr ? crOrLf(s, pos) : s.indexOf('\n', pos);
      // No line end yet, or a CR that an LF in the next chunk may complete: wait for more.
      if (!final && (eol < 0 || (eol === n - 1 && s.charCodeAt(eol) === CR))) break;
      const end = eol < 0 ? n : eol;
      const next = eol < 0 ? n : s.charCodeAt(eol) === CR && s.charCodeAt(eol + 1) === LF ? eol + 2 : eol + 1;
      if (end === pos) {
        if (eol >= 0) p.dispatch(base + next);
      } else {
        if (eol < 0) unterminated = true;
        asciiLine(p, s, pos, end);
      }
      pos = next;
    }
    carry = pos < n ? s.slice(pos) : '';
    at = base + pos;
  }

  /**
   * Ends the carried line with the start of `text` and frames the rest of `text` in place:
   * framing `carry + text` would copy the whole chunk to flatten it. When `text` does not end
   * the line yet, it joins the carry.
   */
  function finishCarry(text: string): void {
    const c = carry.length;
    if (carry.charCodeAt(c - 1) === CR) {
      // The line ended with a CR at the last chunk's end: an LF starting this one belongs to it.
      const skip = text.charCodeAt(0) === LF ? 1 : 0;
      if (c === 1) p.dispatch(at + c + skip);
      else asciiLine(p, carry, 0, c - 1);
      at += c + skip;
      carry = '';
      frame(text, false, skip);
      return;
    }
    const k = crOrLf(text, 0);
    if (k < 0 || (k === text.length - 1 && text.charCodeAt(k) === CR)) {
      carry += text; // a line longer than the chunk, or one whose CR may be followed by an LF
      return;
    }
    const line = carry + text.slice(0, k);
    asciiLine(p, line, 0, line.length);
    const next = text.charCodeAt(k) === CR && text.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
    at += c + next;
    carry = '';
    frame(text, false, next);
  }

  return {
    push(bytes) {
      const text = decode(bytes, false);
      if (text === '') return;
      if (carry === '') frame(text, false);
      else finishCarry(text);
    },
    end() {
      frame(carry + decode(new Uint8Array(0), true), true);
      if (p.pending()) unterminated = true;
      p.dispatch(at);
      return { unterminated, errorLines: p.errorLines };
    },
  };
}

/** Where the last complete UTF-8 character of `b` ends: a sequence its lead byte says is longer waits. */
function completeUpTo(b: Uint8Array): number {
  const n = b.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const c = b[i];
    if (c < 0x80) return n;
    if (c >= 0xc0) return n - i >= (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) ? n : i;
    // a continuation byte: its lead byte is further back
  }
  return n;
}
