/**
 * `tapedeck diff` through the real CLI in a child process, on real git repositories in temp
 * folders (init, commit, modify): exit codes, --git file selection (modified, added, untracked,
 * deleted), and the three output formats.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../../shared/diff/types';
import { fixtureDir } from '../diff/load';
import { useCli } from './cli-child';

const fx = (n: string) => join(fixtureDir, n);
const cli = useCli('tapedeck-diff-', { args: ['diff'] });
const run = cli.run;
const git = (...args: string[]) => execFileSync('git', args, { cwd: cli.dir, stdio: 'pipe' });

beforeAll(() => {
  const dir = cli.dir;
  git('init', '-q');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 'T');
  mkdirSync(join(dir, 'cassettes/sub'), { recursive: true });
  copyFileSync(fx('go-vcr-base.yaml'), join(dir, 'cassettes/weather.yaml'));
  copyFileSync(fx('go-vcr-base.yaml'), join(dir, 'cassettes/ids-only.yaml'));
  copyFileSync(fx('vcrpy-base.yaml'), join(dir, 'cassettes/sub/bonjour.yaml'));
  copyFileSync(fx('har-base.har'), join(dir, 'cassettes/gone.har'));
  writeFileSync(join(dir, 'notes.txt'), 'not a cassette\n');
  git('add', '.');
  git('commit', '-qm', 'record');
  // The re-record: one changed tool argument, one ids-only change, a changed model, a
  // deleted file, a new untracked cassette, and a non-cassette edit that must be ignored.
  copyFileSync(fx('go-vcr-tool-arg.yaml'), join(dir, 'cassettes/weather.yaml'));
  copyFileSync(fx('go-vcr-rerecord.yaml'), join(dir, 'cassettes/ids-only.yaml'));
  copyFileSync(fx('vcrpy-model.yaml'), join(dir, 'cassettes/sub/bonjour.yaml'));
  unlinkSync(join(dir, 'cassettes/gone.har'));
  copyFileSync(fx('vcrpy-added.yaml'), join(dir, 'cassettes/new.yaml'));
  writeFileSync(join(dir, 'notes.txt'), 'changed\n');
});

describe('tapedeck diff A B', () => {
  it('exits 0 for an ids/dates-only re-record and 1 for a changed tool argument', async () => {
    const [same, changed] = await Promise.all([run(fx('go-vcr-base.yaml'), fx('go-vcr-rerecord.yaml')), run(fx('go-vcr-base.yaml'), fx('go-vcr-tool-arg.yaml'))]);
    expect(same.code, same.err).toBe(0);
    expect(same.out).toMatch(/no semantic change/);
    expect(changed.code).toBe(1);
    expect(changed.out).toContain('response.toolCalls[0].arguments:');
    expect(changed.out).toContain('$.city: "Paris" → "Paris, FR"');
  });

  it('shows volatile fields with --show-volatile without counting them', async () => {
    const r = await run('--show-volatile', fx('go-vcr-base.yaml'), fx('go-vcr-rerecord.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('(info) response.header x-request-id: "req_aaa" → "req_zzz"');
  });

  it('exits 2 on bad usage', async () => {
    const cases = [[fx('go-vcr-base.yaml')], ['--format', 'xml', 'a', 'b'], ['--git', 'no-such-rev'], ['--bogus']];
    const results = await Promise.all(cases.map((argv) => run(...argv)));
    for (const [k, r] of results.entries()) {
      expect(r.code, cases[k].join(' ')).toBe(2);
      expect(r.err).not.toBe('');
    }
  });
});

describe('tapedeck diff --git', () => {
  it('lists every changed cassette under PATH against HEAD, with new and deleted files', async () => {
    const r = await run('--git', '--format', 'json');
    expect(r.code, r.err).toBe(1);
    const report = JSON.parse(r.out) as DiffReport;
    expect(report.against).toBe('git HEAD');
    expect(report.files.map((f) => [f.path, f.status, f.diff.changed])).toEqual([
      ['cassettes/gone.har', 'deleted', true],
      ['cassettes/ids-only.yaml', 'modified', false],
      ['cassettes/new.yaml', 'added', true],
      ['cassettes/sub/bonjour.yaml', 'modified', true],
      ['cassettes/weather.yaml', 'modified', true],
    ]);
    expect(report.files[2].diff.pairs.map((p) => p.status)).toEqual(['added', 'added']);
  });

  it('takes REV and PATH, and exits 0 when only volatile fields changed under PATH', async () => {
    const [sub, idsOnly] = await Promise.all([run('--git', 'HEAD', 'cassettes/sub'), run('--git', 'cassettes/ids-only.yaml')]);
    expect(sub.code).toBe(1);
    expect(sub.out).toMatch(/^cassettes\/sub\/bonjour\.yaml \(modified\): 1 changed/);
    expect(sub.out).toContain('request.model: "claude-sonnet-4-5" → "claude-haiku-4-5"');
    expect(idsOnly.code, idsOnly.err).toBe(0);
  });

  it('writes a PR comment in markdown: summary table, then folded details', async () => {
    const r = await run('--git', '--format', 'markdown');
    expect(r.code).toBe(1);
    expect(r.out).toContain('| File | Status | Interactions | Δ input tokens | Δ output tokens | Δ cost |');
    expect(r.out).toMatch(/\| <code>cassettes\/sub\/bonjour\.yaml<\/code> \| modified: 1 changed \| 1 → 1 \| 0 \| 0 \| −\$0\.\d+ \|/);
    expect(r.out).toContain('<details><summary><code>cassettes/weather.yaml</code>: 2 changed</summary>');
    expect(r.out).not.toContain('<summary><code>cassettes/ids-only.yaml');
  });
});
