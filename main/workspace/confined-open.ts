/**
 * Opens a root-relative file for reading so that what is read is the file that was checked.
 * `resolveInRoot` checks a path by name; a swap of the file or of a folder above it for a
 * symlink between that check and the open would otherwise read a file outside the root. So the
 * open refuses a symlink as the last component (O_NOFOLLOW) and the opened descriptor is then
 * checked: on Linux where the kernel says it is (/proc/self/fd), everywhere that the confined
 * path still leads, symlink-free, to the same dev+ino. Read from the returned handle only.
 */
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { ApiFailure } from '../../shared/api/contract';
import { errCode, isSymlinkRefusal, kernelPathOf, O_NOFOLLOW, O_NONBLOCK, sameInode } from '../fs/fd-checks';
import { checkRelPath, isInside, OUTSIDE_WORKSPACE, resolveInRoot } from './confine';

export interface ConfinedOpenHooks {
  /** Test seam: runs after the path was checked, before it is opened. */
  afterCheck?: (real: string) => void | Promise<void>;
  /** Test seam: runs after the open, before the descriptor is verified. */
  afterOpen?: (real: string) => void | Promise<void>;
  /** Test seam: false ignores /proc, to exercise the macOS code path on Linux. */
  procFd?: boolean;
}

export interface ConfinedFile {
  handle: FileHandle;
  /** The checked real path (for locks and messages; do not open it again). */
  real: string;
  clean: string;
}

const swapped = (clean: string): ApiFailure =>
  new ApiFailure(OUTSIDE_WORKSPACE, `The file changed while it was being opened (symlink swap?); it was not read: ${clean}`);

/**
 * Opens `relPath` under the root for reading. Missing file: null with `mayBeNew`, else
 * `file.not-found`. The caller must close the handle.
 */
export async function openInRoot(
  rootReal: string,
  relPath: string,
  opts: { mayBeNew?: boolean; hooks?: ConfinedOpenHooks } = {},
): Promise<ConfinedFile | null> {
  const clean = checkRelPath(relPath);
  const hooks = opts.hooks ?? {};
  const real = await resolveInRoot(rootReal, clean, opts.mayBeNew ?? false);
  await hooks.afterCheck?.(real);
  let handle: FileHandle;
  try {
    handle = await fs.open(real, fs.constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (e) {
    if (isSymlinkRefusal(e)) throw swapped(clean);
    // Gone since the check (or a folder above it turned into a file): as if never there.
    if (errCode(e) === 'ENOENT' || errCode(e) === 'ENOTDIR') {
      if (opts.mayBeNew) return null;
      throw new ApiFailure('file.not-found', `No such file: ${clean}`);
    }
    throw e;
  }
  try {
    await hooks.afterOpen?.(real);
    await verifyOpened(handle, rootReal, real, clean, hooks.procFd !== false);
    return { handle, real, clean };
  } catch (e) {
    await handle.close().catch(() => {});
    throw e;
  }
}

async function verifyOpened(handle: FileHandle, rootReal: string, real: string, clean: string, procFd: boolean): Promise<void> {
  const fdStat = await handle.stat({ bigint: true });
  if (!fdStat.isFile()) throw new ApiFailure('file.not-a-file', `Not a regular file: ${clean}`);
  // Asked of the descriptor, so no symlink can fake it; it catches a swapped folder above.
  const where = await kernelPathOf(handle.fd, procFd);
  if (where !== null && !isInside(rootReal, where)) throw swapped(clean);
  // By name, after the open: the path still leads through no symlink, to this very file.
  // Without /proc this is the whole check; to pass it a swapped folder would have to be a
  // symlink for the open and for the stat yet not for the realpath in between.
  const again = await fs.realpath(real).catch(() => null);
  const nameStat = await fs.stat(real, { bigint: true }).catch(() => null);
  if (nameStat === null || !sameInode(nameStat, fdStat) || again !== real) throw swapped(clean);
}
