import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeText, makeBody } from '../../../shared/cassette/body';

const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');

describe('makeBody', () => {
  it('decodes lazily and only once', () => {
    const gz = zlib.gzipSync('{"ok":true}');
    const body = makeBody({ storage: 'binary-tag', base64: b64(gz), contentEncoding: ['gzip'], contentType: 'application/json' });
    expect(Object.getOwnPropertyDescriptor(body, 'bytes')?.get).toBeTypeOf('function');
    expect(body.text).toBe('{"ok":true}');
    // Read once, then a plain data property.
    expect(Object.getOwnPropertyDescriptor(body, 'text')?.get).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(body, 'text')?.value).toBe('{"ok":true}');
    expect(body.bytes).toBe(body.bytes);
    expect(body.raw.length).toBe(gz.length);
    expect(body.contentEncoding).toEqual(['gzip']);
  });

  it('survives structuredClone and JSON as plain data', () => {
    const body = makeBody({ storage: 'text', text: 'héllo', contentEncoding: [], contentType: 'text/plain' });
    const clone = structuredClone(body);
    expect(clone.text).toBe('héllo');
    expect(Array.from(clone.bytes)).toEqual(Array.from(Buffer.from('héllo')));
    expect(JSON.parse(JSON.stringify(body)).storage).toBe('text');
  });

  it('keeps already-decompressed bytes without an error (vcrpy rule)', () => {
    const body = makeBody({ storage: 'text', text: '{"a":1}', contentEncoding: ['gzip'], contentType: 'application/json' });
    expect(body.text).toBe('{"a":1}');
    expect(body.contentEncoding).toEqual([]);
    expect(body.decodeError).toBeUndefined();
  });

  it('sets decodeError only when the bytes are not usable as they are', () => {
    const junk = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x81]);
    const body = makeBody({ storage: 'binary-tag', base64: b64(junk), contentEncoding: ['gzip'], contentType: 'application/json' });
    expect(body.decodeError).toMatch(/gzip/);
    expect(body.bytes).toEqual(junk);
    expect(body.text).toBeNull();
  });

  it('flags invalid base64', () => {
    const body = makeBody({ storage: 'base64', base64: 'not*base64', contentEncoding: [], contentType: null });
    expect(body.decodeError).toBe('invalid base64');
  });

  it('concatenates Polly base64 chunk arrays before gunzip', () => {
    const gz = zlib.gzipSync('chunked body');
    const chunks = [b64(gz.subarray(0, 5)), b64(gz.subarray(5))];
    const body = makeBody({ storage: 'base64', base64: chunks, contentEncoding: ['gzip'], contentType: 'text/plain' });
    expect(body.text).toBe('chunked body');
  });

  it('returns JSON text for parsed bodies', () => {
    const body = makeBody({ storage: 'parsed', parsed: () => ({ model: 'x', n: 1 }), contentEncoding: [], contentType: 'application/json' });
    expect(body.parsed).toEqual({ model: 'x', n: 1 });
    expect(JSON.parse(body.text!)).toEqual({ model: 'x', n: 1 });
  });
});

describe('decodeText', () => {
  it('respects latin1 charsets', () => {
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'text/plain; charset=ISO-8859-1')).toBe('café');
  });
  it('returns null for binary media and invalid UTF-8', () => {
    expect(decodeText(new Uint8Array(Buffer.from('abc')), 'image/png')).toBeNull();
    expect(decodeText(new Uint8Array([0xc3]), 'application/json')).toBeNull();
    expect(decodeText(new Uint8Array(Buffer.from('<svg/>')), 'image/svg+xml')).toBe('<svg/>');
  });
  it('drops a UTF-8 BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), 'application/json')).toBe('{}');
  });
});
