/**
 * readGitRevision for one root: the path is confined to the opened folder like every read
 * (a deleted file may still be compared: its folder must resolve inside the root), then the
 * git work tree holding it answers for the revision.
 */
import { ApiFailure, type GitRevisionFile } from '../../shared/api/contract';
import { fileAtRevision, REVISION } from '../git/file-at-revision';
import { resolveInRoot } from './confine';
import { cassettePath, encodeContent } from './file-io';
import type { RootIndex } from './root-index';

export async function readRevisionAt(root: RootIndex, relPath: string, rev: unknown): Promise<GitRevisionFile> {
  if (typeof rev !== 'string' || !REVISION.test(rev)) throw new ApiFailure('git.bad-revision', `Not a revision name: ${String(rev).slice(0, 80)}`);
  const clean = cassettePath(relPath);
  const abs = await resolveInRoot(root.real, clean, true);
  const r = await fileAtRevision(abs, rev);
  if (r.status !== 'ok') return { ...r, rev };
  return { status: 'ok', rev, commit: r.commit, gitPath: r.gitPath, ...encodeContent(clean, r.bytes) };
}
