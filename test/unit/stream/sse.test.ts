import { createParser } from 'eventsource-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameSse } from '../../../shared/stream/sse';
import { utf8Decode, utf8Encode } from '../../../shared/util/bytes';

/** Reference: eventsource-parser on the same text, with the replayer's `\n\n` policy. */
function reference(text: string) {
  const out: { event: string; data: string; id?: string }[] = [];
  const p = createParser({ onEvent: (e) => out.push({ event: e.event ?? 'message', data: e.data, ...(e.id !== undefined ? { id: e.id } : {}) }) });
  p.feed(text);
  p.feed('\n\n');
  return out;
}

function ours(text: string) {
  return frameSse(utf8Encode(text)).events.map((e) => ({ event: e.event!, data: e.data, ...(e.id !== undefined ? { id: e.id } : {}) }));
}

describe('frameSse', () => {
  it('frames OpenRouter comments, data and [DONE] with byte offsets', () => {
    const text = ': OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\ndata: {"a":1}\n\ndata: [DONE]\n\n';
    const r = frameSse(utf8Encode(text));
    expect(r.unterminated).toBe(false);
    expect(r.events.map((e) => e.data)).toEqual(['{"a":1}', '[DONE]']);
    expect(r.events[0].json).toEqual({ a: 1 });
    expect(r.events[1].json).toBeUndefined();
    const bytes = utf8Encode(text);
    expect(utf8Decode(bytes.subarray(r.events[0].offset, r.events[0].offset + r.events[0].length))).toBe('data: {"a":1}\n\n');
  });

  it('handles Gemini CRLF CRLF separators and multi-byte text offsets', () => {
    const text = 'data: {"t":"é😀"}\r\n\r\ndata: {"t":"b"}\r\n\r\n';
    const r = frameSse(utf8Encode(text));
    expect(r.events.map((e) => e.json)).toEqual([{ t: 'é😀' }, { t: 'b' }]);
    const b = utf8Encode(text);
    expect(utf8Decode(b.subarray(r.events[1].offset, r.events[1].offset + r.events[1].length))).toBe('data: {"t":"b"}\r\n\r\n');
  });

  it('dispatches an unterminated final event and flags it', () => {
    const r = frameSse(utf8Encode('data: a\n\ndata: [DONE]'));
    expect(r.events.map((e) => e.data)).toEqual(['a', '[DONE]']);
    expect(r.unterminated).toBe(true);
    expect(frameSse(utf8Encode('data: a\n')).unterminated).toBe(true);
    expect(frameSse(utf8Encode('data: a\n\n: ping\n')).unterminated).toBe(false);
  });

  it('follows the WHATWG field rules (BOM, event names, multi-line data, space, unknown fields)', () => {
    const text = '\uFEFFevent: message_start\ndata: {"x":\ndata:1}\n\ndata :ignored\nid: 7\nretry: x\ndata:nospace\n\n\rdata: cr\r\r';
    expect(ours(text)).toEqual(reference(text));
    expect(ours(text)[0]).toEqual({ event: 'message_start', data: '{"x":\n1}' });
  });

  it('agrees with eventsource-parser on random inputs', () => {
    const piece = fc.constantFrom('data: x', 'data:y', 'data', 'event: e', 'id: 1', 'id: a\u0000b', ': c', 'retry: 5', 'data: {"k":[1]}', 'foo: bar', 'data:  two', ' data: lead', '');
    const eol = fc.constantFrom('\n', '\r', '\r\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, eol), { maxLength: 30 }), fc.boolean(), (lines, bom) => {
        const text = (bom ? '\uFEFF' : '') + lines.map(([l, e]) => l + e).join('');
        expect(ours(text)).toEqual(reference(text));
      }),
      { numRuns: 400 },
    );
  });

  it('frames ASCII text exactly as it frames the bytes (events, offsets, unterminated)', () => {
    // The ASCII path reads data:/event: lines in place and reuses a repeated event type.
    const piece = fc.constantFrom('data: x', 'data:y', 'data', 'data:', 'datax: z', 'event: e', 'event:e', 'event: ee', 'event', 'eventx: f', 'id: 1', 'id: a\u0000b', ': c', 'retry: 5', 'data: {"k":[1]}', 'data:  {"k":2}', 'foo: bar', ' data: lead', '');
    const eol = fc.constantFrom('\n', '\r', '\r\n', '\n\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, eol), { maxLength: 30 }), fc.boolean(), (lines, cut) => {
        let text = lines.map(([l, e]) => l + e).join('');
        if (cut) text = text.replace(/[\r\n]+$/, '');
        expect(frameSse(utf8Encode(text), text)).toEqual(frameSse(utf8Encode(text)));
      }),
      { numRuns: 400 },
    );
  });
});
