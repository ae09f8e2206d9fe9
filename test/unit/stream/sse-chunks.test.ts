import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../shared/model/llm';
import { sseChunkReader } from '../../../shared/stream/sse-chunks';
import { frameSse } from '../../../shared/stream/sse';
import { utf8Encode } from '../../../shared/util/bytes';

/** Reads `bytes` in pieces cut at `cuts` (any byte positions, also inside a CRLF or a character). */
function chunked(bytes: Uint8Array, cuts: number[]) {
  const events: StreamEvent[] = [];
  const r = sseChunkReader((ev) => events.push(ev));
  let from = 0;
  for (const c of [...new Set(cuts.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b)) {
    r.push(bytes.subarray(from, c));
    from = c;
  }
  r.push(bytes.subarray(from));
  return { events, ...r.end() };
}

const piece = fc.constantFrom('data: x', 'data:y', 'data', 'data:', 'event: e', 'event:e', 'event: ee', 'id: 1', ': c', 'retry: 5', 'error: boom', 'data: {"k":[1]}', 'data: "é😀"', 'data: \uFEFFz', 'event: ü', 'foo: bar', ' data: lead', '');
const eol = fc.constantFrom('\n', '\r', '\r\n', '\n\n', '\r\n\r\n');

describe('sseChunkReader', () => {
  it('frames chunked bytes exactly as frameSse frames the whole body (offsets too when ASCII)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, eol), { maxLength: 30 }), fc.boolean(), fc.array(fc.nat(400), { maxLength: 8 }), fc.boolean(), (lines, cut, cuts, bom) => {
        let text = (bom ? '\uFEFF' : '') + lines.map(([l, e]) => l + e).join('');
        if (cut) text = text.replace(/[\r\n]+$/, '');
        const bytes = utf8Encode(text);
        const whole = frameSse(bytes);
        const ours = chunked(bytes, cuts);
        expect(ours.unterminated).toBe(whole.unterminated);
        expect(ours.errorLines).toEqual(whole.errorLines);
        const ascii = bytes.length === text.length; // (a BOM makes offsets differ: not ASCII)
        const strip = (e: StreamEvent) => (ascii ? e : { ...e, offset: 0, length: 0 });
        expect(ours.events.map(strip)).toEqual(whole.events.map(strip));
      }),
      { numRuns: 500 },
    );
  });

  it('carries a line longer than many chunks, and a CRLF split between two', () => {
    const text = `event: big\ndata: ${'x'.repeat(5000)}\r\n\r\ndata: [DONE]\r\n\r\n`;
    const bytes = utf8Encode(text);
    const cuts = [...Array(80).keys()].map((k) => k * 64).concat([text.indexOf('\r') + 1]);
    const r = chunked(bytes, cuts);
    expect(r.events.map((e) => [e.event, e.data.length, e.offset, e.length])).toEqual([
      ['big', 5000, 0, text.indexOf('data: [DONE]')],
      ['message', 6, text.indexOf('data: [DONE]'), 16],
    ]);
    expect(r.unterminated).toBe(false);
  });
});

describe('sseChunkReader at character boundaries', () => {
  it('keeps a U+FEFF that starts a later chunk, and joins a character cut in two', () => {
    const text = 'data: a\uFEFFb😀c\n\n';
    const bytes = utf8Encode(text);
    const r = chunked(bytes, [7, 12, 13, 14]); // 7: the FEFF; 12..14: inside the emoji
    expect(r.events.map((e) => e.data)).toEqual(['a\uFEFFb😀c']);
  });

  it('never throws when the body ends inside a character', () => {
    const bytes = utf8Encode('data: é');
    const r = chunked(bytes.subarray(0, bytes.length - 1), []);
    expect(r.events.map((e) => e.data)).toEqual(['\uFFFD']);
    expect(r.unterminated).toBe(true);
  });
});
