/**
 * Recursive directory walk for cassette candidates. Skips .git and node_modules, follows
 * symlinks only while they stay inside the root, and visits each real directory once, so a
 * symlink loop (a -> ..) ends instead of recursing forever. The first walk of an opened folder
 * also removes temp files a killed save left behind (`.NAME.tapedeck-tmp-…`).
 */
import type { Dirent } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { hasCassetteExtension } from '../../shared/workspace/summarize';
import { TEMP_NAME } from '../fs/atomic-write';
import { isInside } from './confine';

export const IGNORED_DIRS = new Set(['.git', 'node_modules']);

export interface ScannedFile {
  relPath: string;
  absPath: string;
  size: number;
  mtimeMs: number;
}

/**
 * Walks `rootReal` (a realpath) starting at `startRel` ('' for the whole root) and calls
 * `onFiles` once per directory with the candidates found there, as soon as they are found.
 */
export async function walk(
  rootReal: string,
  startRel: string,
  onFiles: (files: ScannedFile[]) => void,
  opts: { removeLeftovers?: boolean } = {},
): Promise<void> {
  const visited = new Set<string>();
  // Each entry carries its real path when the walk already knows it: a directory listed by a
  // real parent (not through a symlink) is that parent's real path plus its name, so only the
  // start and symlinked directories need a realpath (one was ~6% of a cold index's CPU).
  const queue: { rel: string; real: string | null }[] = [{ rel: startRel, real: null }];
  while (queue.length > 0) {
    // A few directories at a time: enough to hide I/O latency, not enough to flood the fs.
    const batch = queue.splice(0, 8);
    await Promise.all(
      batch.map(async ({ rel, real: known }) => {
        const abs = rel ? join(rootReal, ...rel.split('/')) : rootReal;
        const real = known ?? (await realpath(abs).catch(() => null));
        if (!real || visited.has(real) || !isInside(rootReal, real)) return;
        visited.add(real);
        const { files, dirs } = await readDir(rootReal, abs, real, rel, opts.removeLeftovers ?? false);
        queue.push(...dirs);
        if (files.length > 0) onFiles(files);
      }),
    );
  }
}

/** `abs`: the directory as the walk reached it (under the root); `real`: its real path. */
async function readDir(
  rootReal: string,
  abs: string,
  real: string,
  rel: string,
  removeLeftovers: boolean,
): Promise<{ files: ScannedFile[]; dirs: { rel: string; real: string | null }[] }> {
  const files: ScannedFile[] = [];
  const dirs: { rel: string; real: string | null }[] = [];
  let entries: Dirent[];
  try {
    // One readdir call: opendir's async iterator costs a promise round trip per 32 entries,
    // a tenth of a warm reopen's main-thread time on a 2,000-file folder.
    entries = await readdir(abs, { withFileTypes: true });
  } catch {
    return { files, dirs }; // vanished or unreadable: the watcher reports what happens next
  }
  await Promise.all(
    entries.map(async (d) => {
      const childRel = rel ? `${rel}/${d.name}` : d.name;
      const childAbs = join(abs, d.name);
      if (d.isDirectory()) {
        if (!IGNORED_DIRS.has(d.name)) dirs.push({ rel: childRel, real: join(real, d.name) });
        return;
      }
      // Only the walk that opens a folder runs this; saves run after it (root.serial), so no
      // save of ours is writing the temp. A save by another Tapedeck then fails and keeps its file.
      if (removeLeftovers && d.isFile() && TEMP_NAME.test(d.name)) await unlink(childAbs).catch(() => {});
      if (!d.isFile() && !d.isSymbolicLink()) return;
      if (d.isSymbolicLink()) {
        const target = await realpath(childAbs).catch(() => null);
        if (!target || !isInside(rootReal, target)) return;
        const st = await stat(childAbs).catch(() => null);
        if (st?.isDirectory() && !IGNORED_DIRS.has(d.name) && !walkedByRealPath(rootReal, target)) dirs.push({ rel: childRel, real: target });
        if (!st?.isFile() || !hasCassetteExtension(d.name)) return;
        files.push({ relPath: childRel, absPath: childAbs, size: st.size, mtimeMs: st.mtimeMs });
        return;
      }
      if (!hasCassetteExtension(d.name)) return;
      const st = await stat(childAbs).catch(() => null);
      if (st?.isFile()) files.push({ relPath: childRel, absPath: childAbs, size: st.size, mtimeMs: st.mtimeMs });
    }),
  );
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : 1));
  return { files, dirs };
}

/**
 * Whether the walk lists `target` (a directory inside the root) under its own, real path: it
 * does unless the path passes through a skipped folder. A symlink to such a folder is not
 * followed, so a tree reachable both ways is listed once, under the path the watcher reports,
 * and not under whichever path the walk happened to reach first.
 */
function walkedByRealPath(rootReal: string, target: string): boolean {
  const rel = relative(rootReal, target);
  return !rel.split(sep).some((part) => IGNORED_DIRS.has(part));
}
