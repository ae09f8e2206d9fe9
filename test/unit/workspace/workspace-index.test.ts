import { mkdirSync, symlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../../main/workspace/workspace';
import { goVcr, Recorder, removeDir, tempDir, vcrpy, writeFile } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setup(configDir = tempDir('tapedeck-cfg-')) {
  const rec = new Recorder();
  const ws = createWorkspace({ configDir, emit: rec.emit, workerCount: 2 });
  // Run in reverse: close (which flushes the cache into configDir) before removing it.
  cleanups.push(() => removeDir(configDir), () => ws.close());
  return { rec, ws, configDir };
}

function folder(): string {
  const dir = tempDir();
  cleanups.push(() => removeDir(dir));
  return dir;
}

async function indexed(ws: Workspace) {
  await ws.whenIndexed();
  return ws.listCassettes();
}

describe('workspace indexing', () => {
  it('streams pending rows first, then parsed rows, through the real worker pool', async () => {
    const dir = folder();
    writeFile(dir, 'a/one.yaml', goVcr([{}, { status: 500 }]));
    writeFile(dir, 'b/two.yml', vcrpy());
    writeFile(dir, 'three.yaml', goVcr([{ model: 'gpt-4o' }]));
    const { rec, ws } = setup();
    const info = await ws.openPath(dir);
    expect(info.roots).toHaveLength(1);
    expect(info.indexing).toBe(true);
    await rec.waitFor(() => rec.batches.length > 0, 'first batch');
    // How soon the first batch comes is a bench figure (npm run bench), not a test.
    const rows = await indexed(ws);
    expect(await ws.indexMode()).toBe('worker');
    expect(rows.map((r) => r.relPath)).toEqual(['a/one.yaml', 'b/two.yml', 'three.yaml']);
    expect(rows.every((r) => r.kind === 'cassette')).toBe(true);
    const one = rows.find((r) => r.relPath === 'a/one.yaml')!;
    expect(one.format).toBe('go-vcr');
    expect(one.interactions).toBe(2);
    expect(one.errorStatuses).toEqual([500]);
    expect(rows.find((r) => r.relPath === 'b/two.yml')!.providers).toEqual(['anthropic']);
    // The first batch comes straight from the directory walk, before any parsing finished.
    expect(rec.batches[0].upserted.length).toBeGreaterThan(0);
    expect(rec.batches[0].upserted.every((s) => s.kind === 'pending')).toBe(true);
    expect(rec.rows().get('three.yaml')?.models).toContain('gpt-4o');
    const last = rec.batches.at(-1)!;
    expect(last.progress).toEqual({ done: 3, total: 3 });
    await rec.waitFor(() => rec.infos.some((i) => !i.indexing), 'workspaceChanged with indexing false');
  });

  it('keeps a broken file as a row with its diagnostic; the rest is unaffected', async () => {
    const dir = folder();
    writeFile(dir, 'good1.yaml', goVcr([{}]));
    writeFile(dir, 'broken.yaml', 'interactions:\n- request:\n    body: "unterminated\n  response: {\n');
    writeFile(dir, 'good2.yaml', vcrpy());
    const { ws } = setup();
    await ws.openPath(dir);
    const rows = await indexed(ws);
    expect(rows).toHaveLength(3);
    const broken = rows.find((r) => r.relPath === 'broken.yaml')!;
    expect(broken.kind).toBe('cassette');
    expect(broken.diagnostics.error).toBeGreaterThan(0);
    expect(broken.firstError?.line).toBeGreaterThan(0);
    expect(broken.firstError?.column).toBeGreaterThan(0);
    for (const name of ['good1.yaml', 'good2.yaml']) expect(rows.find((r) => r.relPath === name)!.diagnostics.error).toBe(0);
  });

  it('lists a folder reachable by a symlink once, under its real path; follows a link into node_modules', async () => {
    const dir = folder();
    writeFile(dir, 'deep/er/real/a.yaml', goVcr([{}]));
    writeFile(dir, 'node_modules/shared/b.yaml', goVcr([{}]));
    // The link is one level down, the folder three: the walk used to reach it through the
    // link first and list its files under the link's path (which the watcher never reports).
    symlinkSync(join(dir, 'deep', 'er', 'real'), join(dir, 'alias'));
    symlinkSync(join(dir, 'node_modules', 'shared'), join(dir, 'fixtures'));
    const { ws } = setup();
    await ws.openPath(dir);
    const rows = await indexed(ws);
    expect(rows.map((r) => r.relPath).sort()).toEqual(['deep/er/real/a.yaml', 'fixtures/b.yaml']);
  });

  it('lists non-cassette YAML quietly, .json only when it is a cassette, and skips .git, node_modules and loops', async () => {
    const dir = folder();
    writeFile(dir, '.github/workflows/ci.yml', 'name: ci\non: [push]\njobs: {}\n');
    writeFile(dir, 'package.json', '{"name":"x","version":"1.0.0"}');
    writeFile(dir, 'rec/recording.json', JSON.stringify({ log: { version: '1.2', creator: { name: 'Polly.JS', version: '6' }, entries: [] } }));
    writeFile(dir, 'notes.txt', 'hello');
    writeFile(dir, '.git/x.yaml', goVcr([{}]));
    writeFile(dir, 'node_modules/pkg/y.yaml', goVcr([{}]));
    mkdirSync(join(dir, 'loop'));
    symlinkSync('..', join(dir, 'loop', 'up'));
    const { ws } = setup();
    await ws.openPath(dir);
    const rows = await indexed(ws);
    expect(rows.map((r) => [r.relPath, r.kind])).toEqual([
      ['.github/workflows/ci.yml', 'not-cassette'],
      ['rec/recording.json', 'cassette'],
    ]);
    expect(rows[0].diagnostics.error).toBe(0);
  });

  it('reopening a folder is served from the summary cache', async () => {
    const dir = folder();
    for (let i = 0; i < 20; i++) writeFile(dir, `c${i}.yaml`, goVcr([{}, {}]));
    const configDir = tempDir('tapedeck-cfg-');
    cleanups.push(() => removeDir(configDir));
    const first = createWorkspace({ configDir, emit: () => {}, workerCount: 1 });
    await first.openPath(dir);
    const rows1 = await indexed(first);
    await first.close(); // flushes the cache

    const rec = new Recorder();
    const second = createWorkspace({ configDir, emit: rec.emit, workerCount: 1 });
    cleanups.push(() => second.close());
    await second.openPath(dir);
    const rows2 = await indexed(second);
    expect(rows2).toEqual(rows1);
    // A cache hit never goes through a pending row: the very first batch has final rows.
    const kinds = rec.batches.flatMap((b) => b.upserted.map((s) => s.kind));
    expect(kinds).not.toContain('pending');
    expect(kinds).toHaveLength(20);
  });

  it('a touched file with identical bytes is a cache hit by content hash', async () => {
    const dir = folder();
    const abs = writeFile(dir, 'a.yaml', goVcr([{}]));
    const configDir = tempDir('tapedeck-cfg-');
    cleanups.push(() => removeDir(configDir));
    const first = createWorkspace({ configDir, emit: () => {}, workerCount: 1 });
    await first.openPath(dir);
    await indexed(first);
    await first.close();
    const { utimesSync } = await import('node:fs');
    utimesSync(abs, new Date(), new Date(Date.now() + 5000));
    const rec = new Recorder();
    const second = createWorkspace({ configDir, emit: rec.emit, workerCount: 1 });
    cleanups.push(() => second.close());
    await second.openPath(dir);
    const rows = await indexed(second);
    expect(rows[0].format).toBe('go-vcr');
    expect(rows[0].mtimeMs).toBeGreaterThan(Date.now());
  });

  it('opens a file: its folder becomes a root and the file the initial selection; folders are remembered', async () => {
    const dir = folder();
    const file = writeFile(dir, 'sub/pick.yaml', goVcr([{}]));
    writeFile(dir, 'sub/other.yaml', goVcr([{}]));
    const { ws, configDir, rec } = setup();
    const info = await ws.openPath(file);
    expect(info.roots[0].path.endsWith('sub')).toBe(true);
    expect(info.initialSelection).toEqual({ rootId: info.roots[0].id, relPath: 'pick.yaml' });
    expect(rec.infos.at(-1)?.initialSelection?.relPath).toBe('pick.yaml');
    const second = folder();
    await ws.openPath(second);
    expect(await ws.getRecentFolders()).toEqual([(await ws.getWorkspace()).roots[1].path, info.roots[0].path]);
    // Most recent first, no duplicates, persisted in recent.json.
    expect(JSON.parse(await readFile(join(configDir, 'recent.json'), 'utf8')).folders).toHaveLength(2);
    await ws.openPath(file);
    expect((await ws.getWorkspace()).roots).toHaveLength(2);
    expect((await ws.getRecentFolders())[0]).toBe(info.roots[0].path);

    const closed = await ws.closeRoot(info.roots[0].id);
    expect(closed.roots).toHaveLength(1);
    expect(closed.initialSelection).toBeNull();
    await indexed(ws);
    expect((await ws.listCassettes()).some((r) => r.rootId === info.roots[0].id)).toBe(false);
    await expect(ws.openPath(join(dir, 'missing'))).rejects.toMatchObject({ code: 'path.not-found' });
  });
});
