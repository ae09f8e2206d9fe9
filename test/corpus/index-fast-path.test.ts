/**
 * The index fast path (parseCassetteForIndex) against the full parser on every corpus file:
 * same summary row, fingerprints and recorded content (positions aside), and every file the
 * full parser reports an error for goes through the full parser. Also a sample of the
 * workspace bench folder when it has been generated (scripts/bench/workspace.bench.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../shared/cassette/parse';
import { registerNodeCodecs } from '../unit/cassette/node-codecs';
import { compareFastPath } from '../unit/workspace/fast-path-compare';

const corpus = path.resolve(__dirname, '../..', '../shared/corpus');
const exists = existsSync(path.join(corpus, 'INDEX.tsv'));
if (!exists) console.warn('corpus suite skipped: ../shared/corpus not found');
const bench = path.join(tmpdir(), 'tapedeck-bench-workspace-v1');
const benchExists = existsSync(path.join(bench, '.complete'));

function check(files: string[], root: string) {
  registerNodeCodecs();
  const used: Record<string, number> = {};
  const mismatches: string[] = [];
  for (const rel of files) {
    const bytes = readFileSync(path.join(root, rel));
    const c = compareFastPath(rel, bytes);
    used[c.path] = (used[c.path] ?? 0) + 1;
    for (const k of ['summary', 'fingerprints', 'cassette'] as const)
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
    const { used, mismatches } = check(rows.map((r) => r[col]), corpus);
    console.info('index fast path on the corpus:', used);
    expect(mismatches).toEqual([]);
    // The line scanner must really be taken, or the equivalence above proves little about it.
    expect(used.scan).toBeGreaterThan(300);
  });
});

describe.skipIf(!benchExists)('bench folder sample: index fast path', () => {
  it('equals the full parser on every 10th generated file', () => {
    const files = readdirSync(bench, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && !d.name.startsWith('.'))
      .map((d) => path.relative(bench, path.join(d.parentPath, d.name)))
      .sort()
      .filter((_, i) => i % 10 === 0);
    const { used, mismatches } = check(files, bench);
    expect(mismatches).toEqual([]);
    // Every generated YAML file is recorder-shaped: the line scanner must read them all.
    expect(used.scan).toBe(files.filter((f) => !f.endsWith('.har')).length);
  });
});
if (!benchExists) console.warn('bench sample skipped: run `node scripts/bench.mjs workspace` once to generate it');
