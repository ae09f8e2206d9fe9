/**
 * Watches one root with chokidar (Node 20's recursive fs.watch misses write-then-rename) and
 * delivers coalesced bursts: events are buffered until the tree has been quiet for
 * `quietMs` (`burstQuietMs` once several came; or `maxWaitMs` passed since the first), then
 * folded by coalesceEvents.
 */
import { watch, type FSWatcher } from 'chokidar';
import { basename, relative, sep } from 'node:path';
import { coalesceEvents, type FileChange, type RawEvent, type RawEventType } from '../../shared/workspace/coalesce';
import { hasCassetteExtension } from '../../shared/workspace/summarize';
import { IGNORED_DIRS } from './scan';

export interface RootWatcher {
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchOptions {
  quietMs?: number;
  burstQuietMs?: number;
  maxWaitMs?: number;
}

export function watchRoot(
  rootReal: string,
  onBurst: (changes: FileChange[]) => void,
  opts: WatchOptions = {},
): RootWatcher {
  // Short for a lone event: a re-recorded file's row should follow its write within a frame or
  // two. Once a second event arrives it is a burst (a `git checkout`, a recorder writing many
  // files), which waits for the usual longer quiet so it still arrives as one; so does an
  // event right after a burst was flushed (on a loaded machine a burst's events trickle in).
  const quietMs = opts.quietMs ?? 10;
  const burstQuietMs = Math.max(quietMs, opts.burstQuietMs ?? 60);
  const maxWaitMs = opts.maxWaitMs ?? 1500;
  let buffer: RawEvent[] = [];
  let timer: NodeJS.Timeout | null = null;
  let firstAt = 0;
  let burstEndedAt = -Infinity;

  const flush = () => {
    timer = null;
    const events = buffer;
    buffer = [];
    if (events.length > 1) burstEndedAt = Date.now();
    const changes = coalesceEvents(events);
    if (changes.length > 0) onBurst(changes);
  };

  const push = (type: RawEventType, abs: string) => {
    const rel = relative(rootReal, abs).split(sep).join('/');
    if (rel.startsWith('..')) return;
    const isDir = type === 'addDir' || type === 'unlinkDir';
    if (!isDir && !hasCassetteExtension(rel)) return;
    const now = Date.now();
    if (buffer.length === 0) firstAt = now;
    buffer.push({ type, path: rel });
    if (timer) clearTimeout(timer);
    const inBurst = buffer.length > 1 || now - burstEndedAt < 4 * burstQuietMs;
    timer = setTimeout(flush, now - firstAt >= maxWaitMs ? 0 : inBurst ? burstQuietMs : quietMs);
  };

  const watcher: FSWatcher = watch(rootReal, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (path, stats) => {
      if (IGNORED_DIRS.has(basename(path))) return true;
      return !!stats?.isFile() && !hasCassetteExtension(path);
    },
    // No waiting for the size to settle (that alone cost ~100 ms per change): a file read while
    // it is being written parses as broken or as no cassette, and root-index.ts looks again a
    // little later before it shows that (RETRY_DELAYS_MS).
    awaitWriteFinish: false,
  });
  for (const type of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const)
    watcher.on(type, (path: string) => push(type, path));
  watcher.on('error', () => {}); // EPERM on vanished folders etc.: the next event resyncs

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer);
      timer = null;
      buffer = [];
      await watcher.close();
    },
  };
}
