/**
 * Bad input on the command line, through the real CLI in a child process (bundled once): the
 * user sees one clear line per problem, never a stack or a usage dump for a typo, and a file
 * that is no cassette exits 1 saying so.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCli } from './cli-child';

const dialects = fileURLToPath(new URL('../../fixtures/dialects/', import.meta.url));

const cli = useCli('tapedeck-bad-input-');
const run = cli.run;

beforeAll(() => {
  const dir = cli.dir;
  mkdirSync(join(dir, 'folder/sub'), { recursive: true });
  copyFileSync(join(dialects, 'openai-chat-stream.yaml'), join(dir, 'folder/a.yaml'));
  copyFileSync(join(dialects, 'anthropic-stream.yaml'), join(dir, 'folder/sub/b.yaml'));
  writeFileSync(join(dir, 'folder/package.json'), '{"name":"not-a-cassette"}\n');
  writeFileSync(join(dir, 'empty.yaml'), '');
  writeFileSync(join(dir, 'image.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(dir, 'noise.har'), Buffer.from(Array.from({ length: 600 }, (_, i) => 0x80 + ((i * 37) % 0x40))));
});

describe('the CLI on bad input', () => {
  it('a missing file prints only the one error line', async () => {
    expect(await run('inspect', 'missing.yaml')).toEqual({ code: 1, out: '', err: 'missing.yaml: cannot read: no such file or directory\n' });
    expect(await run('lint', 'missing.yaml')).toEqual({ code: 2, out: '', err: 'tapedeck lint: no such file or folder: missing.yaml\n' });
    expect(await run('redact', 'missing.yaml')).toEqual({ code: 2, out: '', err: 'tapedeck redact: no such file or folder: missing.yaml\n' });
  });

  it('a 0-byte or binary file exits 1 with "not a cassette"', async () => {
    expect(await run('inspect', 'empty.yaml')).toEqual({ code: 1, out: '', err: 'empty.yaml: not a cassette: the file is empty\n' });
    for (const f of ['image.yaml', 'noise.har']) {
      expect(await run('inspect', f)).toEqual({ code: 1, out: '', err: `${f}: not a cassette: the file is binary data, not YAML or JSON text\n` });
      const json = await run('inspect', '--json', f);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.out).diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'file.binary' })]);
    }
  });

  it('lint says the same of a file it is given by name (a folder walk skips such files)', async () => {
    const [empty, json, image] = await Promise.all([run('lint', 'empty.yaml'), run('lint', 'folder/package.json'), run('lint', 'image.yaml')]);
    expect(empty).toEqual({ code: 1, out: 'empty.yaml:1:1: error cassette/parse-error: Not a cassette: the file is empty\n1 file(s): 1 error(s), 0 warning(s), 0 info\n', err: '' });
    expect(json).toMatchObject({ code: 1, out: expect.stringContaining('Not a cassette: no recorder layout found') });
    expect(image.out).toContain('Not a cassette: the file is binary data');
  });

  it('inspect on a folder lists its cassettes (recursively, skipping other JSON) like lint does', async () => {
    const r = await run('inspect', '--json', 'folder');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const files = r.out.trim().split('\n').map((l) => JSON.parse(l) as { file: string; format: string });
    expect(files.map((f) => [f.file, f.format])).toEqual([
      ['folder/a.yaml', 'go-vcr'],
      ['folder/sub/b.yaml', 'go-vcr'],
    ]);
    const text = await run('inspect', 'folder');
    expect(text.out).toMatch(/^folder\/a\.yaml {2}\(go-vcr v2, 2 interactions\)/);
    expect(text.out).toContain('\nfolder/sub/b.yaml  (go-vcr v2');
  });
});
