/**
 * The rows of one opened folder: relative path → summary, size, mtime, hash, fingerprints.
 * Every change goes through here so the UI batch hears of it (upsert or remove), and a file
 * that goes away bumps its generation, which cancels its pending retries.
 */
import type { CassetteRef } from '../../shared/api/contract';
import type { CassetteSummary } from '../../shared/model/summary';
import type { InteractionDoc } from '../../shared/search/doc';
import { isStrictlyUnder } from '../../shared/workspace/coalesce';
import { diffInteractions } from '../../shared/workspace/diff-interactions';
import { listedOnlyWhenDetected } from '../../shared/workspace/summarize';
import type { Batcher } from './batcher';
import type { CacheEntry } from './cache';
import type { IndexResult } from './engine';

export interface FileEntry {
  summary: CassetteSummary;
  size: number;
  mtimeMs: number;
  /** sha1 of the content; null while the file is pending. */
  hash: string | null;
  fingerprints: string[] | null;
  /** Full-text search documents (kept with the summary cache). */
  docs: InteractionDoc[];
}

export const revisionOf = (size: number, mtimeMs: number, hash: string): string =>
  `${size}-${Math.trunc(mtimeMs)}-${hash.slice(0, 8)}`;

/** `.json` files are only listed once they detect as a cassette. */
export const isListed = (relPath: string, s: CassetteSummary): boolean =>
  !listedOnlyWhenDetected(relPath) || s.format !== null;

// The order the sidebar sorts names in (localeCompare); a Collator is its fast form.
const byPath = new Intl.Collator();

export class RootRows {
  readonly entries = new Map<string, FileEntry>();
  private generations = new Map<string, number>();
  /** Paths in path order, for search results; rebuilt only when a path comes or goes. */
  private ordered: string[] | null = null;

  constructor(private readonly rootId: string) {}

  ref(relPath: string): CassetteRef {
    return { rootId: this.rootId, relPath };
  }

  /**
   * Files in path order: results (and which files make the cap) must not depend on the order
   * the index workers happened to answer in, which differs between a scan and a cached reopen.
   */
  *searchable(): Iterable<{ relPath: string; docs: InteractionDoc[] }> {
    this.ordered ??= [...this.entries.keys()].sort(byPath.compare);
    for (const relPath of this.ordered) {
      const e = this.entries.get(relPath);
      if (e?.docs.length && isListed(relPath, e.summary)) yield { relPath, docs: e.docs };
    }
  }

  listed(): CassetteSummary[] {
    const out: CassetteSummary[] = [];
    for (const [rel, e] of this.entries) if (isListed(rel, e.summary)) out.push(e.summary);
    return out;
  }

  /** Invalidates in-flight retries for a file (a newer change or our own save supersedes them). */
  bump(relPath: string): number {
    const g = (this.generations.get(relPath) ?? 0) + 1;
    this.generations.set(relPath, g);
    return g;
  }

  isCurrent(relPath: string, generation: number): boolean {
    return this.generations.get(relPath) === generation;
  }

  set(rel: string, entry: FileEntry, batch: Batcher): void {
    const before = this.entries.get(rel);
    if (!before) this.ordered = null;
    this.entries.set(rel, entry);
    if (isListed(rel, entry.summary)) batch.upsert(entry.summary);
    else if (before && isListed(rel, before.summary)) batch.remove(this.ref(rel));
  }

  delete(rel: string, batch: Batcher): void {
    const e = this.entries.get(rel);
    if (!e) return;
    this.entries.delete(rel);
    this.ordered = null;
    this.bump(rel);
    if (isListed(rel, e.summary)) batch.remove(this.ref(rel));
  }

  deleteTree(path: string, batch: Batcher): void {
    for (const rel of [...this.entries.keys()]) if (rel === path || isStrictlyUnder(rel, path)) this.delete(rel, batch);
  }

  /** A worker's answer for `rel`; with `report`, a content change is announced with the interactions it touched. */
  applyResult(rel: string, res: IndexResult, prev: FileEntry | CacheEntry | null, batch: Batcher, report: boolean): void {
    if (res.kind === 'missing') return this.delete(rel, batch);
    if (res.kind === 'unchanged') {
      if (!prev) return;
      const summary = { ...prev.summary, rootId: this.rootId, relPath: rel, size: res.size, mtimeMs: res.mtimeMs };
      return this.set(rel, { ...prev, docs: prev.docs ?? [], summary, size: res.size, mtimeMs: res.mtimeMs }, batch);
    }
    if (report && prev?.hash && prev.hash !== res.hash)
      batch.change({
        ...this.ref(rel),
        revision: revisionOf(res.size, res.mtimeMs, res.hash),
        changedInteractions: diffInteractions(prev.fingerprints, res.fingerprints),
      });
    this.set(rel, { summary: res.summary, size: res.size, mtimeMs: res.mtimeMs, hash: res.hash, fingerprints: res.fingerprints, docs: res.docs }, batch);
  }

  /** What the summary cache keeps: rows that have been parsed. */
  cacheEntries(): [string, CacheEntry][] {
    const out: [string, CacheEntry][] = [];
    for (const [rel, e] of this.entries)
      if (e.hash && e.fingerprints) out.push([rel, { size: e.size, mtimeMs: e.mtimeMs, hash: e.hash, fingerprints: e.fingerprints, summary: e.summary, docs: e.docs }]);
    return out;
  }
}
