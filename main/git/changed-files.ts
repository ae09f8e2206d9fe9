/**
 * Cassette files that differ between a git revision and the work tree under some paths:
 * modified, added (tracked or not yet) and deleted. Renames are not followed (git's guess
 * would pair two unrelated cassettes); they show as one deleted and one added file.
 */
import path from 'node:path';
import { CASSETTE_FILE as CASSETTE } from '../cli/collect-files';
import { git, GitError } from './git-run';

export interface ChangedFile {
  /** Path relative to the work tree's top folder, with forward slashes. */
  rel: string;
  status: 'modified' | 'added' | 'deleted';
}


export async function changedCassettes(top: string, rev: string, paths: string[]): Promise<ChangedFile[]> {
  await git(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).catch(() => {
    throw new GitError(`'${rev}' is not a revision of ${top}`);
  });
  const specs = paths.length ? paths.map((p) => path.relative(top, p) || '.') : ['.'];
  const [diff, untracked] = await Promise.all([
    git(top, ['diff', '--no-renames', '--name-status', '-z', rev, '--', ...specs]),
    git(top, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...specs]),
  ]);
  const out: ChangedFile[] = [];
  const parts = diff.toString('utf8').split('\0');
  for (let k = 0; k + 1 < parts.length; k += 2) {
    const code = parts[k];
    const rel = parts[k + 1];
    if (!CASSETTE.test(rel)) continue;
    out.push({ rel, status: code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified' });
  }
  for (const rel of untracked.toString('utf8').split('\0')) if (rel && CASSETTE.test(rel)) out.push({ rel, status: 'added' });
  return out.sort((x, y) => (x.rel < y.rel ? -1 : x.rel > y.rel ? 1 : 0));
}
