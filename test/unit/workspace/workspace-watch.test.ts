import { renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../../main/workspace/workspace';
import { goVcr, Recorder, removeDir, tempDir, vcrpy, writeFile } from './helpers';

// One workspace for the whole file: each case works in its own subfolder of one root,
// the way a user's editor and test runner would.
let dir: string;
let configDir: string;
let rec: Recorder;
let ws: Workspace;

beforeAll(async () => {
  dir = tempDir();
  configDir = tempDir('tapedeck-cfg-');
  writeFile(dir, 'seed/a.yaml', goVcr([{}]));
  rec = new Recorder();
  ws = createWorkspace({ configDir, emit: rec.emit, workerCount: 2 });
  await ws.openPath(dir);
  await ws.whenIndexed();
  await ws.whenWatching();
});

afterAll(async () => {
  await ws?.close();
  removeDir(dir);
  removeDir(configDir);
});

const p = (rel: string) => join(dir, ...rel.split('/'));
const isFinal = (s: { kind: string }) => s.kind !== 'pending';

describe('workspace watching', () => {
  it('reports a created file', async () => {
    writeFile(dir, 'create/new.yaml', vcrpy());
    await rec.waitRow('create/new.yaml', (s) => s.format === 'vcrpy', 'created file indexed');
  });

  it('reports a changed file with the interactions that differ', async () => {
    writeFile(dir, 'change/c.yaml', goVcr([{}, {}, {}]));
    await rec.waitRow('change/c.yaml', (s) => s.interactions === 3);
    const before = rec.changed().length;
    writeFile(dir, 'change/c.yaml', goVcr([{}, { content: 'edited' }, {}, {}]));
    await rec.waitRow('change/c.yaml', (s) => s.interactions === 4, 'changed file re-indexed');
    await rec.waitFor(() => rec.changed().length > before, 'changed entry');
    const change = rec.changed().filter((c) => c.relPath === 'change/c.yaml').at(-1)!;
    expect(change.changedInteractions).toEqual([1, 3]);
    expect(change.revision).toMatch(/^\d+-\d+-[0-9a-f]{8}$/);
  });

  it('reports a deleted file', async () => {
    writeFile(dir, 'delete/d.yaml', goVcr([{}]));
    await rec.waitRow('delete/d.yaml', isFinal);
    unlinkSync(p('delete/d.yaml'));
    await rec.waitRow('delete/d.yaml', 'absent');
  });

  it('reports a rename as remove + add', async () => {
    writeFile(dir, 'rename/old.yaml', goVcr([{}]));
    await rec.waitRow('rename/old.yaml', isFinal);
    renameSync(p('rename/old.yaml'), p('rename/new.yaml'));
    await rec.waitFor(() => !rec.rows().has('rename/old.yaml') && rec.rows().get('rename/new.yaml')?.format === 'go-vcr', 'rename');
  });

  it('indexes a whole directory appearing at once (moved in)', async () => {
    const outside = tempDir('tapedeck-outside-');
    writeFile(outside, 'x/one.yaml', goVcr([{}]));
    writeFile(outside, 'x/deep/two.yaml', vcrpy());
    renameSync(join(outside, 'x'), p('moved'));
    removeDir(outside);
    await rec.waitFor(
      () => rec.rows().get('moved/one.yaml')?.format === 'go-vcr' && rec.rows().get('moved/deep/two.yaml')?.format === 'vcrpy',
      'moved-in directory indexed',
    );
  });

  it('drops every row of a directory that vanishes', async () => {
    writeFile(dir, 'vanish/a.yaml', goVcr([{}]));
    writeFile(dir, 'vanish/sub/b.yaml', goVcr([{}]));
    await rec.waitFor(() => isFinal(rec.rows().get('vanish/a.yaml') ?? { kind: 'pending' }) && isFinal(rec.rows().get('vanish/sub/b.yaml') ?? { kind: 'pending' }), 'vanish setup');
    rmSync(p('vanish'), { recursive: true });
    await rec.waitFor(() => ![...rec.rows().keys()].some((k) => k.startsWith('vanish/')), 'directory rows removed');
  });

  it("follows an editor's write-then-rename save as one change", async () => {
    writeFile(dir, 'editor/e.yaml', goVcr([{}]));
    await rec.waitRow('editor/e.yaml', (s) => s.interactions === 1);
    const n = rec.batches.length;
    writeFileSync(p('editor/.e.yaml.tmp~'), goVcr([{}, {}]));
    writeFileSync(p('editor/e.yaml.tmp.yaml'), goVcr([{}, {}]));
    renameSync(p('editor/e.yaml.tmp.yaml'), p('editor/e.yaml'));
    await rec.waitRow('editor/e.yaml', (s) => s.interactions === 2, 'write-then-rename picked up');
    const later = rec.batches.slice(n);
    expect(later.flatMap((b) => b.removed).some((r) => r.relPath === 'editor/e.yaml')).toBe(false);
    expect(rec.rows().has('editor/e.yaml.tmp.yaml')).toBe(false);
  });

  it('retries a half-written file instead of reporting it broken', async () => {
    writeFile(dir, 'half/h.yaml', goVcr([{}]));
    await rec.waitRow('half/h.yaml', isFinal);
    const full = goVcr([{}, {}]);
    writeFileSync(p('half/h.yaml'), full.slice(0, Math.floor(full.length / 2)) + '\n  - "');
    // The writer finishes a little later (the watcher does not wait for writes to settle).
    setTimeout(() => writeFileSync(p('half/h.yaml'), full), 250);
    await rec.waitRow('half/h.yaml', (s) => s.interactions === 2, 'completed file');
    const rows = rec.batches.flatMap((b) => b.upserted).filter((s) => s.relPath === 'half/h.yaml');
    expect(rows.some((s) => s.diagnostics.error > 0)).toBe(false);
  });

  it('a file read while still empty (created, or truncated to be rewritten) never shows as no cassette', async () => {
    writeFile(dir, 'empty/e.yaml', goVcr([{}]));
    await rec.waitRow('empty/e.yaml', (s) => s.format === 'go-vcr');
    writeFileSync(p('empty/e.yaml'), ''); // a recorder truncates, then writes a while later
    setTimeout(() => writeFileSync(p('empty/e.yaml'), goVcr([{}, {}])), 100);
    writeFileSync(p('empty/new.yaml'), '');
    setTimeout(() => writeFileSync(p('empty/new.yaml'), vcrpy()), 100);
    await rec.waitRow('empty/e.yaml', (s) => s.interactions === 2, 'rewritten file');
    await rec.waitRow('empty/new.yaml', (s) => s.format === 'vcrpy', 'created file');
    const rows = rec.batches.flatMap((b) => b.upserted).filter((s) => s.relPath.startsWith('empty/'));
    expect(rows.filter((s) => s.kind !== 'pending' && s.format === null)).toEqual([]);
  });

  it('reports a file that stays broken after the retries, with its error', async () => {
    writeFile(dir, 'seed/broken.yaml', 'interactions:\n- request: {\n    url: [\n');
    await rec.waitRow('seed/broken.yaml', (s) => s.diagnostics.error > 0, 'broken row');
    expect(rec.rows().get('seed/broken.yaml')?.firstError?.line).toBeGreaterThan(0);
  });

  it('batches a 1,000-file burst into a few events, not 1,000', async () => {
    // Into a folder the watcher already knows, so these arrive as 1,000 file events.
    const n = rec.batches.length;
    for (let i = 0; i < 1000; i++) writeFileSync(p(`seed/t${i}.yaml`), goVcr([{ content: `r${i}` }]));
    await rec.waitFor(() => {
      const rows = rec.rows();
      for (let i = 0; i < 1000; i++) if (rows.get(`seed/t${i}.yaml`)?.format !== 'go-vcr') return false;
      return true;
    }, 'all 1,000 burst files indexed', 120_000);
    // Index rows come without lint counts; the lint pass then sends the counts in batches of its own.
    const burst = (s: { relPath: string }) => s.relPath.startsWith('seed/t');
    const burstBatches = rec.batches.slice(n).filter((b) => b.upserted.some((s) => burst(s) && s.lint === null));
    expect(burstBatches.length).toBeGreaterThan(0);
    // A few dozen at most: how many windows the burst spans depends on the machine's load.
    expect(burstBatches.length).toBeLessThanOrEqual(30);
    await ws.whenLinted();
    const lintBatches = rec.batches.slice(n).filter((b) => b.upserted.some((s) => burst(s) && s.lint !== null));
    for (let i = 0; i < 1000; i++) expect(rec.rows().get(`seed/t${i}.yaml`)?.lint).toEqual({ error: 0, warning: 0, info: 0 });
    expect(lintBatches.length).toBeGreaterThan(0);
    expect(lintBatches.length).toBeLessThan(100);
  }, 180_000);
});
