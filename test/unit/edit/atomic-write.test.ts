import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWriteFile, tempNameFor } from '../../../main/fs/atomic-write';
import { looksLikeCassettePath } from '../../../shared/cassette/detect';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tapedeck-aw-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('atomicWriteFile', () => {
  it('replaces content and keeps the file mode', async () => {
    const f = path.join(dir, 'a.yaml');
    await fs.writeFile(f, 'old');
    await fs.chmod(f, 0o600);
    await atomicWriteFile(f, 'new');
    expect(await fs.readFile(f, 'utf8')).toBe('new');
    expect((await fs.stat(f)).mode & 0o777).toBe(0o600);
    await atomicWriteFile(path.join(dir, 'fresh.har'), new Uint8Array([123, 125]));
    expect(await fs.readFile(path.join(dir, 'fresh.har'), 'utf8')).toBe('{}');
  });

  it('a crash before the rename leaves the original intact and no temp file', async () => {
    const f = path.join(dir, 'a.yaml');
    await fs.writeFile(f, 'original');
    let seen = '';
    await expect(
      atomicWriteFile(f, 'half-written', {
        beforeRename: async (tmp) => {
          seen = tmp;
          expect(await fs.readFile(tmp, 'utf8')).toBe('half-written');
          throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(await fs.readFile(f, 'utf8')).toBe('original');
    expect(path.basename(seen)).toMatch(/^\.a\.yaml\.tapedeck-tmp-[0-9a-f]+$/);
    expect(await fs.readdir(dir)).toEqual(['a.yaml']);
  });

  it('names temp files so a leftover is never taken for a cassette', () => {
    for (const n of ['x.yaml', 'r.har', 'c.yaml.gz', 'h.json']) expect(looksLikeCassettePath(tempNameFor(path.join(dir, n)))).toBe(false);
  });
});
