import { readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CassetteRef } from '../../../shared/api/contract';
import { createWorkspace, type Workspace } from '../../../main/workspace/workspace';
import { goVcr, Recorder, removeDir, tempDir, vcrpy, writeFile } from './helpers';

let dir: string;
let outside: string;
let configDir: string;
let rec: Recorder;
let ws: Workspace;
let rootId: string;

beforeAll(async () => {
  dir = tempDir();
  outside = tempDir('tapedeck-outside-');
  configDir = tempDir('tapedeck-cfg-');
  writeFile(dir, 'a.yaml', goVcr([{}, {}]));
  writeFile(dir, 'lc.yaml.gz', gzipSync(Buffer.from(vcrpy())));
  writeFile(dir, 'latin1.yaml', Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
  writeFile(outside, 'secret.yaml', 'token: hunter2\n');
  symlinkSync(join(outside, 'secret.yaml'), join(dir, 'link-out.yaml'));
  symlinkSync(outside, join(dir, 'dir-out'));
  rec = new Recorder();
  ws = createWorkspace({ configDir, emit: rec.emit, workerCount: 1 });
  rootId = (await ws.openPath(dir)).roots[0].id;
  await ws.whenIndexed();
  await ws.whenWatching();
});

afterAll(async () => {
  await ws?.close();
  for (const d of [dir, outside, configDir]) removeDir(d);
});

const ref = (relPath: string): CassetteRef => ({ rootId, relPath });

describe('readCassette', () => {
  it('returns utf8 text with a revision', async () => {
    const f = await ws.readCassette(ref('a.yaml'));
    expect(f.encoding).toBe('utf8');
    expect(f.content).toBe(readFileSync(join(dir, 'a.yaml'), 'utf8'));
    expect(f.revision).toMatch(/^\d+-\d+-[0-9a-f]{8}$/);
    expect(f.size).toBe(statSync(join(dir, 'a.yaml')).size);
  });

  it('returns base64 for .gz and for non-UTF-8 bytes', async () => {
    const gz = await ws.readCassette(ref('lc.yaml.gz'));
    expect(gz.encoding).toBe('base64');
    expect(Buffer.from(gz.content, 'base64')).toEqual(readFileSync(join(dir, 'lc.yaml.gz')));
    expect((await ws.readCassette(ref('latin1.yaml'))).encoding).toBe('base64');
  });
});

describe('confinement', () => {
  const attacks: [string, string][] = [
    ['parent traversal', '../etc/passwd.yaml'],
    ['nested traversal', 'sub/../../x.yaml'],
    ['absolute POSIX path', '/etc/passwd'],
    ['absolute path into the root', '/a.yaml'],
    ['Windows drive path', 'C:\\Windows\\win.ini'],
    ['backslash traversal', '..\\x.yaml'],
    ['NUL byte', 'a.yaml\0.txt'],
    ['symlinked file pointing outside', 'link-out.yaml'],
    ['symlinked folder pointing outside', 'dir-out/secret.yaml'],
  ];
  it.each(attacks)('refuses %s for reads and saves', async (_n, relPath) => {
    await expect(ws.readCassette(ref(relPath))).rejects.toMatchObject({ code: 'path.outside-workspace' });
    await expect(
      ws.saveCassette({ ...ref(relPath), content: 'x: 1\n', encoding: 'utf8', baseRevision: '', force: true, allowInvalid: true }),
    ).rejects.toMatchObject({ code: 'path.outside-workspace' });
    expect(readFileSync(join(outside, 'secret.yaml'), 'utf8')).toBe('token: hunter2\n');
  });

  it.skipIf(process.platform === 'win32')('a backslash is part of a file name on POSIX: the listed file is the one read', async () => {
    writeFile(dir, 'odd\\name.yaml', goVcr([{}]));
    writeFile(join(dir, 'odd'), 'name.yaml', 'not: the same file\n');
    const f = await ws.readCassette(ref('odd\\name.yaml'));
    expect(f.content).toBe(readFileSync(join(dir, 'odd\\name.yaml'), 'utf8'));
  });

  it('does not list files behind outward symlinks', async () => {
    const rows = await ws.listCassettes();
    expect(rows.some((r) => r.relPath.includes('secret') || r.relPath === 'link-out.yaml')).toBe(false);
  });

  it('refuses unknown roots and non-cassette files', async () => {
    await expect(ws.readCassette({ rootId: 'nope', relPath: 'a.yaml' })).rejects.toMatchObject({ code: 'workspace.unknown-root' });
    writeFile(dir, '.env', 'KEY=1');
    await expect(ws.readCassette(ref('.env'))).rejects.toMatchObject({ code: 'path.not-cassette' });
  });
});

describe('saveCassette', () => {
  it('saves atomically, updates the row, and the watcher echo is not an external change', async () => {
    const f = await ws.readCassette(ref('a.yaml'));
    const changedBefore = rec.changed().length;
    const out = await ws.saveCassette({ ...ref('a.yaml'), content: goVcr([{}, {}, {}]), encoding: 'utf8', baseRevision: f.revision });
    expect(out.status).toBe('saved');
    if (out.status !== 'saved') return;
    expect(out.revision).not.toBe(f.revision);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(goVcr([{}, {}, {}]));
    expect((await ws.readCassette(ref('a.yaml'))).revision).toBe(out.revision);
    await rec.waitRow('a.yaml', (s) => s.interactions === 3, 'saved row');
    // Wait until the watcher's echo of the save has surely arrived, then check.
    await rec.caughtUp(dir);
    await ws.whenIndexed();
    expect(rec.changed().slice(changedBefore)).toEqual([]);
  });

  it('fingerprints a save as the indexer does: a later re-recording flags only what differs', async () => {
    // Big literal stream bodies: the index hashes them as written (shared/yaml/lazy-literal.ts), so the
    // row a save leaves behind must have been fingerprinted the same way.
    const sse = (tag: string) => Array.from({ length: 1500 }, (_, i) => `data: {"choices":[{"delta":{"content":"${tag}${i} "}}]}\n`).join('\n');
    const streams = (tags: string[]) => {
      let k = 0;
      return goVcr([{}, {}, {}]).replace(/body: '\{"id".*'/g, () => `body: |\n${sse(tags[k++]).split('\n').map((l) => (l ? `      ${l}` : l)).join('\n')}`);
    };
    writeFile(dir, 'big.yaml', streams(['a', 'b', 'c']));
    await rec.waitRow('big.yaml', (s) => s.interactions === 3, 'big file indexed');
    const f = await ws.readCassette(ref('big.yaml'));
    const out = await ws.saveCassette({ ...ref('big.yaml'), content: streams(['a', 'b', 'd']), encoding: 'utf8', baseRevision: f.revision });
    expect(out.status).toBe('saved');
    await rec.caughtUp(dir);
    await ws.whenIndexed();
    const before = rec.changed().length;
    writeFileSync(join(dir, 'big.yaml'), streams(['a', 'B', 'd']));
    await rec.waitFor(() => rec.changed().slice(before).some((c) => c.relPath === 'big.yaml'), 're-recording seen');
    const change = rec.changed().slice(before).filter((c) => c.relPath === 'big.yaml').at(-1)!;
    expect(change.changedInteractions).toEqual([1]);
  });

  it('refuses a save when the file changed on disk since it was read, unless forced', async () => {
    const f = await ws.readCassette(ref('a.yaml'));
    writeFileSync(join(dir, 'a.yaml'), goVcr([{ content: 'someone else' }]));
    const out = await ws.saveCassette({ ...ref('a.yaml'), content: goVcr([{}]), encoding: 'utf8', baseRevision: f.revision });
    expect(out.status).toBe('conflict');
    if (out.status === 'conflict') expect(out.diskRevision).toBe((await ws.readCassette(ref('a.yaml'))).revision);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toContain('someone else');
    const forced = await ws.saveCassette({ ...ref('a.yaml'), content: goVcr([{}]), encoding: 'utf8', baseRevision: f.revision, force: true });
    expect(forced.status).toBe('saved');
  });

  it('refuses content that does not parse, with line and column, unless allowInvalid', async () => {
    const f = await ws.readCassette(ref('a.yaml'));
    const bad = 'interactions:\n- request:\n    body: "oops\n  response: {\n';
    const out = await ws.saveCassette({ ...ref('a.yaml'), content: bad, encoding: 'utf8', baseRevision: f.revision });
    expect(out.status).toBe('invalid');
    if (out.status === 'invalid') {
      expect(out.line).toBeGreaterThan(0);
      expect(out.column).toBeGreaterThan(0);
    }
    const notCassette = await ws.saveCassette({ ...ref('a.yaml'), content: 'name: ci\n', encoding: 'utf8', baseRevision: f.revision });
    expect(notCassette.status).toBe('invalid');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(f.content);
    const anyway = await ws.saveCassette({ ...ref('a.yaml'), content: bad, encoding: 'utf8', baseRevision: f.revision, allowInvalid: true });
    expect(anyway.status).toBe('saved');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(bad);
    await rec.waitRow('a.yaml', (s) => s.diagnostics.error > 0, 'broken row after save anyway');
  });

  it('saves base64 content (.yaml.gz) byte for byte and keeps the file mode', async () => {
    const f = await ws.readCassette(ref('lc.yaml.gz'));
    const mode = statSync(join(dir, 'lc.yaml.gz')).mode;
    const next = gzipSync(Buffer.from(vcrpy('edited')));
    const out = await ws.saveCassette({ ...ref('lc.yaml.gz'), content: next.toString('base64'), encoding: 'base64', baseRevision: f.revision });
    expect(out.status).toBe('saved');
    expect(readFileSync(join(dir, 'lc.yaml.gz'))).toEqual(next);
    expect(statSync(join(dir, 'lc.yaml.gz')).mode).toBe(mode);
  });
});
