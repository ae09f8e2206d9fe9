/**
 * The indexer opens files the scan found; what it opens must still be inside the folder.
 * A symlink swapped in after the scan (pointing outside) or a FIFO must give no row and
 * must not hang the worker.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEngineTask } from '../../../main/workspace/engine';
import { goVcr, removeDir, tempDir, writeFile } from './helpers';

describe('index engine: confinement on the open descriptor', () => {
  let base: string;
  let root: string;
  beforeAll(() => {
    base = tempDir();
    root = join(base, 'root');
    writeFile(root, 'inside.yaml', goVcr([{ content: 'inside' }]));
    writeFile(base, 'outside/secret.yaml', goVcr([{ content: 'secret', model: 'gpt-secret' }]));
    root = realpathSync(root);
  });
  afterAll(() => removeDir(base));

  const task = (rel: string) => ({ kind: 'file' as const, absPath: join(root, rel), ref: { rootId: 'r', relPath: rel }, knownHash: null, rootReal: root });

  it('indexes a regular file, and a symlink that stays inside the folder', () => {
    symlinkSync(join(root, 'inside.yaml'), join(root, 'alias.yaml'));
    for (const rel of ['inside.yaml', 'alias.yaml']) {
      const r = runEngineTask(task(rel));
      expect(r.kind).toBe('indexed');
      if (r.kind === 'indexed') expect(r.summary.interactions).toBe(1);
    }
  });

  it('refuses a file swapped for a symlink to a file outside the folder', () => {
    writeFile(root, 'swapped.yaml', goVcr([{}]));
    unlinkSync(join(root, 'swapped.yaml'));
    symlinkSync(join(base, 'outside/secret.yaml'), join(root, 'swapped.yaml'));
    expect(runEngineTask(task('swapped.yaml'))).toEqual({ kind: 'missing' });
    // Without rootReal (no folder to keep to, e.g. the CLI), the same file is read.
    const { rootReal: _, ...unconfined } = task('swapped.yaml');
    expect(runEngineTask(unconfined).kind).toBe('indexed');
  });

  it('refuses a folder above the file swapped for a symlink to the outside', () => {
    symlinkSync(join(base, 'outside'), join(root, 'sub'));
    expect(runEngineTask(task('sub/secret.yaml'))).toEqual({ kind: 'missing' });
  });

  it.runIf(process.platform !== 'win32')('gives a FIFO named like a cassette no row, without blocking', () => {
    execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    expect(runEngineTask(task('pipe.yaml'))).toEqual({ kind: 'missing' });
  });
});
