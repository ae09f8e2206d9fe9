import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goVcr, removeDir, tempDir, writeFile } from './helpers';
import type { Workspace } from '../../../main/workspace/workspace';

// The watchdog reads its limit when the pool module loads: set it before importing.
process.env.TAPEDECK_TASK_TIMEOUT_MS = '1500';

describe('index pool watchdog', () => {
  let dir: string;
  let ws: Workspace;
  beforeAll(() => {
    dir = tempDir();
    writeFile(dir, 'small.yaml', goVcr([{}]));
    // Thousands of interactions: seconds of parsing, well past the 1.5 s limit set above.
    writeFile(dir, 'huge.yaml', goVcr(Array.from({ length: 40_000 }, () => ({}))));
  });
  afterAll(async () => {
    await ws?.close();
    removeDir(dir);
  });

  it('a file that takes too long gets an error row; the rest of the folder is indexed', async () => {
    const { createWorkspace } = await import('../../../main/workspace/workspace');
    ws = createWorkspace({ configDir: tempDir('tapedeck-cfg-'), emit: () => {}, workerCount: 1 });
    await ws.openPath(dir);
    await ws.whenIndexed();
    expect(await ws.indexMode()).toBe('worker');
    const rows = await ws.listCassettes();
    const huge = rows.find((r) => r.relPath === 'huge.yaml')!;
    const small = rows.find((r) => r.relPath === 'small.yaml')!;
    expect(huge.firstError?.message).toMatch(/Gave up after 1\.5 s/);
    expect(small.firstError).toBeNull();
    expect(small.interactions).toBe(1);
  }, 120_000);
});
