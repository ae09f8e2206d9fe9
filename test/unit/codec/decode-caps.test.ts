import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_DECODED_BYTES, decodeContentEncoding, setMaxDecodedBytes } from '../../../shared/codec/decompress';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';
import { bomb, BOMB_CODINGS, bombCassette, contentCoding } from '../fuzz/bombs';
import type { BombCoding } from '../fuzz/bombs';

registerNodeCodecs();
const CAP = 1024 * 1024;
const bombs = Object.fromEntries(await Promise.all(BOMB_CODINGS.map(async (c) => [c, await bomb(c, 8)]))) as Record<BombCoding, Buffer>;

afterEach(() => setMaxDecodedBytes(DEFAULT_MAX_DECODED_BYTES));

describe('decompression bombs stop at the per-body cap', () => {
  it('every codec refuses output past the cap, and decodes what fits', () => {
    setMaxDecodedBytes(CAP);
    for (const name of BOMB_CODINGS) {
      const r = decodeContentEncoding(new Uint8Array(bombs[name]), [contentCoding(name)]);
      expect(r.error, name).toMatch(/exceeds the 1 MB limit/);
      expect(r.undone, name).toEqual([]);
    }
    setMaxDecodedBytes(16 * CAP);
    for (const name of BOMB_CODINGS) {
      const r = decodeContentEncoding(new Uint8Array(bombs[name]), [contentCoding(name)]);
      expect(r.error, name).toBeUndefined();
      expect(r.bytes.length, name).toBe(8 * CAP);
    }
  });

  it('a bomb in one interaction is a diagnostic naming it; the rest of the file still opens', () => {
    setMaxDecodedBytes(CAP);
    const text = bombCassette(
      bombs.br,
      'br',
      `- request: {body: '', headers: {}, method: GET, uri: 'https://example.com/b'}
  response:
    body: {string: '{"ok": true}'}
    headers: {Content-Type: [application/json]}
    status: {code: 200, message: OK}
`,
    );
    const c = parseCassette({ path: 'bomb.yaml', bytes: new TextEncoder().encode(text) });
    const d = c.diagnostics.find((x) => x.code === 'body.decode-failed');
    expect(d?.interaction).toBe(0);
    expect(d?.line).toBe(5);
    expect(d?.message).toMatch(/br: decoded body exceeds the 1 MB limit/);
    expect(c.interactions).toHaveLength(2);
    expect(c.interactions[1].response.body.text).toBe('{"ok": true}');
    expect(analyzeCassette(c).interactions).toHaveLength(2);
  });
});
