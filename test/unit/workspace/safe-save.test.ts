/**
 * What a save keeps of the file the user set up (issue #13.4/#13.5), through the real workspace
 * on real files: read-only refused unless confirmed, mode/owner/hard links kept, a file deleted
 * on disk written again, temp leftovers of a killed save removed when the folder is opened, a
 * UTF-8 BOM read and written back as it was (#13.2).
 * Owner checks need root (chown); the non-root cases are in save-as-user.test.ts.
 */
import { chmodSync, chownSync, linkSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CassetteRef } from '../../../shared/api/contract';
import { createWorkspace, type Workspace } from '../../../main/workspace/workspace';
import { goVcr, Recorder, removeDir, tempDir, writeFile } from './helpers';

const isRoot = process.getuid?.() === 0;
let dir: string;
let configDir: string;
let ws: Workspace;
let rootId: string;

beforeAll(async () => {
  dir = tempDir();
  configDir = tempDir('tapedeck-cfg-');
  for (const n of ['ro.yaml', 'linked.yaml', 'owned.yaml', 'gone.yaml', 'plain.yaml']) writeFile(dir, n, goVcr([{}]));
  chmodSync(join(dir, 'ro.yaml'), 0o444);
  writeFileSync(join(dir, 'bom.yaml'), '\uFEFF' + goVcr([{}]));
  linkSync(join(dir, 'linked.yaml'), join(dir, 'other-name.yaml.bak'));
  // Leftovers of a save killed before its rename; a look-alike user file must stay.
  writeFile(dir, '.plain.yaml.tapedeck-tmp-0123456789ab', 'half');
  writeFile(dir, 'sub/.x.har.tapedeck-tmp-ba9876543210', 'half');
  writeFile(dir, 'notes.tapedeck-tmp-keep', 'mine');
  ws = createWorkspace({ configDir, emit: new Recorder().emit, workerCount: 1 });
  rootId = (await ws.openPath(dir)).roots[0].id;
  await ws.whenIndexed();
});

afterAll(async () => {
  await ws?.close();
  for (const d of [dir, configDir]) removeDir(d);
});

const ref = (relPath: string): CassetteRef => ({ rootId, relPath });
const save = async (relPath: string, content: string, extra: { overwriteReadOnly?: boolean } = {}) => {
  const f = await ws.readCassette(ref(relPath));
  return ws.saveCassette({ ...ref(relPath), content, encoding: 'utf8', baseRevision: f.revision, ...extra });
};

describe('a save keeps what the user set up', () => {
  it('reads a BOM as part of the content and writes it back byte for byte', async () => {
    const f = await ws.readCassette(ref('bom.yaml'));
    expect(f.encoding).toBe('utf8');
    expect(f.content).toBe('\uFEFF' + goVcr([{}]));
    const out = await save('bom.yaml', '\uFEFF' + goVcr([{}, {}]));
    expect(out.status).toBe('saved');
    const bytes = readFileSync(join(dir, 'bom.yaml'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(goVcr([{}, {}]));
  });

  it('removes the temp leftovers of a killed save when the folder is opened, and nothing else', () => {
    expect(readdirSync(dir).filter((n) => n.includes('tapedeck-tmp'))).toEqual(['notes.tapedeck-tmp-keep']);
    expect(readdirSync(join(dir, 'sub'))).toEqual([]);
  });

  it('refuses a read-only file with a clear outcome, and overwrites it (still read-only) when confirmed', async () => {
    const before = readFileSync(join(dir, 'ro.yaml'), 'utf8');
    const out = await save('ro.yaml', goVcr([{}, {}]));
    expect(out).toEqual({ status: 'read-only', message: 'ro.yaml is read-only on disk; nothing was written.' });
    expect(readFileSync(join(dir, 'ro.yaml'), 'utf8')).toBe(before);
    const anyway = await save('ro.yaml', goVcr([{}, {}]), { overwriteReadOnly: true });
    expect(anyway.status).toBe('saved');
    expect(readFileSync(join(dir, 'ro.yaml'), 'utf8')).toBe(goVcr([{}, {}]));
    expect(statSync(join(dir, 'ro.yaml')).mode & 0o777).toBe(0o444);
  });

  it('writes a hard-linked file in place, so every link sees the new content', async () => {
    const ino = statSync(join(dir, 'linked.yaml')).ino;
    expect((await save('linked.yaml', goVcr([{}, {}, {}]))).status).toBe('saved');
    expect(statSync(join(dir, 'linked.yaml')).ino).toBe(ino);
    expect(readFileSync(join(dir, 'other-name.yaml.bak'), 'utf8')).toBe(goVcr([{}, {}, {}]));
    expect(statSync(join(dir, 'linked.yaml')).nlink).toBe(2);
    expect(readdirSync(dir).filter((n) => n.startsWith('.linked'))).toEqual([]);
  });

  it.skipIf(!isRoot)('keeps the owner and mode of a file owned by another user (root saves chown the new file back)', async () => {
    const f = join(dir, 'owned.yaml');
    chownSync(f, 65534, 65534);
    chmodSync(f, 0o640);
    expect((await save('owned.yaml', goVcr([{}, {}]))).status).toBe('saved');
    const st = statSync(f);
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([65534, 65534, 0o640]);
    expect(readFileSync(f, 'utf8')).toBe(goVcr([{}, {}]));
  });

  it('writes a file deleted on disk again (the banner promises it), with its old base revision', async () => {
    const f = await ws.readCassette(ref('gone.yaml'));
    unlinkSync(join(dir, 'gone.yaml'));
    const out = await ws.saveCassette({ ...ref('gone.yaml'), content: goVcr([{}, {}]), encoding: 'utf8', baseRevision: f.revision });
    expect(out.status).toBe('saved');
    expect(readFileSync(join(dir, 'gone.yaml'), 'utf8')).toBe(goVcr([{}, {}]));
  });

  it('never creates a file that was not opened', async () => {
    const req = { ...ref('package.json'), content: '{"log":{"entries":[]}}', encoding: 'utf8' as const, baseRevision: '', force: true, allowInvalid: true };
    await expect(ws.saveCassette(req)).rejects.toMatchObject({ code: 'file.not-found' });
    expect(readdirSync(dir)).not.toContain('package.json');
  });

  it('still refuses a save over a file that changed on disk (the conflict check stays)', async () => {
    const f = await ws.readCassette(ref('plain.yaml'));
    writeFileSync(join(dir, 'plain.yaml'), goVcr([{ content: 'edited elsewhere' }]));
    const out = await ws.saveCassette({ ...ref('plain.yaml'), content: goVcr([{}, {}]), encoding: 'utf8', baseRevision: f.revision });
    expect(out.status).toBe('conflict');
    expect(readFileSync(join(dir, 'plain.yaml'), 'utf8')).toBe(goVcr([{ content: 'edited elsewhere' }]));
  });
});
