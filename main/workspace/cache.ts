/**
 * On-disk summary cache, one JSON file per root in `cacheDir`. An entry is trusted without
 * reading the file when size and mtime match; otherwise the worker hashes the content and
 * skips parsing when the hash matches (a `touch` or a checkout of identical bytes). The
 * engine id (a hash of the worker bundle) is part of the key, so a new parser version
 * re-indexes instead of showing stale rows.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CassetteSummary } from '../../shared/model/summary';
import type { InteractionDoc } from '../../shared/search/doc';
import { atomicWriteFile } from '../fs/atomic-write';

// 2: entries carry the full-text search documents. 3: rows carry the dashboard's dates,
// dialects and cost figures (shared/workspace/row-extras.ts).
const CACHE_FORMAT = 3;

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** sha1 of the content. */
  hash: string;
  /** Per-interaction fingerprints, for changedInteractions. */
  fingerprints: string[];
  summary: CassetteSummary;
  /** Full-text search documents (absent in entries written without search). */
  docs?: InteractionDoc[];
}

interface CacheFile {
  format: number;
  engineId: string;
  root: string;
  entries: Record<string, CacheEntry>;
}

export function cacheFileFor(cacheDir: string, rootReal: string): string {
  return join(cacheDir, `${createHash('sha1').update(rootReal).digest('hex').slice(0, 16)}.json`);
}

export async function loadCache(cacheDir: string, rootReal: string, engineId: string): Promise<Map<string, CacheEntry>> {
  try {
    const data = JSON.parse(await readFile(cacheFileFor(cacheDir, rootReal), 'utf8')) as CacheFile;
    if (data.format !== CACHE_FORMAT || data.engineId !== engineId || data.root !== rootReal) return new Map();
    return new Map(Object.entries(data.entries));
  } catch {
    return new Map(); // missing or corrupt: just index from scratch
  }
}

export async function saveCache(
  cacheDir: string,
  rootReal: string,
  engineId: string,
  entries: Iterable<[string, CacheEntry]>,
): Promise<void> {
  const data: CacheFile = { format: CACHE_FORMAT, engineId, root: rootReal, entries: Object.fromEntries(entries) };
  await mkdir(cacheDir, { recursive: true });
  await atomicWriteFile(cacheFileFor(cacheDir, rootReal), JSON.stringify(data));
}
