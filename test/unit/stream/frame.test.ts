import { describe, expect, it } from 'vitest';
import { frameBody } from '../../../shared/stream/frame';
import { utf8Encode } from '../../../shared/util/bytes';
import { body, concat, ct, esFrame } from './helpers';

describe('frameBody', () => {
  it('chooses SSE by content type and by sniffing', () => {
    expect(frameBody(body('data: 1\n\n'), ct('text/event-stream')).framing).toBe('sse');
    expect(frameBody(body('event: x\ndata: 1\n\n'), []).framing).toBe('sse');
  });

  it('frames NDJSON lines (Ollama) with CRLF and reports non-JSON lines', () => {
    const f = frameBody(body('{"a":1}\r\n{"b":2}\n\nnot json\n'), ct('application/x-ndjson'));
    expect(f.framing).toBe('ndjson');
    expect(f.events.map((e) => e.json)).toEqual([{ a: 1 }, { b: 2 }, undefined]);
    expect(f.events[1].offset).toBe(9);
    expect(f.diagnostics[0].code).toBe('stream.ndjson-line');
    expect(frameBody(body('{"a":1}\n{"b":2}\n'), []).framing).toBe('ndjson');
  });

  it('frames a Gemini JSON array stream, and keeps complete elements of a truncated one', () => {
    const text = '[{"candidates":[{"content":{"parts":[{"text":"a]"}]}}]}\r\n,\r\n{"x":"}"}]';
    const f = frameBody(body(text), ct('application/json; charset=UTF-8'));
    expect(f.framing).toBe('json-array');
    expect(f.events).toHaveLength(2);
    expect(f.events[1].json).toEqual({ x: '}' });
    expect(text.slice(f.events[1].offset, f.events[1].offset + f.events[1].length)).toBe('{"x":"}"}');
    const cut = frameBody(body('[{"a":1},{"b":'), ct('application/json'));
    expect(cut.events).toHaveLength(1);
    expect(cut.diagnostics[0].code).toBe('stream.truncated');
  });

  it('decodes AWS event-stream frames and checks both CRCs', () => {
    const a = esFrame({ ':event-type': 'messageStart', ':message-type': 'event', ':content-type': 'application/json' }, '{"role":"assistant"}');
    const b = esFrame({ ':event-type': 'contentBlockDelta', ':message-type': 'event' }, '{"contentBlockIndex":0,"delta":{"text":"Hi"}}');
    const f = frameBody(body(concat(a, b)), ct('application/vnd.amazon.eventstream'));
    expect(f.framing).toBe('eventstream');
    expect(f.events.map((e) => e.event)).toEqual(['messageStart', 'contentBlockDelta']);
    expect(f.events[1]).toMatchObject({ offset: a.length, length: b.length, headers: { ':message-type': 'event' } });
    expect(f.diagnostics).toEqual([]);

    const bad = concat(a, b);
    bad[bad.length - 6] ^= 0xff; // corrupt the payload of frame 2
    const g = frameBody(body(bad), ct('application/vnd.amazon.eventstream'));
    expect(g.events).toHaveLength(1);
    expect(g.diagnostics[0]).toMatchObject({ severity: 'error', code: 'stream.eventstream-frame' });
    expect(g.diagnostics[0].message).toMatch(/message CRC/);

    const cut = frameBody(body(concat(a, b.subarray(0, 20))), ct('application/vnd.amazon.eventstream'));
    expect(cut.events).toHaveLength(1);
    expect(cut.diagnostics[0].code).toBe('stream.truncated');
  });

  it('treats a single JSON object as a non-stream and empty bodies as none', () => {
    const f = frameBody(body('{"id":"x"}'), ct('application/json'));
    expect(f.framing).toBe('json');
    expect(f.events[0].json).toEqual({ id: 'x' });
    expect(frameBody(body(utf8Encode('')), []).framing).toBe('none');
  });

  it('frames a recorded string exactly as it frames the same bytes', () => {
    // The text path (the recorder's string) and the byte path must agree on framing, events
    // and byte offsets: ASCII, non-ASCII, a BOM, CRLF, NDJSON, JSON, junk.
    const texts = [
      'data: {"a":1}\n\ndata: [DONE]\n\n',
      'data: {"t":"héllo ☃"}\n\ndata: {"t":"😀"}\n\n',
      '\uFEFFdata: x\n\n',
      'event: e\r\ndata: 1\r\n\r\n',
      '{"a":1}\n{"b":2}\n',
      '  {"id":"x","n":[1,2]}\n',
      '[{"a":1},{"b":2}]',
      'not json at all',
      ': comment only\n',
    ];
    for (const text of texts) {
      for (const type of [[], ct('text/event-stream'), ct('application/x-ndjson'), ct('application/json')]) {
        const asText = frameBody(body(text), type);
        const asBytes = frameBody(body(utf8Encode(text)), type);
        expect(asText, JSON.stringify(text)).toEqual(asBytes);
      }
    }
  });
});
