import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { safeGunzip } from '../../../shared/codec/decompress';
import { parseCassette } from '../../../shared/cassette/parse';

describe('safeGunzip', () => {
  const data = Buffer.from('interactions: []\n'.repeat(1000));
  const gz = new Uint8Array(gzipSync(data));

  it('decodes intact gzip', () => {
    expect(Buffer.from(safeGunzip(gz)).equals(data)).toBe(true);
  });

  it('refuses every truncation without allocating the bogus trailer size', () => {
    for (let cut = 0; cut < gz.length; cut++) expect(() => safeGunzip(gz.slice(0, cut))).toThrow();
  });

  // Found by the parser's property test: an 18-byte fragment of a .yaml.gz made fflate
  // allocate ~2 GB from the random bytes where the trailer should be.
  it('a truncated .yaml.gz cassette is a clear file.gzip error, not an internal crash', () => {
    const file = new Uint8Array(readFileSync(new URL('../../fixtures/formats/langchain.yaml.gz', import.meta.url)));
    for (const cut of [10, 18, 40, file.length - 1]) {
      const c = parseCassette({ path: 'x.yaml.gz', bytes: file.slice(0, cut) });
      expect(c.diagnostics.map((d) => d.code)).toContain('file.gzip');
      expect(c.diagnostics.some((d) => d.code === 'parse.internal')).toBe(false);
    }
  });
});
