/**
 * Overwriting a file in place, for the cases where replacing it by rename would drop what the
 * user set up: a file with several hard links (a rename gives the name a new inode, so the other
 * links keep the old content), a file owned by someone else that we may write but not chown
 * (a rename would make it ours), and a folder we may not create files in. Not atomic: a crash
 * in the middle can leave the file partly written, which is why the rename path is preferred.
 */
import { promises as fs, type BigIntStats } from 'node:fs';
import { ApiFailure } from '../../shared/api/contract';
import { OUTSIDE_WORKSPACE } from '../workspace/confine';
import { errCode, isSymlinkRefusal, O_NOFOLLOW, O_NONBLOCK, sameInode } from './fd-checks';

/** Why a rename cannot keep the file as the user set it up, or null when it can. */
export function inPlaceReason(st: BigIntStats): string | null {
  if (st.nlink > 1n) return 'hard links';
  const uid = process.getuid?.();
  // Only root may give a file away (chown); anyone else's rename would take the file over.
  if (uid !== undefined && uid !== 0 && (BigInt(uid) !== st.uid || !sameGroupPossible(st))) return 'owner';
  return null;
}

/** A non-root user can chgrp to their own groups only; another group means in place. */
function sameGroupPossible(st: BigIntStats): boolean {
  const gid = process.getgid?.();
  const groups = process.getgroups?.() ?? [];
  return gid === undefined || BigInt(gid) === st.gid || groups.some((g) => BigInt(g) === st.gid);
}

/**
 * Writes `data` over the file at `target` (a name from PinnedDir.at, so through the pinned
 * folder's descriptor on Linux) after checking it is still the very file `was` describes.
 */
export async function overwriteInPlace(target: string, was: BigIntStats, data: Uint8Array, relPath: string): Promise<{ size: number; mtimeMs: number }> {
  let handle;
  try {
    // No O_TRUNC: the file is only shortened once the new bytes are all written.
    handle = await fs.open(target, fs.constants.O_WRONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (e) {
    if (isSymlinkRefusal(e)) throw new ApiFailure(OUTSIDE_WORKSPACE, `The file changed while saving (symlink swap?); nothing was written: ${relPath}`);
    throw e;
  }
  try {
    const now = await handle.stat({ bigint: true });
    if (!now.isFile() || !sameInode(now, was))
      throw new ApiFailure(OUTSIDE_WORKSPACE, `The file changed while saving (replaced?); nothing was written: ${relPath}`);
    let off = 0;
    while (off < data.length) off += (await handle.write(data, off, data.length - off, off)).bytesWritten;
    await handle.truncate(data.length);
    await handle.sync();
    const st = await handle.stat();
    return { size: st.size, mtimeMs: st.mtimeMs };
  } finally {
    await handle.close().catch(() => {});
  }
}

/** A folder that refuses new files: the in-place path still works for the file itself. */
export const cannotCreateIn = (e: unknown): boolean => ['EACCES', 'EPERM', 'EROFS'].includes(errCode(e) ?? '');
