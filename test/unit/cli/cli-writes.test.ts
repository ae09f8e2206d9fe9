/**
 * The real `tapedeck` CLI (bundled once, run as a child process) writing real temp files:
 * `redact --write` and `lint --fix` keep a UTF-8 BOM, CRLF line ends and a missing final newline
 * byte for byte (issue #13.2), and refuse a read-only file with a one-line error naming it,
 * leaving its bytes and mode alone, as the app does (issue #13.5).
 */
import { spawnSync } from 'node:child_process';
import { promises as fs, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const FX = path.join(ROOT, 'test/fixtures/flow/vcrpy-single.yaml');
const SECRET = 'sk-proj-Fx7kQ2mZ9pL4vB8nR1tY6wC3hJ5dG0sA';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

// The CLI as `npm run build` bundles it (ESM with a require shim for bundled CommonJS).
const bundleDir = mkdtempSync(path.join(os.tmpdir(), 'tapedeck-cli-bundle-'));
const cli = path.join(bundleDir, 'cli.mjs');
buildSync({
  entryPoints: [path.join(ROOT, 'main/cli/main.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: cli,
  external: ['electron', 'fsevents'],
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  logLevel: 'silent',
});
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tapedeck-cli-writes-'));
  return () => fs.rm(dir, { recursive: true, force: true });
});

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The fixture with a BOM, CRLF line ends and no final newline. */
async function windowsCopy(name: string): Promise<{ file: string; lf: string }> {
  const lf = (await fs.readFile(FX, 'utf8')).replace(/\n$/, '');
  const file = path.join(dir, name);
  await fs.writeFile(file, Buffer.concat([BOM, Buffer.from(lf.replace(/\n/g, '\r\n'))]));
  return { file, lf };
}

/** The bytes a write must produce from the edited LF text: BOM, CRLF, no final newline. */
const envelope = (lf: string) => Buffer.concat([BOM, Buffer.from(lf.replace(/\n/g, '\r\n'))]);

describe('CLI writes keep the bytes around the edit', () => {
  it('redact --write keeps BOM, CRLF and the missing final newline', async () => {
    const { file, lf } = await windowsCopy('a.yaml');
    const r = run('redact', '--write', 'a.yaml');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/redacted 1 secret\(s\) in a\.yaml/);
    expect((await fs.readFile(file)).equals(envelope(lf.replace(SECRET, 'REDACTED')))).toBe(true);
  });

  it('lint --fix keeps them too, and its added lines end in CRLF', async () => {
    const { file, lf } = await windowsCopy('b.yaml');
    const r = run('lint', '--fix', 'b.yaml');
    expect(r.out).toMatch(/b\.yaml: fixed: /);
    const after = await fs.readFile(file);
    expect(after.subarray(0, 3).equals(BOM)).toBe(true);
    const text = after.subarray(3).toString('utf8');
    expect(text.endsWith('\n')).toBe(false);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // The secret is redacted and `data: [DONE]` added as its own line of the folded
    // single-quoted body; every other line keeps its bytes.
    const want = lf.replace(SECRET, 'REDACTED').replace(`"finish_reason":"stop"}]}\n\n\n`, `"finish_reason":"stop"}]}\n\n\n        data: [DONE]\n\n\n`);
    expect(after.equals(envelope(want))).toBe(true);
  });
});

describe('CLI writes refuse a read-only file', () => {
  it('redact --write: one line naming the file, exit 1, bytes and mode untouched; other files written', async () => {
    const { file } = await windowsCopy('locked.yaml');
    const { file: open } = await windowsCopy('open.yaml');
    await fs.chmod(file, 0o444);
    const before = await fs.readFile(file);
    const r = run('redact', '--write', '.');
    expect(r.code).toBe(1);
    expect(r.err).toBe('tapedeck redact: locked.yaml is read-only; not written (make it writable, e.g. chmod u+w, to change it)\n');
    expect((await fs.readFile(file)).equals(before)).toBe(true);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o444);
    expect(await fs.readFile(open, 'utf8')).not.toContain(SECRET);
    expect(r.out).toMatch(/^1 file\(s\) changed, 1 secret\(s\) redacted, 2 file\(s\) checked$/m);
  });

  it('lint --fix: one line naming the file, exit 1, bytes and mode untouched', async () => {
    const { file } = await windowsCopy('locked.yaml');
    await fs.chmod(file, 0o444);
    const before = await fs.readFile(file);
    const r = run('lint', '--fix', 'locked.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toBe('tapedeck lint: locked.yaml is read-only; not written (make it writable, e.g. chmod u+w, to change it)\n');
    expect(r.out).not.toMatch(/fixed:/);
    // The findings are still reported, as without --fix.
    expect(r.out).toMatch(/locked\.yaml:\d+:\d+: \w+ stream\/missing-done/);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o444);
  });
});
