/**
 * `redact --write` and `lint --fix` on symlinked cassettes (issue #13.6): the write goes to the
 * link's target and the link stays a link; a folder scan takes a symlinked file once (by its
 * real path) when its target is inside the folders given, and says which it skipped.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintCommand } from '../../../main/cli/lint';
import { redactCommand } from '../../../main/cli/redact';

const FX = path.join(__dirname, '../../fixtures/edit');
const SECRET = 'sk-proj-Abc123def456GHI789jkl012MNO345';
let base: string;
let dir: string;

beforeEach(async () => {
  base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'tapedeck-cli-links-')));
  dir = path.join(base, 'cassettes');
  await fs.mkdir(path.join(dir, 'real'), { recursive: true });
  await fs.mkdir(path.join(base, 'elsewhere'));
  await fs.copyFile(path.join(FX, 'go-vcr-tools.yaml'), path.join(dir, 'real', 'a.yaml'));
  await fs.copyFile(path.join(FX, 'go-vcr-tools.yaml'), path.join(base, 'elsewhere', 'out.yaml'));
  await fs.symlink(path.join(dir, 'real', 'a.yaml'), path.join(dir, 'link.yaml'));
  await fs.symlink(path.join(base, 'elsewhere', 'out.yaml'), path.join(dir, 'out-link.yaml'));
  await fs.symlink(path.join(dir, 'real'), path.join(dir, 'real-again'));
});
afterEach(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

const io = () => {
  const o = { out: '', err: '' };
  return { o, io: { stdout: (s: string) => (o.out += s), stderr: (s: string) => (o.err += s), cwd: dir } };
};

describe('CLI writes through symlinks', () => {
  it('redact --write on a link writes its target and keeps the link', async () => {
    const { o, io: i } = io();
    expect(await redactCommand(['--write', 'link.yaml'], i)).toBe(0);
    expect(o.out).toContain('1 file(s) changed');
    expect((await fs.lstat(path.join(dir, 'link.yaml'))).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(path.join(dir, 'real', 'a.yaml'), 'utf8')).not.toContain(SECRET);
  });

  it('lint --fix on a link fixes its target and keeps the link', async () => {
    const { io: i } = io();
    await lintCommand(['--fix', 'link.yaml'], i);
    expect((await fs.lstat(path.join(dir, 'link.yaml'))).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(path.join(dir, 'real', 'a.yaml'), 'utf8')).not.toContain(SECRET);
  });

  it('a folder scan takes each file once by its real path, and names the links it skipped', async () => {
    const { o, io: i } = io();
    expect(await redactCommand(['.'], i)).toBe(1);
    // a.yaml is reachable as real/a.yaml, link.yaml and real-again/a.yaml: one diff.
    expect(o.out.match(/^--- a\//gm)).toEqual(['--- a/']);
    expect(o.out).toContain('--- a/real/a.yaml');
    expect(o.err).toContain('skip out-link.yaml: a symlink to a file outside the folders given');
    const w = io();
    expect(await redactCommand(['--write', '.'], w.io)).toBe(0);
    expect(w.o.out).toContain('1 file(s) changed, 2 secret(s) redacted, 1 file(s) checked');
    expect(await fs.readFile(path.join(base, 'elsewhere', 'out.yaml'), 'utf8')).toContain(SECRET);
  });

  it('lint scans a folder the same way', async () => {
    const { o, io: i } = io();
    await lintCommand(['--format', 'json', '.'], i);
    const files = (JSON.parse(o.out) as { files: { path: string }[] }).files.map((f) => f.path);
    expect(files).toEqual(['real/a.yaml']);
    expect(o.err).toContain('skip out-link.yaml');
  });
});
