import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gzipSync, gunzipSync } from 'fflate';
import { lintCommand } from '../../../main/cli/lint';
import { fixturePath } from './helpers';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tapedeck-lint-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function copy(code: string, kind: 'bad' | 'good', as = `${code.replace('/', '--')}.${kind}.yaml`): string {
  const to = path.join(dir, as);
  mkdirSync(path.dirname(to), { recursive: true });
  cpSync(fixturePath(code, kind), to);
  return to;
}

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await lintCommand(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir });
  return { code, stdout, stderr };
}

describe('tapedeck lint', () => {
  it('exits 0 on clean files and on warnings only', async () => {
    copy('stream/missing-done', 'good');
    expect((await run('.')).code).toBe(0);
    copy('tool-call/positional-id', 'bad'); // warnings only
    const r = await run('.');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tool-call--positional-id\.bad\.yaml:22:164: warning tool-call\/positional-id: /);
    expect(r.stdout).toContain('2 file(s): 0 error(s), 2 warning(s)');
  });

  it('exits 1 on error-level findings, 0 once the rule is turned off', async () => {
    const f = copy('tool-result/unknown-id', 'bad');
    expect((await run(f)).code).toBe(1);
    const off = await run('--rule', 'tool-result/unknown-id=off', f);
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('tool-result/unknown-id');
    expect((await run('--rule=tool-result=warning', f)).code).toBe(0);
  });

  it('exits 2 with a usage message on bad usage', async () => {
    for (const argv of [[], ['--format', 'xml', '.'], ['--rule', 'nope=off', '.'], ['--rule', 'stream/missing-done=loud', '.'], ['--bogus', '.']]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage: tapedeck lint');
    }
  });

  it('recurses into folders, skipping .git, node_modules and files that are not cassettes', async () => {
    copy('stream/missing-done', 'bad', 'a/b/c.yaml');
    copy('stream/missing-done', 'bad', 'node_modules/x/c.yaml');
    copy('stream/missing-done', 'bad', '.git/c.yaml');
    writeFileSync(path.join(dir, 'a', 'package.json'), '{"name":"x"}');
    writeFileSync(path.join(dir, 'a', 'workflow.yml'), 'on: push\njobs: {}\n');
    const r = await run('--format', 'json', '.');
    const json = JSON.parse(r.stdout);
    expect(json.files.map((f: { path: string }) => f.path)).toEqual(['a/b/c.yaml']);
  });

  it('--format json lists findings with positions and fixability', async () => {
    copy('stream/missing-done', 'bad');
    const r = await run('--format', 'json', '.');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.version).toBe(1);
    expect(json.summary).toMatchObject({ error: 1, fixable: 1 });
    expect(json.files[0].findings[0]).toMatchObject({ code: 'stream/missing-done', severity: 'error', line: 31, column: 7, interaction: 0, fixable: true });
  });

  it('--format sarif is SARIF 2.1.0 with rules, levels, relative uris and regions', async () => {
    copy('tool-result/unknown-id', 'bad', 'cassettes/x.yaml');
    const r = await run('--format', 'sarif', 'cassettes');
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const run0 = sarif.runs[0];
    expect(run0.tool.driver.name).toBe('tapedeck');
    const ids = run0.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toContain('tool-result/unknown-id');
    expect(run0.tool.driver.rules.every((x: { shortDescription: { text: string } }) => x.shortDescription.text.length > 10)).toBe(true);
    const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'tool-result/unknown-id');
    expect(res.level).toBe('error');
    expect(res.message.text).toContain('"test-3"');
    expect(ids[res.ruleIndex]).toBe('tool-result/unknown-id');
    expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('cassettes/x.yaml');
    expect(res.locations[0].physicalLocation.region).toEqual({ startLine: 19, startColumn: expect.any(Number) });
    expect(run0.results.find((x: { ruleId: string }) => x.ruleId === 'tool-call/positional-id').level).toBe('warning');
  });

  it('--fix applies the safe fixes atomically, reports them, and exits by what is left', async () => {
    const a = copy('stream/missing-done', 'bad');
    const b = copy('secret/header-authorization', 'bad');
    const c = copy('tool-result/unknown-id', 'bad'); // not fixable
    const before = readFileSync(c, 'utf8');
    const r = await run('--fix', '.');
    expect(r.stdout).toContain('fixed: Append `data: [DONE]` to the stream (interaction 0)');
    expect(r.stdout).toContain('fixed: Redact the secrets the built-in rules find');
    expect(r.code).toBe(1); // the unknown ids remain
    expect(readFileSync(a, 'utf8')).toContain('      data: [DONE]\n');
    expect(readFileSync(b, 'utf8')).toContain('Bearer REDACTED');
    expect(readFileSync(c, 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((n) => n.includes('tapedeck-tmp'))).toEqual([]);
    const again = await run('--rule', 'tool-result=off', '.');
    expect(again.code).toBe(0);
  });

  it('--fix keeps a gzipped cassette gzipped', async () => {
    const src = readFileSync(fixturePath('stream/missing-done', 'bad'));
    const f = path.join(dir, 'x.yaml.gz');
    writeFileSync(f, gzipSync(new Uint8Array(src)));
    const r = await run('--fix', '--format', 'json', f);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('fixed: Append `data: [DONE]`');
    expect(new TextDecoder().decode(gunzipSync(new Uint8Array(readFileSync(f))))).toContain('data: [DONE]');
  });
});
