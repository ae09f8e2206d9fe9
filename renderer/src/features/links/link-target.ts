/**
 * Between the store and a deep link: the link for what is on screen, and the open file a link
 * points at. A folder is matched by its path, else by its name, so a link from a teammate whose
 * checkout lives elsewhere still finds the same cassette.
 */
import type { CassetteRef, WorkspaceRoot } from '../../../../shared/api/contract';
import type { DeepLink } from '../../../../shared/links/deep-link';
import type { AppState } from '../../store/types';
import { refKey } from '../library/library-model';

export function currentLink(s: AppState): DeepLink | null {
  const doc = s.doc;
  if (doc.status !== 'ready') return null;
  const root = s.roots.find((r) => r.id === doc.ref.rootId);
  if (!root) return null;
  const ia = doc.analysis.interactions[s.interactionIndex];
  // Links count events from 1; "before the first event" has no number, so it links to event 1.
  const event = ia?.stream && s.length > 0 ? Math.max(1, s.cursor + 1) : null;
  return { folder: root.path, file: doc.ref.relPath, interaction: s.interactionIndex, event };
}

const trimSlash = (p: string) => p.replace(/[\\/]+$/, '');
const baseName = (p: string) => trimSlash(p).split(/[\\/]/).pop() ?? '';

export function rootFor(roots: readonly WorkspaceRoot[], folder: string): WorkspaceRoot | undefined {
  return roots.find((r) => trimSlash(r.path) === trimSlash(folder)) ?? roots.find((r) => r.name === baseName(folder));
}

export type LinkTarget = { ref: CassetteRef } | { missing: string } | { wait: true };

/** Where the link leads now: a file, a reason it cannot be found, or "not indexed yet". */
export function linkTarget(s: AppState, link: DeepLink): LinkTarget {
  const root = rootFor(s.roots, link.folder);
  const settled = s.libraryStatus === 'ready' && !s.indexing;
  if (root) {
    const ref = { rootId: root.id, relPath: link.file };
    if (s.summaries.has(refKey(ref))) return { ref };
    if (settled) return { missing: `The link points at ${link.file}, which is not in ${root.path}.` };
  } else if (settled) return { missing: `The link points into ${link.folder}, which is not open. Open that folder, then follow the link again.` };
  if (s.libraryStatus === 'error') return { missing: 'The library could not be loaded.' };
  return { wait: true };
}
