/**
 * Folds a burst of raw watcher events into the smallest set of changes to act on, in the
 * spirit of VS Code's file-event coalescer. Per path we only need to know whether it existed
 * before the burst (from its first event) and whether it exists after (from its last):
 *   add … delete   → nothing (a temp file that came and went)
 *   delete … add   → changed (an editor's write-then-rename, or `go test -update`)
 *   add … change   → added
 * A directory event swallows every event below it: the consumer rescans (or drops) the
 * whole subtree anyway, so per-file events there would only be duplicate work.
 */
export type RawEventType = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';

export interface RawEvent {
  type: RawEventType;
  /** Path relative to the watched root, forward slashes, '' for the root itself. */
  path: string;
}

export interface FileChange {
  /** For directories, 'changed' means "rescan this subtree" (it was replaced, or turned into a file). */
  type: 'added' | 'changed' | 'deleted';
  path: string;
  dir: boolean;
}

interface PathState {
  existedBefore: boolean;
  existsNow: boolean;
  firstDir: boolean;
  lastDir: boolean;
  order: number;
}

const isDirEvent = (t: RawEventType): boolean => t === 'addDir' || t === 'unlinkDir';

export function coalesceEvents(events: readonly RawEvent[]): FileChange[] {
  const states = new Map<string, PathState>();
  for (const ev of events) {
    const dir = isDirEvent(ev.type);
    const exists = ev.type !== 'unlink' && ev.type !== 'unlinkDir';
    const s = states.get(ev.path);
    if (!s) {
      states.set(ev.path, {
        existedBefore: ev.type !== 'add' && ev.type !== 'addDir',
        existsNow: exists,
        firstDir: dir,
        lastDir: dir,
        order: states.size,
      });
    } else {
      s.existsNow = exists;
      s.lastDir = dir;
    }
  }

  const out: FileChange[] = [];
  for (const [path, s] of states) {
    const kindFlipped = s.firstDir !== s.lastDir;
    if (!s.existedBefore && !s.existsNow) continue;
    if (!s.existedBefore) out.push({ type: 'added', path, dir: s.lastDir });
    else if (!s.existsNow) out.push({ type: 'deleted', path, dir: s.lastDir || s.firstDir });
    else out.push({ type: 'changed', path, dir: s.lastDir || kindFlipped });
  }
  return swallowChildren(out);
}

/** Drops changes below a directory that itself changed. */
function swallowChildren(changes: FileChange[]): FileChange[] {
  const dirs = changes.filter((c) => c.dir).map((c) => c.path);
  if (dirs.length === 0) return changes;
  return changes.filter((c) => !dirs.some((d) => isStrictlyUnder(c.path, d)));
}

export function isStrictlyUnder(path: string, dir: string): boolean {
  if (path === dir) return false;
  return dir === '' || path.startsWith(dir + '/');
}
