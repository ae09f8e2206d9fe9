import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redactCommand } from '../../../main/cli/redact';

const FX = path.join(__dirname, '../../fixtures/edit');
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tapedeck-redact-'));
  await fs.mkdir(path.join(dir, 'sub'));
  await fs.mkdir(path.join(dir, 'node_modules'));
  await fs.copyFile(path.join(FX, 'go-vcr-tools.yaml'), path.join(dir, 'sub', 'a.yaml'));
  await fs.copyFile(path.join(FX, 'polly.har'), path.join(dir, 'b.har'));
  await fs.copyFile(path.join(FX, 'go-vcr-tools.yaml'), path.join(dir, 'node_modules', 'skip.yaml'));
  await fs.writeFile(path.join(dir, 'package.json'), '{"name":"x"}\n');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await redactCommand(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: dir });
  return { code, out, err };
}

describe('tapedeck redact', () => {
  it('dry run prints a unified diff and exits 1, without touching files', async () => {
    const before = await fs.readFile(path.join(dir, 'sub', 'a.yaml'), 'utf8');
    const r = await run('.');
    expect(r.code).toBe(1);
    expect(r.out).toContain('--- a/sub/a.yaml\n+++ b/sub/a.yaml\n@@ -11,10 +11,10 @@\n');
    expect(r.out).toContain('-      - Bearer sk-proj-Abc123def456GHI789jkl012MNO345\n+      - Bearer REDACTED\n');
    expect(r.out).toContain('--- a/b.har');
    expect(r.out).not.toContain('node_modules');
    expect(await fs.readFile(path.join(dir, 'sub', 'a.yaml'), 'utf8')).toBe(before);
  });

  it('--write saves atomically keeping the mode, then a second run exits 0', async () => {
    const file = path.join(dir, 'sub', 'a.yaml');
    await fs.chmod(file, 0o640);
    const w = await run('--write', 'sub', 'b.har');
    expect(w.code).toBe(0);
    expect(w.out).toContain('2 file(s) changed');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o640);
    expect(await fs.readFile(file, 'utf8')).toContain('- Bearer REDACTED\n');
    expect((await fs.readdir(path.join(dir, 'sub'))).filter((n) => n.includes('tapedeck-tmp'))).toEqual([]);
    const again = await run('sub', 'b.har');
    expect(again).toMatchObject({ code: 0, out: '' });
  });

  it('handles .yaml.gz cassettes: re-gzipped, YAML changed only at the secret', async () => {
    const src = await fs.readFile(path.join(FX, 'vcrpy-gzip.yaml'), 'utf8');
    await fs.writeFile(path.join(dir, 'c.yaml.gz'), gzipSync(src));
    const r = await run('--write', 'c.yaml.gz');
    expect(r.code).toBe(0);
    const text = gunzipSync(await fs.readFile(path.join(dir, 'c.yaml.gz'))).toString('utf8');
    expect(text).toBe(src.replace('AIzaSyB1234567890abcdefghijklmnopqrstuv', 'REDACTED'));
  });

  it('reads and re-encodes brotli bodies, so a key inside one is redacted too', async () => {
    const key = 'sk-proj-Br0tl1Secret0123456789abcd';
    const body = brotliCompressSync(Buffer.from(`{"echo":"${key}","text":"hello"}`)).toString('base64');
    await fs.writeFile(
      path.join(dir, 'br.yaml'),
      `interactions:
- request: {body: '', headers: {}, method: GET, uri: 'https://api.openai.com/v1/models'}
  response:
    body:
      string: !!binary |
        ${body}
    headers: {Content-Encoding: [br], Content-Type: [application/json]}
    status: {code: 200, message: OK}
version: 1
`,
    );
    const r = await run('--write', 'br.yaml');
    expect(r).toMatchObject({ code: 0, out: expect.stringContaining('redacted 1 secret(s) in br.yaml') });
    const b64 = /!!binary \|\n\s+(\S+)/.exec(await fs.readFile(path.join(dir, 'br.yaml'), 'utf8'))![1];
    expect(brotliDecompressSync(Buffer.from(b64, 'base64')).toString()).toBe('{"echo":"REDACTED","text":"hello"}');
  });

  it('custom rules and replacement', async () => {
    const r = await run('--header', 'content-type', '--pattern', 'Rome', '--replacement', '<X>', 'sub/a.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toContain('+      - <X>\n');
    expect(r.out).toContain('{\\"location\\":\\"<X>\\"}');
  });

  it('exits 2 on bad usage', async () => {
    for (const argv of [[], ['--bogus', '.'], ['--pattern', '(', '.'], ['--replacement']]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toContain('Usage: tapedeck redact');
    }
  });
});
