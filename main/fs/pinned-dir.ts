/**
 * A directory held open by descriptor, so later steps (create the temp file, rename it over
 * the target, fsync) act on the directory that was checked even if its path is swapped for a
 * symlink meanwhile. On Linux names inside it go through `/proc/self/fd/<fd>/<name>`, which
 * the kernel resolves like openat()/renameat(); elsewhere (macOS, no /proc) they go by path
 * and `stillAt()` must be checked right before anything irreversible.
 */
import { promises as fs, type BigIntStats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { errCode, kernelPathOf, O_DIRECTORY, O_NOFOLLOW, procFdPath, sameInode } from './fd-checks';

export interface PinOptions {
  /** Refuse (ELOOP) when the directory's own path is a symlink. */
  noFollow: boolean;
  /** Test seam: false ignores /proc, to exercise the macOS code path on Linux. */
  procFd?: boolean;
}

export class PinnedDir {
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle | null,
    private readonly id: BigIntStats,
    private readonly proc: string | null,
    private readonly procEnabled: boolean,
  ) {}

  static async open(dirPath: string, opts: PinOptions): Promise<PinnedDir> {
    const procEnabled = opts.procFd !== false;
    let handle: FileHandle | null = null;
    try {
      handle = await fs.open(dirPath, fs.constants.O_RDONLY | O_DIRECTORY | (opts.noFollow ? O_NOFOLLOW : 0));
    } catch (e) {
      // Windows cannot open a directory as a file, and an unconfined write needs no read
      // permission on its folder: fall back to names (plus the stat check when confined).
      const code = errCode(e) ?? '';
      const fallback = process.platform === 'win32' ? ['EISDIR', 'EPERM', 'EACCES'].includes(code) : !opts.noFollow && code === 'EACCES';
      if (!fallback) throw e;
    }
    try {
      const id = handle ? await handle.stat({ bigint: true }) : await fs.stat(dirPath, { bigint: true });
      if (!id.isDirectory()) throw Object.assign(new Error(`Not a directory: ${dirPath}`), { code: 'ENOTDIR' });
      return new PinnedDir(dirPath, handle, id, handle ? procFdPath(handle.fd, procEnabled) : null, procEnabled);
    } catch (e) {
      await handle?.close();
      throw e;
    }
  }

  /** A path for `name` inside this very directory (through the descriptor where possible). */
  at(name: string): string {
    return this.proc ? `${this.proc}/${name}` : path.join(this.path, name);
  }

  /** True when names given by `at()` bypass the path (so a swapped path cannot redirect them). */
  get byDescriptor(): boolean {
    return this.proc !== null;
  }

  /** The directory's current location per the kernel, or null where that cannot be asked. */
  kernelPath(): Promise<string | null> {
    return this.handle ? kernelPathOf(this.handle.fd, this.procEnabled) : Promise.resolve(null);
  }

  /** The path still leads, without any symlink, to the directory that was opened. */
  async stillAt(): Promise<boolean> {
    const [now, real] = await Promise.all([
      fs.stat(this.path, { bigint: true }).catch(() => null),
      fs.realpath(this.path).catch(() => null),
    ]);
    return now !== null && sameInode(now, this.id) && real === this.path;
  }

  /** Makes a rename inside the directory durable. */
  async sync(): Promise<void> {
    try {
      if (this.handle) await this.handle.sync();
      else {
        const d = await fs.open(this.path, 'r');
        try {
          await d.sync();
        } finally {
          await d.close();
        }
      }
    } catch {
      // Some platforms (Windows) cannot fsync a directory; the rename itself already happened.
    }
  }

  async close(): Promise<void> {
    await this.handle?.close().catch(() => {});
  }
}
