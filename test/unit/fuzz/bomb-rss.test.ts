import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry, runChild } from './child';

/** 1 GB of spaces, brotli'd in 1 MB writes (the whole buffer would cost the test runner 1 GB). */
async function brotliBomb(mb: number): Promise<Buffer> {
  const enc = zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
  const parts: Buffer[] = [];
  enc.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise((r) => enc.on('end', r));
  const chunk = Buffer.alloc(1024 * 1024, 32);
  for (let i = 0; i < mb; i++) enc.write(chunk);
  enc.end();
  await done;
  return Buffer.concat(parts);
}

let entry: Awaited<ReturnType<typeof bundleEntry>>;
let dir: string;
beforeAll(async () => {
  entry = await bundleEntry();
  dir = mkdtempSync(join(tmpdir(), 'tapedeck-bomb-'));
});
afterAll(() => {
  entry?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

// The case: a few KB of cassette whose brotli body is 1 GB of spaces. Before the cap,
// inspect alone went past 1 GB; at the default 256 MB cap the whole open stays well under it.
describe('a decompression bomb at the default cap', () => {
  it('inspect, lint and indexing stay under 600 MB of RSS and report the body', async () => {
    const b64 = (await brotliBomb(1024)).toString('base64').replace(/.{76}/g, '$&\n        ');
    const file = join(dir, 'bomb.yaml');
    writeFileSync(
      file,
      `interactions:
- request: {body: '', headers: {}, method: GET, uri: 'https://example.com/'}
  response:
    body:
      string: !!binary |
        ${b64}
    headers: {Content-Encoding: [br], Content-Type: [application/json]}
    status: {code: 200, message: OK}
version: 1
`,
    );
    const r = await runChild(entry.script, [file], { timeoutMs: 50_000, heapMb: 1024 });
    expect(r.stderr).toBe('');
    expect(r.timedOut).toBe(false);
    expect(r.crashes).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.maxRssMb).toBeGreaterThan(0);
    expect(r.maxRssMb).toBeLessThan(600);
  });
});
