import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeContentEncoding, hasDecompressor, parseContentEncoding } from '../../../shared/codec/decompress';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';

const text = 'data: {"type":"message_start"}\n\n'.repeat(20);
const plain = new Uint8Array(Buffer.from(text));
const dec = (b: Uint8Array) => Buffer.from(b).toString('utf8');

describe('decodeContentEncoding', () => {
  it('undoes gzip and x-gzip', () => {
    const gz = new Uint8Array(zlib.gzipSync(plain));
    for (const name of ['gzip', 'x-gzip']) {
      const r = decodeContentEncoding(gz, [name]);
      expect(r.error).toBeUndefined();
      expect(dec(r.bytes)).toBe(text);
      expect(r.undone).toEqual([name]);
    }
  });

  it('undoes deflate both zlib-wrapped and raw', () => {
    expect(dec(decodeContentEncoding(new Uint8Array(zlib.deflateSync(plain)), ['deflate']).bytes)).toBe(text);
    expect(dec(decodeContentEncoding(new Uint8Array(zlib.deflateRawSync(plain)), ['deflate']).bytes)).toBe(text);
  });

  it('undoes stacked codings in reverse header order', () => {
    // "Content-Encoding: deflate, gzip": deflate applied first, gzip last, so gunzip first.
    const both = new Uint8Array(zlib.gzipSync(zlib.deflateSync(plain)));
    const r = decodeContentEncoding(both, parseContentEncoding(['deflate, gzip']));
    expect(r.undone).toEqual(['deflate', 'gzip']);
    expect(dec(r.bytes)).toBe(text);
  });

  it('uses registered decoders for br (and zstd when Node has it)', () => {
    const br = new Uint8Array(zlib.brotliCompressSync(plain));
    const before = decodeContentEncoding(br, ['br']);
    if (!hasDecompressor('br')) expect(before.error).toMatch(/no decoder/);
    registerNodeCodecs();
    expect(dec(decodeContentEncoding(br, ['br']).bytes)).toBe(text);
    const z = zlib as unknown as { zstdCompressSync?: (b: Uint8Array) => Buffer };
    if (z.zstdCompressSync) expect(dec(decodeContentEncoding(new Uint8Array(z.zstdCompressSync(plain)), ['zstd']).bytes)).toBe(text);
  });

  it('reports failure and keeps the input bytes', () => {
    const r = decodeContentEncoding(plain, ['gzip']);
    expect(r.error).toMatch(/gzip/);
    expect(r.bytes).toBe(plain);
    expect(decodeContentEncoding(plain, ['compress']).error).toMatch(/no decoder/);
  });

  it('parses header values', () => {
    expect(parseContentEncoding(['gzip', ' Identity , BR'])).toEqual(['gzip', 'br']);
    expect(parseContentEncoding([])).toEqual([]);
  });
});
