/**
 * Semantic diffs of files on disk and of a git work tree against a revision, for the CLI and
 * the app backend. Parsing never throws on user files: an unreadable or broken side is a
 * cassette with error diagnostics, listed in the file's `errors`.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseCassette } from '../../shared/cassette/parse';
import { diffCassettes } from '../../shared/diff/diff-cassettes';
import type { DiffOptions, DiffReport, FileDiff } from '../../shared/diff/types';
import type { Cassette } from '../../shared/model/cassette';
import { changedCassettes } from './changed-files';
import { GitError, gitTopLevel, readBlobs } from './git-run';

const empty = (p: string): Cassette => ({ path: p, format: null, formatVersion: null, interactions: [], recordedWith: null, diagnostics: [] });

export function parseBytes(p: string, bytes: Uint8Array | null): Cassette {
  return bytes === null ? empty(p) : parseCassette({ path: p, bytes });
}

async function readCassette(file: string, shown: string): Promise<Cassette> {
  try {
    return parseBytes(shown, new Uint8Array(await readFile(file)));
  } catch (err) {
    return { ...empty(shown), diagnostics: [{ severity: 'error', code: 'file.unreadable', message: `${shown}: ${(err as Error).message}` }] };
  }
}

function errorsOf(...cs: Cassette[]): string[] {
  const out: string[] = [];
  for (const c of cs)
    for (const d of c.diagnostics)
      if (d.severity === 'error') out.push(d.line ? `${c.path}:${d.line}:${d.column ?? 1} ${d.message}` : d.message.startsWith(c.path) ? d.message : `${c.path}: ${d.message}`);
  return out;
}

export function fileDiff(shown: string, status: FileDiff['status'], a: Cassette, b: Cassette, opts: DiffOptions): FileDiff {
  return { path: shown, status, diff: diffCassettes(a, b, opts), errors: errorsOf(a, b) };
}

export async function diffTwoFiles(fileA: string, fileB: string, shownA: string, shownB: string, opts: DiffOptions): Promise<DiffReport> {
  const [a, b] = await Promise.all([readCassette(fileA, shownA), readCassette(fileB, shownB)]);
  const f = fileDiff(shownB, 'modified', a, b, opts);
  return { against: shownA, files: [f], changed: f.diff.changed };
}

/** Every cassette under `paths` (absolute) that differs between `rev` and the work tree. */
export async function diffWorkTree(cwd: string, rev: string, paths: string[], opts: DiffOptions): Promise<DiffReport> {
  const at = paths[0] ?? cwd;
  const top = await gitTopLevel((await stat(at)).isDirectory() ? at : path.dirname(at));
  if (top === null) throw new GitError(`${at} is not in a git work tree`);
  const changed = await changedCassettes(top, rev, paths);
  const old = await readBlobs(top, rev, changed.map((c) => (c.status === 'added' ? '' : c.rel)).filter((r) => r !== ''));
  let k = 0;
  const files: FileDiff[] = [];
  for (const c of changed) {
    const abs = path.join(top, c.rel);
    const shown = path.relative(cwd, abs).split(path.sep).join('/') || c.rel;
    const before = c.status === 'added' ? empty(`${rev}:${c.rel}`) : parseBytes(`${rev}:${c.rel}`, old[k++]);
    const after = c.status === 'deleted' ? empty(shown) : await readCassette(abs, shown);
    files.push(fileDiff(shown, c.status, before, after, opts));
  }
  return { against: `git ${rev}`, files, changed: files.some((f) => f.diff.changed) };
}
