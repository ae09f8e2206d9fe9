/**
 * Issue #19.6: the Problems panel, the sidebar's counts and `tapedeck lint` show the same
 * findings for the same file. For every cassette the index lists in test/fixtures: the CLI's
 * findings equal the app worker's, and the index row's counts are theirs.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countsOf, threeWays } from './three-ways';

const dir = mkdtempSync(join(tmpdir(), 'tapedeck-lint-fixtures-'));
cpSync(join(__dirname, '../../fixtures'), join(dir, 'fixtures'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one lint, three places', () => {
  it('gives every fixture cassette the same findings in the CLI, the index row and the app worker', async () => {
    const all = await threeWays(dir);
    expect(all.length).toBeGreaterThan(120);
    for (const f of all) {
      expect(f.cli, `${f.relPath}: tapedeck lint skipped a file the index lists as a cassette`).not.toBeNull();
      expect(f.worker, f.relPath).toEqual(f.cli);
      expect(f.row, f.relPath).toEqual(countsOf(f.cli!));
    }
    // Not a vacuous comparison: the fixtures have findings of every severity.
    const total = all.reduce((n, f) => ({ error: n.error + f.row!.error, warning: n.warning + f.row!.warning, info: n.info + f.row!.info }), { error: 0, warning: 0, info: 0 });
    expect(total.error).toBeGreaterThan(10);
    expect(total.warning).toBeGreaterThan(10);
    expect(total.info).toBeGreaterThan(0);
  }, 240_000);
});
