/**
 * Closing the index pool while batches are in flight (a folder closed mid-scan, the app
 * quitting) must settle every job it was given, or the scan and whenIndexed() never finish.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnginePool } from '../../../main/workspace/pool';
import { goVcr, removeDir, tempDir, writeFile } from './helpers';

describe('index pool close', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    for (let i = 0; i < 40; i++) writeFile(dir, `f${i}.yaml`, goVcr([{ content: `answer ${i}` }]));
  });
  afterAll(() => removeDir(dir));

  it('rejects or resolves every job when closed with batches running and queued', async () => {
    const pool = await createEnginePool(1);
    expect(pool.mode).toBe('worker');
    const jobs = Array.from({ length: 40 }, (_, i) =>
      pool.run({ kind: 'file', absPath: join(dir, `f${i}.yaml`), ref: { rootId: 'r', relPath: `f${i}.yaml` }, knownHash: null }, 2000),
    );
    const all = Promise.allSettled(jobs);
    await new Promise((r) => setTimeout(r, 5));
    await pool.close();
    const settled = await all;
    expect(settled).toHaveLength(40);
    for (const s of settled) if (s.status === 'rejected') expect(String(s.reason)).toMatch(/closed|exited/);
  }, 180_000);
});
