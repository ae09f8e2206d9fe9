/**
 * Building blocks for checking what a file descriptor really is, so a path that was checked
 * and then swapped for a symlink (check-then-open race) is caught on the descriptor itself.
 * Node has no openat/renameat; on Linux `/proc/self/fd/<fd>` stands in for them: the kernel
 * resolves that magic link to the very directory or file the descriptor holds.
 */
import { constants, existsSync, type BigIntStats } from 'node:fs';
import { readlink } from 'node:fs/promises';

// Windows has none of these; 0 leaves the open() flags as they were and the stat checks remain.
export const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
export const O_DIRECTORY = constants.O_DIRECTORY ?? 0;
/** A FIFO swapped in would otherwise block open() (and a libuv thread) until a writer shows up. */
export const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

/** open() with O_NOFOLLOW met a symlink as the last component (ELOOP; EMLINK on FreeBSD). */
export const isSymlinkRefusal = (e: unknown): boolean => {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code === 'ELOOP' || code === 'EMLINK';
};

export const errCode = (e: unknown): string | undefined => (e as NodeJS.ErrnoException)?.code;

export const sameInode = (a: BigIntStats, b: BigIntStats): boolean => a.dev === b.dev && a.ino === b.ino;

let procChecked: boolean | undefined;

/** `/proc/self/fd/<fd>` where the kernel offers it (Linux with /proc mounted), else null. */
export function procFdPath(fd: number, enabled = true): string | null {
  if (!enabled || process.platform !== 'linux') return null;
  procChecked ??= existsSync('/proc/self/fd');
  return procChecked ? `/proc/self/fd/${fd}` : null;
}

/**
 * Where the kernel says the descriptor's file is now, or null when that cannot be asked
 * (no /proc). A rename of the file or a folder above it shows up here; a symlink cannot fake it.
 */
export async function kernelPathOf(fd: number, enabled = true): Promise<string | null> {
  const p = procFdPath(fd, enabled);
  if (!p) return null;
  try {
    return await readlink(p);
  } catch {
    return null;
  }
}
