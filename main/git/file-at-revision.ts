/**
 * One file as recorded at a git revision, for the app's "Compare with HEAD": the work tree
 * holding the file, the commit the revision names, and the blob at the file's path there.
 * Only plumbing commands run (rev-parse, cat-file): unlike `git status` or `git diff`, they
 * never start a repository's configured fsmonitor or diff drivers.
 */
import { realpath } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import { git, gitTopLevel, readBlobs } from './git-run';

export type FileAtRevision =
  | { status: 'ok'; commit: string; gitPath: string; bytes: Buffer }
  | { status: 'not-in-git'; message: string }
  | { status: 'no-revision'; message: string }
  | { status: 'not-in-revision'; commit: string; gitPath: string; message: string };

/** What a revision argument may look like: names, hashes, `HEAD~2`, `main@{1}`; no options, no `rev:path`. */
export const REVISION = /^(?!-)[\w./~^@{}-]{1,200}$/;

/** `abs` is the file's real path (the caller has confined it to an opened folder). */
export async function fileAtRevision(abs: string, rev: string): Promise<FileAtRevision> {
  const top = await gitTopLevel(dirname(abs));
  if (top === null) return { status: 'not-in-git', message: 'The file is not in a git work tree (or git is not installed).' };
  const topReal = await realpath(top);
  const gitPath = relative(topReal, abs).split(sep).join('/');
  let commit: string;
  try {
    commit = (await git(topReal, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).toString('utf8').trim();
  } catch {
    return { status: 'no-revision', message: `'${rev}' names no commit in ${topReal} (a repository without commits has no HEAD).` };
  }
  const missing = { status: 'not-in-revision' as const, commit, gitPath, message: `${gitPath} is not in ${rev} (${commit.slice(0, 7)}): new, untracked or ignored.` };
  // cat-file --batch reads one object name per line.
  if (gitPath.includes('\n')) return missing;
  const [bytes] = await readBlobs(topReal, commit, [gitPath]);
  return bytes ? { status: 'ok', commit, gitPath, bytes } : missing;
}
