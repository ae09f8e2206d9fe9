/**
 * Crash-safe file replacement: write a temp file next to the target, fsync it, rename it over
 * the target (atomic on POSIX within one filesystem), then fsync the directory. The target's
 * mode and owner are kept (chown needs root; see in-place-write.ts for when a rename cannot keep
 * them). The temp name starts with a dot and does not end in a cassette extension, so a
 * leftover from a crash is never picked up as a cassette by folder scans (and the next scan of
 * the folder removes it, see leftovers.ts).
 *
 * When a rename would drop what the user set up (hard links, someone else's file) or the folder
 * refuses new files, the file is overwritten in place instead, after the new content was first
 * written to a temp beside it where the folder allows (so a full disk fails before the original
 * is touched).
 *
 * The directory is held open by descriptor from start to end (see pinned-dir.ts). With
 * `confine`, the write is refused when the folder leaves the opened root or is swapped for a
 * symlink between the check and the rename, and when the target turns into a symlink.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs, type BigIntStats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ApiFailure } from '../../shared/api/contract';
import { isInside, OUTSIDE_WORKSPACE } from '../workspace/confine';
import { errCode, isSymlinkRefusal, O_NOFOLLOW } from './fd-checks';
import { cannotCreateIn, inPlaceReason, overwriteInPlace } from './in-place-write';
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
  /** 'refuse': a file without write permission fails with READ_ONLY (cassette saves); default overwrite. */
  readOnly?: 'refuse' | 'overwrite';
}

/** The error code of a save refused because the file is read-only. */
export const READ_ONLY = 'file.read-only';

/** What the renamed file looks like (size and mtime survive the rename), with no stat by name. */
export interface WrittenFile {
  size: number;
  mtimeMs: number;
}

export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), tempBaseFor(path.basename(target)));
}

/** Matches the names tempNameFor gives, for the cleanup of leftovers. */
export const TEMP_NAME = /^\..+\.tapedeck-tmp-[0-9a-f]{12}$/;

const tempBaseFor = (base: string): string => `.${base}.tapedeck-tmp-${randomBytes(6).toString('hex')}`;

const swapped = (relPath: string): ApiFailure =>
  new ApiFailure(OUTSIDE_WORKSPACE, `The folder or file changed while saving (symlink swap?); nothing was written: ${relPath}`);

export async function atomicWriteFile(file: string, data: Uint8Array | string, opts: AtomicWriteOptions = {}): Promise<WrittenFile> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const rel = opts.confine?.relPath ?? file;
  try {
    return await writeVia(file, bytes, opts);
  } catch (e) {
    if (e instanceof ApiFailure || !errCode(e)) throw e;
    // fs messages name /proc/self/fd paths and temp names, which mean nothing to the user.
    throw new ApiFailure('save.failed', `Could not save ${rel}: ${describe(errCode(e))}; the file on disk was not changed.`);
  }
}

async function writeVia(file: string, data: Uint8Array, opts: AtomicWriteOptions): Promise<WrittenFile> {
  const base = path.basename(file);
  const rel = opts.confine?.relPath ?? file;
  const dir = opts.confine
    ? await pinConfined(path.dirname(file), opts.confine, opts)
    : await PinnedDir.open(path.dirname(file), { noFollow: false, procFd: opts.procFd });
  try {
    const target = dir.at(base);
    const existing = await targetStat(target, opts.confine);
    if (existing && opts.readOnly === 'refuse' && (await isReadOnly(target, existing)))
      throw new ApiFailure(READ_ONLY, `${rel} is read-only on disk; nothing was written.`);
    const tmpBase = tempBaseFor(base);
    const tmp = dir.at(tmpBase);
    let handle: FileHandle;
    try {
      // O_EXCL|O_NOFOLLOW: always a fresh file of ours, never an existing file or a planted symlink.
      const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_TRUNC | O_NOFOLLOW;
      handle = await fs.open(tmp, flags, existing ? Number(existing.mode & 0o777n) : 0o644);
    } catch (e) {
      // A folder that takes no new files: the existing file can still be written in place.
      if (existing && cannotCreateIn(e)) return await inPlace(dir, target, existing, data, opts);
      throw e;
    }
    let renamed = false;
    try {
      await handle.writeFile(data);
      if (existing) await keepModeAndOwner(handle, existing);
      await handle.sync();
      const st = await handle.stat();
      await handle.close();
      await opts.beforeRename?.(path.join(dir.path, tmpBase));
      if (existing && inPlaceReason(existing)) return await inPlace(dir, target, existing, data, opts);
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

async function inPlace(dir: PinnedDir, target: string, was: BigIntStats, data: Uint8Array, opts: AtomicWriteOptions): Promise<WrittenFile> {
  if (opts.confine) await verifyDir(dir, opts.confine);
  return overwriteInPlace(target, was, data, opts.confine?.relPath ?? target);
}

/** `open(…, mode)` is filtered by the umask, and a new file is ours: restore both. */
async function keepModeAndOwner(handle: FileHandle, was: BigIntStats): Promise<void> {
  await handle.chmod(Number(was.mode & 0o7777n));
  const mine = await handle.stat({ bigint: true });
  if (mine.uid === was.uid && mine.gid === was.gid) return;
  // Root may give the file back to its owner; a user may keep a group they belong to.
  // Where neither is allowed, inPlaceReason() already sends the save down the in-place path.
  await handle.chown(Number(was.uid), Number(was.gid)).catch(() => {});
  // chown clears set-user/group-ID bits: set the mode again.
  await handle.chmod(Number(was.mode & 0o7777n));
}

/** No write permission for the saving user (root: no write bit at all), or a read-only mount. */
async function isReadOnly(target: string, st: BigIntStats): Promise<boolean> {
  if (process.getuid?.() === 0) return (st.mode & 0o222n) === 0n;
  return fs.access(target, fs.constants.W_OK).then(
    () => false,
    (e) => ['EACCES', 'EPERM', 'EROFS'].includes(errCode(e) ?? ''),
  );
}

const describe = (code: string | undefined): string =>
  ({
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exceeded',
    EISDIR: 'it is a folder',
    ENOENT: 'the folder no longer exists',
  })[code ?? ''] ?? `error ${code}`;

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

/** The existing target's status (bigint, for inode checks), null for a new file. */
async function targetStat(target: string, confine: AtomicWriteOptions['confine']): Promise<BigIntStats | null> {
  try {
    // Confined: lstat, since the checked target was no symlink; a symlink now is a swap.
    const st = confine ? await fs.lstat(target, { bigint: true }) : await fs.stat(target, { bigint: true });
    if (confine && st.isSymbolicLink()) throw swapped(confine.relPath);
    return st;
  } catch (e) {
    if (errCode(e) !== 'ENOENT') throw e;
    return null;
  }
}
