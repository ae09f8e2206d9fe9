/**
 * The CPU-heavy part of indexing: read a file, hash it, parse, analyse, summarise. Runs inside
 * the index workers (index-worker.ts) and, when no worker script can be found, in-thread.
 * Everything it returns is structured-clone friendly.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { crc32, gunzipSync } from 'node:zlib';
import { closeSync, constants, fstatSync, openSync, readFileSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { O_NONBLOCK, procFdPath } from '../fs/fd-checks';
import { isInside } from './confine';
import { parseCassette } from '../../shared/cassette/parse';
import { isGzip, maxDecodedBytes } from '../../shared/codec/decompress';
import { parseCassetteForIndex, type IndexParse } from '../../shared/cassette/parse-index';
import type { Cassette } from '../../shared/model/cassette';
import type { CassetteSummary } from '../../shared/model/summary';
import { failedSummary, interactionFingerprints, type FileStat, type SummaryRef } from '../../shared/workspace/summarize';
import { indexRowAndDocs, rowAndDocs } from '../../shared/workspace/index-row';
import type { InteractionDoc } from '../../shared/search/doc';
import type { Digest } from '../../shared/workspace/hash';
import { lintCounts, type LintCounts } from '../../shared/lint/counts';
import { lintFile } from '../../shared/lint/file';

export type EngineTask =
  /**
   * Index a file on disk; skip parsing when its content hash equals `knownHash`. With
   * `rootReal`, a file that turns out (on the open descriptor) to lie outside it is refused.
   */
  | { kind: 'file'; absPath: string; ref: SummaryRef; knownHash: string | null; rootReal?: string; search?: boolean }
  /** Index bytes about to be saved (validation + the row to show after the save). */
  | { kind: 'bytes'; bytes: Uint8Array; ref: SummaryRef; stat: FileStat }
  /**
   * Lint a file already indexed as `hash` (the background pass after the rows): its finding
   * counts, or none if the file has changed since (its reindex schedules a new lint).
   */
  | { kind: 'lint'; absPath: string; ref: SummaryRef; hash: string; rootReal?: string };

export interface ParseProblem {
  message: string;
  line?: number;
  column?: number;
}

export type EngineResult =
  | { kind: 'missing' }
  | { kind: 'linted'; hash: string; lint: LintCounts | null }
  | { kind: 'unchanged'; hash: string; size: number; mtimeMs: number }
  | {
      kind: 'indexed';
      hash: string;
      size: number;
      mtimeMs: number;
      summary: CassetteSummary;
      fingerprints: string[];
      /** Why the parser would refuse this as a cassette (format null or an error diagnostic). */
      parseProblem: ParseProblem | null;
      /** Full-text search documents, one per interaction (empty when the task asked for none). */
      docs: InteractionDoc[];
    };

/** What a 'file' or 'bytes' task answers (a 'lint' task answers 'linted' or 'missing'). */
export type IndexResult = Exclude<EngineResult, { kind: 'linted' }>;

/**
 * Fingerprint digests: zlib's CRC-32 over every part, chained, plus the total length. A
 * fingerprint only tells an edited interaction from an unchanged one between two versions of
 * a file (a collision costs a missed highlight, never data; the file's own hash, which guards
 * saves and the cache, stays SHA-1 of every byte), and CRC-32 runs ~3x faster than SHA-1 here
 * without a hash object per interaction.
 */
export const crcDigest = (): Digest => {
  let crc = 0;
  let length = 0;
  return {
    update: (part) => {
      crc = crc32(part, crc);
      length += part.length;
    },
    digest: () => `${crc.toString(16).padStart(8, '0')}-${length.toString(16)}`,
  };
};

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

type Read = { bytes: Uint8Array; stat: FileStat } | { missing: true } | { failed: string };

function readTaskFile(absPath: string, rootReal: string | undefined): Read {
  try {
    // fstat on the descriptor we read from, so size and mtime describe the bytes we hashed.
    // Non-blocking: a FIFO swapped in under a cassette's name must not hang the worker.
    const fd = openSync(absPath, constants.O_RDONLY | O_NONBLOCK);
    try {
      const st = fstatSync(fd);
      // The scan checked the real path; a symlink swapped in since must not leak a summary
      // of a file outside the folder (asked of the descriptor, which a swap cannot fake).
      if (!st.isFile() || (rootReal && !openedInside(fd, st, absPath, rootReal))) return { missing: true };
      const bytes = readFileSync(fd);
      return { bytes, stat: { size: bytes.length, mtimeMs: st.mtimeMs } };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    return { failed: (e as Error).message };
  }
}

export function runEngineTask(task: EngineTask): EngineResult {
  if (task.kind === 'bytes') return indexBytes(task.ref, task.stat, task.bytes, contentHash(task.bytes), true, true);
  const read = readTaskFile(task.absPath, task.rootReal);
  if ('missing' in read) return { kind: 'missing' };
  if (task.kind === 'lint') {
    if ('failed' in read) return { kind: 'linted', hash: '', lint: null };
    const hash = contentHash(read.bytes);
    return { kind: 'linted', hash, lint: hash === task.hash ? lintCountsOf(task.ref.relPath, read.bytes) : null };
  }
  if ('failed' in read) {
    const summary = failedSummary(task.ref, { size: 0, mtimeMs: 0 }, `Cannot read file: ${read.failed}`);
    return { kind: 'indexed', hash: '', size: 0, mtimeMs: 0, summary, fingerprints: [], parseProblem: summary.firstError, docs: [] };
  }
  const hash = contentHash(read.bytes);
  if (task.knownHash && hash === task.knownHash) return { kind: 'unchanged', hash, ...read.stat };
  return indexBytes(task.ref, read.stat, read.bytes, hash, false, task.search !== false);
}

/** The counts of the one lint run (shared/lint/file.ts), which `tapedeck lint` and the Problems panel make too. */
function lintCountsOf(relPath: string, bytes: Uint8Array): LintCounts {
  try {
    return lintCounts(lintFile(relPath, bytes).findings);
  } catch {
    return { error: 1, warning: 0, info: 0 }; // lint never throws on user files; if it does, that is an error
  }
}

function openedInside(fd: number, st: Stats, absPath: string, rootReal: string): boolean {
  try {
    const proc = procFdPath(fd);
    if (proc) return isInside(rootReal, readlinkSync(proc));
    // No /proc: the name must still resolve inside the root, to this very file.
    const real = realpathSync(absPath);
    const again = statSync(real);
    return isInside(rootReal, real) && again.dev === st.dev && again.ino === st.ino;
  } catch {
    return false;
  }
}

/**
 * `validate`: decode every body up front so a save reports undecodable bodies; indexing
 * leaves bodies lazy (the summary never needs most of them).
 */
function indexBytes(ref: SummaryRef, stat: FileStat, bytes: Uint8Array, hash: string, validate: boolean, search: boolean): EngineResult {
  let cassette: Cassette;
  let indexPath: IndexParse['path'] = 'full';
  try {
    // Saves validate with the full parser; indexing takes the fast path (same summary).
    const input = { path: ref.relPath, bytes };
    if (validate) cassette = parseCassette(input, { decodeBodies: true });
    else ({ cassette, path: indexPath } = parseCassetteForIndex({ ...input, ...hostText(bytes) }));
  } catch (e) {
    // Parsers promise never to throw; if one does, the file still gets a row.
    const summary = failedSummary(ref, stat, `Parser crashed: ${(e as Error).message}`);
    return { kind: 'indexed', hash, ...stat, summary, fingerprints: [], parseProblem: summary.firstError, docs: [] };
  }
  // Saves parsed in full already; an index row whose error lacks a line is parsed again in full.
  const { summary, docs } = validate
    ? rowAndDocs(ref, stat, cassette, search)
    : indexRowAndDocs(ref, stat, { cassette, path: indexPath }, { path: ref.relPath, bytes }, search);
  // One parse per save: fingerprints are the same from either parser (a later re-recording is
  // indexed by the index parser, and compared with these).
  return { kind: 'indexed', hash, ...stat, summary, fingerprints: fingerprintsOf(cassette), parseProblem: parseProblemOf(cassette), docs };
}

function fingerprintsOf(cassette: Cassette): string[] {
  try {
    return interactionFingerprints(cassette, crcDigest);
  } catch {
    return [];
  }
}

/**
 * The file's text, decoded natively: zlib for a gzip file (the shared gunzip is fflate's JS,
 * a hot function V8 then optimises in every worker) and Buffer's decoders, which are much
 * faster than the TextDecoder the shared parser uses. Only for plain valid UTF-8: broken gzip
 * and replacement characters go the shared way, which reports them.
 */
function hostText(bytes: Uint8Array): { text: string; textBytes: Uint8Array } | undefined {
  let buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (isGzip(buf)) {
    try {
      // Deflate expands at most 1032:1; anything claiming more is broken (as safeGunzip says),
      // and nothing past the decode cap is read (the shared path then reports it).
      buf = gunzipSync(buf, { maxOutputLength: Math.min(buf.length * 1032 + 1024, maxDecodedBytes()) });
    } catch {
      return undefined;
    }
  }
  // Most cassettes are ASCII (JSON escapes the rest): a one-byte copy, no UTF-8 decoding,
  // and nothing to check for replacement characters or a BOM.
  if (isAscii(buf)) return { text: buf.toString('latin1'), textBytes: buf };
  let s = buf.toString('utf8');
  if (s.includes('\uFFFD')) return undefined;
  // TextDecoder drops one BOM and sourceText() one more: do the same.
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  return { text: s, textBytes: buf };
}

function parseProblemOf(c: Cassette): ParseProblem | null {
  const err = c.diagnostics.find((d) => d.severity === 'error');
  if (err) {
    const p: ParseProblem = { message: err.message };
    if (err.line !== undefined) p.line = err.line;
    if (err.column !== undefined) p.column = err.column;
    return p;
  }
  if (c.format === null) {
    const why = c.diagnostics[0]?.message;
    return { message: why ? `Not a recognised cassette: ${why}` : 'Not a recognised cassette' };
  }
  return null;
}

/** Runs EngineTasks: a worker pool (pool.ts) or, without a worker script, the calling thread (in-thread-pool.ts). */
export interface EnginePool {
  /** Higher `priority` runs first within its lane (the scan passes file size: biggest first,
   *  so one huge file does not end up alone on one worker at the end of a scan). Equal
   *  priorities are FIFO. */
  run(task: EngineTask, priority?: number): Promise<EngineResult>;
  /** 'worker' or 'in-thread': which path is in use (tests assert the real worker path). */
  readonly mode: 'worker' | 'in-thread';
  readonly engineId: string;
  close(): Promise<void>;
}
