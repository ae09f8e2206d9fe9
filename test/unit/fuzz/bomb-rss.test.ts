import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bomb, bombCassette } from './bombs';
import { bundleEntry, runChild } from './child';

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
    const file = join(dir, 'bomb.yaml');
    writeFileSync(file, bombCassette(await bomb('br', 1024), 'br'));
    const r = await runChild(entry.script, [file], { timeoutMs: 50_000, heapMb: 1024 });
    expect(r.stderr).toBe('');
    expect(r.timedOut).toBe(false);
    expect(r.crashes).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.maxRssMb).toBeGreaterThan(0);
    expect(r.maxRssMb).toBeLessThan(600);
  });
});
