/**
 * Crash-safe file replacement: write a temp file next to the target, fsync it, rename it over
 * the target (atomic on POSIX within one filesystem), then fsync the directory. The target's
 * mode is kept. The temp name starts with a dot and does not end in a cassette extension, so a
 * leftover from a crash is never picked up as a cassette by folder scans.
 *
 * The directory is held open by descriptor from start to end (see pinned-dir.ts). With
 * `confine`, the write is refused when the folder leaves the opened root or is swapped for a
 * symlink between the check and the rename, and when the target turns into a symlink.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../shared/api/contract';
import { isInside, OUTSIDE_WORKSPACE } from '../workspace/confine';
import { errCode, isSymlinkRefusal, O_NOFOLLOW } from './fd-checks';
import { PinnedDir } from './pinned-dir';

export interface AtomicWriteHooks {
  /** Test seam: runs after the temp file is written and synced, before the rename. */
  beforeRename?: (tempPath: string) => void | Promise<void>;
  /** Test seam: runs after the folder was checked against the root, before it is opened. */
  afterCheck?: () => void | Promise<void>;
  /** Test seam: false ignores /proc, to exercise the macOS code path on Linux. */
  procFd?: boolean;
}

export interface AtomicWriteOptions extends AtomicWriteHooks {
  /** Keep the write inside this opened root (`rootReal` is its real path); relPath is for messages. */
  confine?: { rootReal: string; relPath: string };
}

/** What the renamed file looks like (size and mtime survive the rename), with no stat by name. */
export interface WrittenFile {
  size: number;
  mtimeMs: number;
}

export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), tempBaseFor(path.basename(target)));
}

const tempBaseFor = (base: string): string => `.${base}.tapedeck-tmp-${randomBytes(6).toString('hex')}`;

const swapped = (relPath: string): ApiFailure =>
  new ApiFailure(OUTSIDE_WORKSPACE, `The folder or file changed while saving (symlink swap?); nothing was written: ${relPath}`);

export async function atomicWriteFile(file: string, data: Uint8Array | string, opts: AtomicWriteOptions = {}): Promise<WrittenFile> {
  const base = path.basename(file);
  const dir = opts.confine
    ? await pinConfined(path.dirname(file), opts.confine, opts)
    : await PinnedDir.open(path.dirname(file), { noFollow: false, procFd: opts.procFd });
  try {
    const target = dir.at(base);
    const mode = await targetMode(target, opts.confine);
    const tmpBase = tempBaseFor(base);
    const tmp = dir.at(tmpBase);
    // O_EXCL|O_NOFOLLOW: always a fresh file of ours, never an existing file or a planted symlink.
    const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_TRUNC | O_NOFOLLOW;
    const handle = await fs.open(tmp, flags, mode ?? 0o644);
    let renamed = false;
    try {
      await handle.writeFile(data);
      // `open(…, mode)` is filtered by the umask; set the original mode explicitly.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
      const st = await handle.stat();
      await handle.close();
      await opts.beforeRename?.(path.join(dir.path, tmpBase));
      if (opts.confine) await recheck(dir, target, opts.confine);
      // rename() never follows a symlink at the target: it replaces the entry, so only a swap of
      // the folder could redirect it, and that is what the pin and the recheck are for.
      await fs.rename(tmp, target);
      renamed = true;
      await dir.sync();
      return { size: st.size, mtimeMs: st.mtimeMs };
    } finally {
      if (!renamed) {
        await handle.close().catch(() => {});
        // Through the descriptor on Linux, so the temp goes even from a folder moved away.
        await fs.unlink(tmp).catch(() => {});
      }
    }
  } finally {
    await dir.close();
  }
}

/** realpath the folder, check it is in the root, open it without following, check it again. */
async function pinConfined(dirPath: string, c: NonNullable<AtomicWriteOptions['confine']>, hooks: AtomicWriteHooks): Promise<PinnedDir> {
  const dirReal = await fs.realpath(dirPath).catch((e) => {
    if (errCode(e) === 'ENOENT') throw new ApiFailure('file.not-found', `No such folder: ${path.posix.dirname(c.relPath)}`);
    throw e;
  });
  // The caller passes the confined real path: a symlink anywhere in it now means a swap.
  if (dirReal !== dirPath || !isInside(c.rootReal, dirReal)) throw swapped(c.relPath);
  await hooks.afterCheck?.();
  let dir: PinnedDir;
  try {
    dir = await PinnedDir.open(dirReal, { noFollow: true, procFd: hooks.procFd });
  } catch (e) {
    if (isSymlinkRefusal(e) || ['ENOTDIR', 'ENOENT'].includes(errCode(e) ?? '')) throw swapped(c.relPath);
    throw e;
  }
  try {
    await verifyDir(dir, c);
    return dir;
  } catch (e) {
    await dir.close();
    throw e;
  }
}

/** The pinned folder is inside the root per the kernel (Linux) and its path still leads to it. */
async function verifyDir(dir: PinnedDir, c: NonNullable<AtomicWriteOptions['confine']>): Promise<void> {
  const where = await dir.kernelPath();
  if (where !== null && !isInside(c.rootReal, where)) throw swapped(c.relPath);
  if (!(await dir.stillAt())) throw swapped(c.relPath);
}

async function recheck(dir: PinnedDir, target: string, c: NonNullable<AtomicWriteOptions['confine']>): Promise<void> {
  await verifyDir(dir, c);
  const st = await fs.lstat(target).catch((e) => {
    if (errCode(e) === 'ENOENT') return null;
    throw e;
  });
  if (st?.isSymbolicLink()) throw swapped(c.relPath);
}

/** The existing target's permission bits, undefined for a new file. */
async function targetMode(target: string, confine: AtomicWriteOptions['confine']): Promise<number | undefined> {
  try {
    // Confined: lstat, since the checked target was no symlink; a symlink now is a swap.
    const st = confine ? await fs.lstat(target) : await fs.stat(target);
    if (confine && st.isSymbolicLink()) throw swapped(confine.relPath);
    return st.mode & 0o7777;
  } catch (e) {
    if (errCode(e) !== 'ENOENT') throw e;
    return undefined;
  }
}
