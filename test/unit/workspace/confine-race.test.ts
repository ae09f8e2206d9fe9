/**
 * The check-then-open race: a path is checked inside the root, then swapped for a symlink to
 * somewhere outside before it is opened or renamed over. The test seams run the swap exactly
 * in that window, on real folders and real symlinks. Every case runs twice: with the Linux
 * /proc/self/fd check and without it (the code path macOS takes).
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWriteFile, type AtomicWriteHooks } from '../../../main/fs/atomic-write';
import { openInRoot, type ConfinedOpenHooks } from '../../../main/workspace/confined-open';
import { removeDir, tempDir, writeFile } from './helpers';

const SECRET = 'token: hunter2\n';
const posix = process.platform !== 'win32';

let root: string;
let outside: string;
beforeEach(() => {
  root = realpathSync(tempDir('tapedeck-race-root-'));
  outside = realpathSync(tempDir('tapedeck-race-out-'));
  writeFile(root, 'a.yaml', 'inside: 1\n');
  writeFile(root, 'sub/a.yaml', 'inside: 2\n');
  writeFile(root, 'd1/d2/a.yaml', 'inside: 3\n');
  // The outside folder mirrors the names, so a swapped folder leads to a file of the same name.
  writeFile(outside, 'secret.yaml', SECRET);
  writeFile(outside, 'a.yaml', SECRET);
  writeFile(outside, 'd2/a.yaml', SECRET);
});
afterEach(() => {
  removeDir(root);
  removeDir(outside);
});

/** Puts a symlink to `target` where `abs` was; the original is kept at `abs-old`. */
function swapForLink(abs: string, target: string): void {
  renameSync(abs, `${abs}-old`);
  symlinkSync(target, abs);
}
function swapBack(abs: string): void {
  unlinkSync(abs);
  renameSync(`${abs}-old`, abs);
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((p) => p.split('\\').join('/')).sort();
}
const temps = (dir: string) => allFiles(dir).filter((p) => p.includes('tapedeck-tmp'));

function outsideUntouched(): void {
  expect(allFiles(outside)).toEqual(['a.yaml', 'd2', 'd2/a.yaml', 'secret.yaml']);
  for (const f of ['a.yaml', 'd2/a.yaml', 'secret.yaml']) expect(readFileSync(join(outside, f), 'utf8')).toBe(SECRET);
}

const REFUSED = { code: 'path.outside-workspace' };

describe.skipIf(!posix).each([true, false])('confined open for reading (procFd %s)', (procFd) => {
  const read = async (rel: string, hooks: ConfinedOpenHooks = {}) => {
    const f = await openInRoot(root, rel, { hooks: { procFd, ...hooks } });
    try {
      return (await f!.handle.readFile()).toString('utf8');
    } finally {
      await f!.handle.close();
    }
  };

  it('reads the checked file when nothing is swapped (the seams do run)', async () => {
    const seen: string[] = [];
    expect(await read('sub/a.yaml', { afterCheck: (r) => void seen.push(r), afterOpen: () => void seen.push('open') })).toBe('inside: 2\n');
    expect(seen).toEqual([join(root, 'sub', 'a.yaml'), 'open']);
  });

  it('refuses a file swapped for a symlink to an outside file after the check', async () => {
    const p = read('a.yaml', { afterCheck: () => swapForLink(join(root, 'a.yaml'), join(outside, 'secret.yaml')) });
    await expect(p).rejects.toMatchObject(REFUSED);
    await expect(p).rejects.toThrow(/a\.yaml/);
    outsideUntouched();
  });

  it('refuses a folder swapped for a symlink to an outside folder after the check', async () => {
    await expect(read('sub/a.yaml', { afterCheck: () => swapForLink(join(root, 'sub'), outside) })).rejects.toMatchObject(REFUSED);
    outsideUntouched();
  });

  it('refuses a grandparent folder swapped after the check', async () => {
    await expect(read('d1/d2/a.yaml', { afterCheck: () => swapForLink(join(root, 'd1'), outside) })).rejects.toMatchObject(REFUSED);
  });

  it('refuses a folder swapped for the open and swapped back before the descriptor is checked', async () => {
    const dir = join(root, 'sub');
    const p = read('sub/a.yaml', { afterCheck: () => swapForLink(dir, outside), afterOpen: () => swapBack(dir) });
    await expect(p).rejects.toMatchObject(REFUSED);
    await expect(p).rejects.toThrow(/sub\/a\.yaml/);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('inside: 2\n');
  });

  it('a FIFO swapped in neither blocks nor is read', async () => {
    const f = join(root, 'a.yaml');
    const swapToFifo = () => {
      unlinkSync(f);
      execFileSync('mkfifo', [f]);
    };
    await expect(read('a.yaml', { afterCheck: swapToFifo })).rejects.toMatchObject({ code: 'file.not-a-file' });
  });

  it('a file deleted after the check is not found (null when it may be new)', async () => {
    const del = { afterCheck: () => unlinkSync(join(root, 'a.yaml')), procFd };
    await expect(openInRoot(root, 'a.yaml', { hooks: del })).rejects.toMatchObject({ code: 'file.not-found' });
    writeFile(root, 'a.yaml', 'x');
    expect(await openInRoot(root, 'a.yaml', { mayBeNew: true, hooks: del })).toBeNull();
  });
});

describe.skipIf(!posix).each([true, false])('confined atomic write (procFd %s)', (procFd) => {
  const write = (rel: string, hooks: AtomicWriteHooks = {}) =>
    atomicWriteFile(join(root, ...rel.split('/')), 'written: 1\n', { procFd, ...hooks, confine: { rootReal: root, relPath: rel } });
  // Names inside the pinned folder go through the descriptor only on Linux with /proc.
  const byDescriptor = procFd && process.platform === 'linux';

  it('writes, keeps the mode, and reports the size and mtime the file has', async () => {
    const f = join(root, 'sub', 'a.yaml');
    execFileSync('chmod', ['600', f]);
    const st = await write('sub/a.yaml');
    expect(readFileSync(f, 'utf8')).toBe('written: 1\n');
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(st).toEqual({ size: statSync(f).size, mtimeMs: statSync(f).mtimeMs });
    await write('sub/new.yaml');
    expect(readFileSync(join(root, 'sub', 'new.yaml'), 'utf8')).toBe('written: 1\n');
    expect(temps(root)).toEqual([]);
  });

  it('refuses when the target becomes a symlink to an outside file before the rename', async () => {
    const f = join(root, 'a.yaml');
    const p = write('a.yaml', { beforeRename: () => swapForLink(f, join(outside, 'secret.yaml')) });
    await expect(p).rejects.toMatchObject(REFUSED);
    await expect(p).rejects.toThrow(/a\.yaml/);
    expect(lstatSync(f).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'a.yaml-old'), 'utf8')).toBe('inside: 1\n');
    outsideUntouched();
    expect(temps(root)).toEqual([]);
  });

  // Refused when the folder is pinned, before any temp file exists (even briefly, outside).
  const noTempYet = { beforeRename: () => expect.unreachable('a temp file was written') };

  it('refuses a folder swapped for a symlink to an outside folder after the check', async () => {
    const swap = () => swapForLink(join(root, 'sub'), outside);
    await expect(write('sub/a.yaml', { ...noTempYet, afterCheck: swap })).rejects.toMatchObject(REFUSED);
    outsideUntouched();
    expect(temps(root)).toEqual([]);
  });

  it('refuses a grandparent folder swapped after the check', async () => {
    const swap = () => swapForLink(join(root, 'd1'), outside);
    await expect(write('d1/d2/a.yaml', { ...noTempYet, afterCheck: swap })).rejects.toMatchObject(REFUSED);
    outsideUntouched();
    expect(temps(root)).toEqual([]);
  });

  it('refuses a folder swapped for a symlink to an outside folder right before the rename', async () => {
    const dir = join(root, 'sub');
    await expect(write('sub/a.yaml', { beforeRename: () => swapForLink(dir, outside) })).rejects.toMatchObject(REFUSED);
    outsideUntouched();
    expect(readFileSync(join(root, 'sub-old', 'a.yaml'), 'utf8')).toBe('inside: 2\n');
    // Through the descriptor the temp file is removed from the folder it was made in, wherever
    // that folder went; by name (macOS) the name now leads elsewhere and the dot-file stays.
    expect(temps(root)).toHaveLength(byDescriptor ? 0 : 1);
  });

  it('refuses a folder moved out of the root right before the rename', async () => {
    const dir = join(root, 'sub');
    await expect(write('sub/a.yaml', { beforeRename: () => renameSync(dir, join(outside, 'moved')) })).rejects.toMatchObject(REFUSED);
    expect(readFileSync(join(outside, 'moved', 'a.yaml'), 'utf8')).toBe('inside: 2\n');
    expect(temps(outside)).toHaveLength(byDescriptor ? 0 : 1);
  });

  it('a missing folder is not found; a new file in an empty folder leaves only itself', async () => {
    await expect(write('nope/a.yaml')).rejects.toMatchObject({ code: 'file.not-found' });
    mkdirSync(join(root, 'empty'));
    await write('empty/a.yaml');
    expect(allFiles(join(root, 'empty'))).toEqual(['a.yaml']);
  });
});
