/**
 * Issue #19.6 over the shared corpus: for every cassette the index lists, `tapedeck lint`, the
 * index row's counts and the app's lint worker agree (see test/unit/lint/three-ways.ts). The
 * corpus is opened where it is, read-only.
 */
import { describe, expect, it } from 'vitest';
import { countsOf, threeWays } from '../unit/lint/three-ways';
import { corpusDir, corpusExists } from './corpus-files';

describe.skipIf(!corpusExists('INDEX.tsv'))('one lint, three places, over the corpus', () => {
  it('gives every corpus cassette the same findings in the CLI, the index row and the app worker', async () => {
    const all = await threeWays(corpusDir);
    expect(all.length).toBeGreaterThan(300);
    const differ = all.filter((f) => f.cli === null || JSON.stringify(f.worker) !== JSON.stringify(f.cli) || JSON.stringify(f.row) !== JSON.stringify(countsOf(f.cli)));
    for (const f of differ.slice(0, 5)) {
      expect(f.cli, `${f.relPath}: tapedeck lint skipped a file the index lists as a cassette`).not.toBeNull();
      expect(f.worker, f.relPath).toEqual(f.cli);
      expect(f.row, f.relPath).toEqual(countsOf(f.cli!));
    }
    expect(differ.map((f) => f.relPath)).toEqual([]);
    const findings = all.reduce((n, f) => n + f.cli!.length, 0);
    console.log(`lint consistency: ${all.length} corpus cassettes, ${findings} findings, the same in all three places`);
  }, 600_000);
});
