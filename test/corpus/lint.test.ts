/**
 * Lint over the shared corpus: never crashes, prints counts per rule, and finds the rewritten
 * tool-call ids in the reference cassette (Kimi's add:0/multiply:1 answered as test-3/test-4).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixesDetailed, lintCassette } from '../../shared/lint/engine';
import { parseCassette } from '../../shared/cassette/parse';
import { utf8Encode } from '../../shared/util/bytes';

const corpus = path.resolve(__dirname, '../../../shared/corpus');
const exists = existsSync(path.join(corpus, 'INDEX.tsv'));
if (!exists) console.warn('corpus suite skipped: ../shared/corpus not found');

const REFERENCE =
  'go-vcr/fantasy/_history/ad6c0291c3d423f8a531d2d4f7b5a7af0b3d8018/providertests/testdata/TestOpenRouterWithUniqueToolCallIDs/stream_unique_tool_call_ids.yaml';

function files(): string[] {
  return readFileSync(path.join(corpus, 'INDEX.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t')[0]);
}

describe.skipIf(!exists)('lint over the corpus', () => {
  it('runs on every file without crashing and counts findings per rule', () => {
    const counts = new Map<string, number>();
    const list = files();
    for (const rel of list) {
      const findings = lintCassette(new Uint8Array(readFileSync(path.join(corpus, rel))), rel);
      const internal = findings.filter((f) => f.code === 'lint/internal');
      expect(internal, rel).toEqual([]);
      for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    }
    const table = [...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([c, n]) => `${String(n).padStart(5)}  ${c}`);
    console.log(`lint findings over ${list.length} corpus files:\n${table.join('\n')}`);
    expect(list.length).toBeGreaterThan(300);
  });

  it('reports the rewritten tool-call ids of the reference cassette', () => {
    const f = lintCassette(new Uint8Array(readFileSync(path.join(corpus, REFERENCE))), REFERENCE);
    const unknown = f.filter((x) => x.code === 'tool-result/unknown-id');
    expect(unknown.map((x) => [x.interaction, x.line, x.severity])).toEqual([
      [1, 132, 'error'],
      [1, 132, 'error'],
    ]);
    expect(unknown[0].message).toContain('"test-3" answers no call of interaction 0; by position it answers "add:0" (add)');
    expect(unknown[1].message).toContain('"test-4" answers no call of interaction 0; by position it answers "multiply:1" (multiply)');
    expect(f.filter((x) => x.code === 'tool-call/positional-id').map((x) => x.line)).toEqual([61, 87]);
  });

  it('fixes corpus files losslessly: every fixable file still parses with the same interactions', () => {
    let fixed = 0;
    for (const rel of files()) {
      if (rel.endsWith('.gz')) continue;
      const text = readFileSync(path.join(corpus, rel), 'utf8');
      const findings = lintCassette(text, rel).filter((x) => x.fix);
      if (findings.length === 0) continue;
      const rep = applyFixesDetailed(text, findings);
      expect(rep.failed, rel).toEqual([]);
      const before = parseCassette({ path: rel, bytes: utf8Encode(text) });
      const after = parseCassette({ path: rel, bytes: utf8Encode(rep.text) });
      expect(after.diagnostics.filter((d) => d.severity === 'error'), rel).toEqual([]);
      expect(after.interactions.length, rel).toBe(before.interactions.length);
      const left = lintCassette(rep.text, rel).filter((x) => x.fix);
      expect(left.map((x) => x.code), rel).toEqual([]);
      fixed++;
    }
    console.log(`fixed ${fixed} corpus files in memory`);
    expect(fixed).toBeGreaterThan(0);
  });
});
