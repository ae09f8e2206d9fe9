/**
 * The index fast path (parseCassetteForIndex) against the full parser on every corpus file:
 * same summary row, fingerprints and recorded content (positions aside), and every file the
 * full parser reports an error for goes through the full parser. Also a sample of the
 * workspace bench's generated folder (scripts/bench/workspace-files.ts), generated here in
 * memory, so it runs with or without the corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../shared/cassette/parse';
import { registerNodeCodecs } from '../../main/backend/node-codecs';
import { compareFastPath } from '../unit/workspace/fast-path-compare';
import { benchFiles } from '../../scripts/bench/workspace-files';

const corpus = path.resolve(__dirname, '../..', '../shared/corpus');
const exists = existsSync(path.join(corpus, 'INDEX.tsv'));
if (!exists) console.warn('corpus suite skipped: ../shared/corpus not found');

function check(files: Iterable<{ rel: string; bytes: Uint8Array }>) {
  registerNodeCodecs();
  const used: Record<string, number> = {};
  const mismatches: string[] = [];
  for (const { rel, bytes } of files) {
    const c = compareFastPath(rel, bytes);
    used[c.path] = (used[c.path] ?? 0) + 1;
    for (const k of ['summary', 'fingerprints', 'cassette', 'docs'] as const)
      if (JSON.stringify(c.fast[k]) !== JSON.stringify(c.full[k])) mismatches.push(`${rel}: ${k}`);
    if (c.path !== 'full' && parseCassette({ path: rel, bytes }).diagnostics.some((d) => d.severity === 'error'))
      mismatches.push(`${rel}: the full parser reports an error but the fast path read it`);
  }
  return { used, mismatches };
}

describe.skipIf(!exists)('corpus: index fast path', () => {
  it('equals the full parser on every corpus file', () => {
    const rows = readFileSync(path.join(corpus, 'INDEX.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
    const col = rows.shift()!.indexOf('local_path');
    const files = rows.map((r) => ({ rel: r[col], bytes: readFileSync(path.join(corpus, r[col])) }));
    const { used, mismatches } = check(files);
    console.info('index fast path on the corpus:', used);
    expect(mismatches).toEqual([]);
    // The line scanner must really be taken, or the equivalence above proves little about it.
    expect(used.scan).toBeGreaterThan(300);
  });
});

describe('bench folder sample: index fast path', () => {
  it('equals the full parser on every 10th generated file', () => {
    const enc = new TextEncoder();
    const sample = [...benchFiles()]
      .filter((_, i) => i % 10 === 0)
      .map((f) => ({ rel: f.rel, bytes: typeof f.data === 'string' ? enc.encode(f.data) : f.data }));
    const { used, mismatches } = check(sample);
    expect(mismatches).toEqual([]);
    // Every generated YAML file is recorder-shaped: the line scanner must read them all.
    expect(used.scan).toBe(sample.filter((f) => !f.rel.endsWith('.har')).length);
  });
});
