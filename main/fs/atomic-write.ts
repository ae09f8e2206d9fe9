/**
 * Crash-safe file replacement: write a temp file next to the target, fsync it, rename it over
 * the target (atomic on POSIX within one filesystem), then fsync the directory. The target's
 * mode is kept. The temp name starts with a dot and does not end in a cassette extension, so a
 * leftover from a crash is never picked up as a cassette by folder scans.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface AtomicWriteHooks {
  /** Test seam: runs after the temp file is written and synced, before the rename. */
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.tapedeck-tmp-${randomBytes(6).toString('hex')}`);
}

export async function atomicWriteFile(file: string, data: Uint8Array | string, hooks: AtomicWriteHooks = {}): Promise<void> {
  let mode: number | undefined;
  try {
    mode = (await fs.stat(file)).mode & 0o7777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const tmp = tempNameFor(file);
  const handle = await fs.open(tmp, 'wx', mode ?? 0o644);
  let renamed = false;
  try {
    await handle.writeFile(data);
    // `open(…, mode)` is filtered by the umask; set the original mode explicitly.
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
    await handle.close();
    await hooks.beforeRename?.(tmp);
    await fs.rename(tmp, file);
    renamed = true;
  } finally {
    if (!renamed) {
      await handle.close().catch(() => {});
      await fs.rm(tmp, { force: true }).catch(() => {});
    }
  }
  await syncDir(path.dirname(file));
}

async function syncDir(dir: string): Promise<void> {
  try {
    const d = await fs.open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the rename itself already happened.
  }
}
