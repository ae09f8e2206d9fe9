/**
 * readCassette / saveCassette for one root. Reads are on demand (nothing is kept in memory);
 * saves check the revision the edit started from, re-validate by parsing, write atomically,
 * and record the new state so the watcher's echo of our own write is not an external change.
 */
import { ApiFailure, type CassetteFile, type SaveOutcome, type SaveRequest } from '../../shared/api/contract';
import { isUtf8 } from 'node:buffer';
import { hasCassetteExtension } from '../../shared/workspace/summarize';
import { atomicWriteFile, READ_ONLY } from '../fs/atomic-write';
import { checkRelPath, resolveInRoot } from './confine';
import { openInRoot } from './confined-open';
import { contentHash } from './engine';
import type { EnginePool } from './engine';
import type { RootIndex } from './root-index';
import { revisionOf } from './root-rows';

interface DiskState {
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  hash: string;
}

export function cassettePath(relPath: unknown): string {
  const clean = checkRelPath(relPath);
  if (!hasCassetteExtension(clean))
    throw new ApiFailure('path.not-cassette', `Only cassette files (.yaml, .yml, .yaml.gz, .har, .json) can be read or saved: ${clean}`);
  return clean;
}

/** Reads through a descriptor verified to be the confined file (see confined-open.ts). */
async function readDisk(rootReal: string, clean: string, mayBeNew: boolean): Promise<DiskState | null> {
  const f = await openInRoot(rootReal, clean, { mayBeNew });
  if (!f) return null;
  try {
    const st = await f.handle.stat();
    const bytes = await f.handle.readFile();
    return { bytes, size: bytes.length, mtimeMs: st.mtimeMs, hash: contentHash(bytes) };
  } finally {
    await f.handle.close();
  }
}

/** Revisions are opaque to the UI; two revisions name the same content when their hashes match. */
function sameRevision(base: string, disk: string): boolean {
  if (base === disk) return true;
  const h1 = base.split('-').pop();
  const h2 = disk.split('-').pop();
  return !!h1 && h1.length === 8 && h1 === h2;
}

/**
 * Files read through readCassette, per root: a save may recreate one of these after it was
 * deleted on disk (the UI still holds its text), but never creates a file nobody opened.
 */
const opened = new WeakMap<RootIndex, Set<string>>();

export async function readFileAt(root: RootIndex, relPath: string): Promise<CassetteFile> {
  const clean = cassettePath(relPath);
  const disk = await readDisk(root.real, clean, false);
  if (!disk) throw new ApiFailure('file.not-found', `No such file: ${clean}`);
  if (!opened.has(root)) opened.set(root, new Set());
  opened.get(root)!.add(clean);
  return {
    rootId: root.id,
    relPath: clean,
    ...encodeContent(clean, disk.bytes),
    revision: revisionOf(disk.size, disk.mtimeMs, disk.hash),
    size: disk.size,
    mtimeMs: disk.mtimeMs,
  };
}

/** Text when it is UTF-8, else base64 (gzip is always base64: the UI gunzips it itself). */
export function encodeContent(clean: string, bytes: Buffer): { content: string; encoding: 'utf8' | 'base64' } {
  const binary = clean.toLowerCase().endsWith('.gz') || !isUtf8(bytes); // native check; the JS one is for shared/
  return { content: bytes.toString(binary ? 'base64' : 'utf8'), encoding: binary ? 'base64' : 'utf8' };
}

export async function saveFileAt(root: RootIndex, req: SaveRequest, pool: EnginePool): Promise<SaveOutcome> {
  const clean = cassettePath(req?.relPath);
  if (typeof req.content !== 'string' || (req.encoding !== 'utf8' && req.encoding !== 'base64'))
    throw new ApiFailure('save.bad-request', 'content must be a string with encoding utf8 or base64.');
  const bytes = Buffer.from(req.content, req.encoding);
  return root.serial(async (): Promise<SaveOutcome> => {
    const abs = await resolveInRoot(root.real, clean, true);
    // One file can sit under two open folders (/a and /a/b): serialise by the file itself.
    return withFileLock(abs, async (): Promise<SaveOutcome> => {
      const ref = root.ref(clean);
      // Validate first (it can take seconds on a big file), then compare revisions right before
      // writing, so an edit made on disk meanwhile is a conflict rather than silently lost.
      const res = await pool.run({ kind: 'bytes', bytes, ref, stat: { size: bytes.length, mtimeMs: 0 } });
      if (res.kind !== 'indexed') throw new Error('unexpected engine result for bytes');
      if (res.parseProblem && !req.allowInvalid) {
        const out: SaveOutcome = { status: 'invalid', message: res.parseProblem.message };
        if (res.parseProblem.line !== undefined) out.line = res.parseProblem.line;
        if (res.parseProblem.column !== undefined) out.column = res.parseProblem.column;
        return out;
      }
      const disk = await readDisk(root.real, clean, true);
      if (!disk && !opened.get(root)?.has(clean)) throw new ApiFailure('file.not-found', `No such file: ${clean} (a save writes only files that were opened).`);
      // Deleted on disk since it was opened: nothing there to lose, so the save writes it again.
      const diskRevision = disk ? revisionOf(disk.size, disk.mtimeMs, disk.hash) : '';
      if (disk && !req.force && !sameRevision(String(req.baseRevision ?? ''), diskRevision))
        return { status: 'conflict', message: `${clean} changed on disk since it was opened.`, diskRevision };
      // Refuses (and leaves nothing behind) if the folder or file is swapped for a symlink.
      const st = await atomicWriteFile(abs, bytes, {
        confine: { rootReal: root.real, relPath: clean },
        readOnly: req.overwriteReadOnly ? 'overwrite' : 'refuse',
      }).catch((e) => {
        if (e instanceof ApiFailure && e.code === READ_ONLY) return { readOnly: e.message };
        throw e;
      });
      if ('readOnly' in st) return { status: 'read-only', message: st.readOnly };
      root.recordSaved(clean, {
        summary: { ...res.summary, size: st.size, mtimeMs: st.mtimeMs },
        size: st.size,
        mtimeMs: st.mtimeMs,
        hash: res.hash,
        fingerprints: res.fingerprints,
        docs: res.docs,
      });
      return { status: 'saved', revision: revisionOf(st.size, st.mtimeMs, res.hash), mtimeMs: st.mtimeMs, size: st.size };
    });
  });
}

const fileLocks = new Map<string, Promise<unknown>>();

/** Runs `fn` after every earlier save of the same absolute path has finished. */
function withFileLock<T>(abs: string, fn: () => Promise<T>): Promise<T> {
  const prev = fileLocks.get(abs) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => undefined);
  fileLocks.set(abs, tail);
  void tail.then(() => {
    if (fileLocks.get(abs) === tail) fileLocks.delete(abs);
  });
  return run;
}
