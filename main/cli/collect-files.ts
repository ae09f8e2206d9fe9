/**
 * The cassette files the CLI's PATH arguments name, for `redact` and `lint`. Each file is
 * listed once, by its real path, which is also where a write goes: a write to a symlink's
 * target keeps the link (replacing the link by a regular file would leave the target, the file
 * the link stands for, unredacted). Symlinks found while walking a folder are followed only
 * while their target stays inside the folders given; the others are reported as skipped.
 * A file named explicitly is the user's choice and is always taken, through its links.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isInside } from '../workspace/confine';

export const CASSETTE_FILE = /\.(ya?ml|ya?ml\.gz|har|json)$/i;
const SKIP_DIRS = new Set(['.git', 'node_modules']);

export interface CollectedFile {
  /** The real path: read and write here. */
  file: string;
  /** Named on the command line (taken whatever its extension) rather than found in a folder. */
  explicit: boolean;
}

export interface Collected {
  files: CollectedFile[];
  /** Symlinks found in a folder whose target is outside every folder given. */
  skipped: string[];
}

/** Throws (ENOENT and the like) for a PATH that cannot be read. */
export async function collectFiles(paths: string[]): Promise<Collected> {
  const reals = await Promise.all(paths.map((p) => fs.realpath(p)));
  const stats = await Promise.all(reals.map((r) => fs.stat(r)));
  const folders = reals.filter((_, i) => stats[i].isDirectory());
  const out: Collected = { files: [], skipped: [] };
  const seen = new Set<string>();
  const visitedDirs = new Set<string>();
  const add = (file: string, explicit: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    out.files.push({ file, explicit });
  };

  const walk = async (dir: string): Promise<void> => {
    if (visitedDirs.has(dir)) return; // a symlink loop, or a folder reached twice
    visitedDirs.add(dir);
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const child = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await walk(child);
        continue;
      }
      if (e.isFile()) {
        if (CASSETTE_FILE.test(e.name) && !e.name.includes('.tapedeck-tmp-')) add(child, false);
        continue;
      }
      if (!e.isSymbolicLink()) continue;
      const target = await fs.realpath(child).catch(() => null);
      const st = target ? await fs.stat(target).catch(() => null) : null;
      const wanted = st?.isDirectory() ? !SKIP_DIRS.has(e.name) : st?.isFile() && CASSETTE_FILE.test(e.name);
      if (!target || !wanted) continue;
      if (!folders.some((f) => isInside(f, target))) out.skipped.push(child);
      else if (st!.isDirectory()) await walk(target);
      else add(target, false);
    }
  };

  for (let i = 0; i < reals.length; i++) {
    if (stats[i].isDirectory()) await walk(reals[i]);
    else if (stats[i].isFile()) add(reals[i], true);
  }
  return out;
}
