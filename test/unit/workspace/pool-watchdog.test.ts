import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { goVcr, removeDir, tempDir, writeFile } from './helpers';
import type { Workspace } from '../../../main/workspace/workspace';

// The watchdog reads its limit when the pool module loads: set it before importing.
process.env.TAPEDECK_TASK_TIMEOUT_MS = '1500';
// Batches up to 64 MB: the hanging file shares a message with good ones, which must then be
// retried one by one (a batch cannot tell which of its files hung) and still get indexed.
process.env.TAPEDECK_BATCH_BYTES = String(64 * 1024 * 1024);

describe('index pool watchdog', () => {
  let dir: string;
  let ws: Workspace;
  beforeAll(() => {
    dir = tempDir();
    writeFile(dir, 'small.yaml', goVcr([{}]));
    writeFile(dir, 'small2.yaml', goVcr([{}, {}]));
    // An ordinary file, but stalling-worker.ts never finishes a file named stall*: the test
    // does not depend on how fast anything parses.
    writeFile(dir, 'stall.yaml', goVcr([{}]));
  });
  afterAll(async () => {
    await ws?.close();
    removeDir(dir);
  });

  it('a file that takes too long gets an error row; the rest of the folder is indexed', async () => {
    const { createWorkspace } = await import('../../../main/workspace/workspace');
    const workerScript = fileURLToPath(new URL('./stalling-worker.ts', import.meta.url));
    ws = createWorkspace({ configDir: tempDir('tapedeck-cfg-'), emit: () => {}, workerCount: 1, workerScript });
    await ws.openPath(dir);
    await ws.whenIndexed();
    expect(await ws.indexMode()).toBe('worker');
    const rows = await ws.listCassettes();
    const stalled = rows.find((r) => r.relPath === 'stall.yaml')!;
    const small = rows.find((r) => r.relPath === 'small.yaml')!;
    expect(stalled.firstError?.message).toMatch(/Gave up after 1\.5 s/);
    expect(small.firstError).toBeNull();
    expect(small.interactions).toBe(1);
    const small2 = rows.find((r) => r.relPath === 'small2.yaml')!;
    expect(small2.firstError).toBeNull();
    expect(small2.interactions).toBe(2);
  }, 120_000);
});
