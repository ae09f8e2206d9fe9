import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, isValidUtf8, utf8Decode, utf8Encode } from '../../../shared/util/bytes';

describe('bytes', () => {
  it('round-trips base64 against Node Buffer, with line wrapping', () => {
    for (const len of [0, 1, 2, 3, 4, 5, 100, 1001]) {
      const b = new Uint8Array(len).map((_, i) => (i * 37 + 11) & 0xff);
      const enc = base64Encode(b);
      expect(enc).toBe(Buffer.from(b).toString('base64'));
      const wrapped = enc.replace(/(.{60})/g, '$1\n  ');
      expect(Array.from(base64Decode(wrapped)!)).toEqual(Array.from(b));
    }
    expect(base64Decode('ab$c')).toBeNull();
  });
  it('validates UTF-8 like Node does', () => {
    const good = utf8Encode('héllo → 🎞');
    expect(isValidUtf8(good)).toBe(true);
    expect(utf8Decode(good, true)).toBe('héllo → 🎞');
    for (const bad of [[0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xff], [0x1f, 0x8b, 0x08, 0x00]]) {
      const b = Uint8Array.from(bad);
      const nodeSaysValid = Buffer.from(b).toString('utf8') === new TextDecoder('utf-8', { fatal: false }).decode(b) && !new TextDecoder().decode(b).includes('\uFFFD');
      expect(isValidUtf8(b)).toBe(nodeSaysValid);
    }
  });
  it('decodes like fflate did (replacement characters, a leading BOM dropped) on random bytes', () => {
    for (let n = 0; n < 300; n++) {
      const b = Uint8Array.from({ length: (n * 7) % 40 }, (_, i) => (n * 131 + i * 29) & 0xff);
      if (n % 5 === 0) b.set([0xef, 0xbb, 0xbf].slice(0, b.length));
      expect(utf8Decode(b)).toBe(strFromU8(b));
    }
  });
});
