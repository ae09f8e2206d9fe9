import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../main/backend/backend';
import { startHttpServer, type RunningServer } from '../../../main/server/http-server';
import { stubRenderer } from './stub-renderer';

/** Raw HTTP, so the test controls Host and Origin exactly as an attacker could. */
function raw(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('tapedeck serve: loopback, token, Host and Origin checks', () => {
  let backend: Backend;
  let server: RunningServer;
  let rendererDir: string;
  let folder: string;

  beforeAll(async () => {
    const dirs = stubRenderer('tapedeck-serve-');
    const base = dirs.base;
    rendererDir = dirs.rendererDir;
    writeFileSync(join(base, 'secret.txt'), 'do not serve');
    folder = join(base, 'cassettes');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.yaml'), 'version: 2\ninteractions:\n- id: 0\n  request: {method: GET, url: "https://example.com/", headers: {}, body: ""}\n  response: {code: 200, status: 200 OK, headers: {}, body: "hi"}\n');
    backend = createBackend({ configDir: join(base, 'config'), shell: 'browser', workerCount: 1 });
    await backend.handlers.openPath(folder);
    server = await startHttpServer(backend, { rendererDir });
  });
  afterAll(async () => {
    await server?.close();
    await backend?.close();
  });

  it('prints a loopback URL with a token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[\w-]{20,}\/$/);
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    const wrong = 'x'.repeat(server.token.length);
    for (const p of ['/', '/index.html', `/${wrong}/`, `/${server.token.slice(1)}/`, `/?token=${server.token}`, '/api/events', `/${wrong}/api/events`]) {
      expect((await raw(server.port, p)).status, p).toBe(401);
    }
    const call = await raw(server.port, '/api/call/listCassettes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"args":[]}' });
    expect(call.status).toBe(401);
  });

  it('serves the page under the token path, with a strict CSP, no cookie and no CORS', async () => {
    const r = await raw(server.port, `/${server.token}/`);
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/<title>T<\/title>/);
    // No cookie: cookies ignore ports, so one would reach every other server on 127.0.0.1.
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(String(r.headers['content-security-policy'])).toMatch(/script-src 'self'/);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    const bare = await raw(server.port, `/${server.token}`);
    expect(bare.status).toBe(308);
    expect(bare.headers.location).toBe(`/${server.token}/`);
  });

  it('refuses a forged Host (DNS rebinding) even with the token', async () => {
    const r = await raw(server.port, `/${server.token}/`, { headers: { host: 'evil.example:80' } });
    expect(r.status).toBe(421);
  });

  it('refuses a cross-site Origin even with the token', async () => {
    const r = await raw(server.port, `/${server.token}/api/call/listCassettes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{"args":[]}',
    });
    expect(r.status).toBe(403);
  });

  it('answers contract calls with the token and refuses paths outside the folder', async () => {
    const post = (name: string, args: unknown[]) =>
      raw(server.port, `/${server.token}/api/call/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${server.port}` },
        body: JSON.stringify({ args }),
      }).then((r) => JSON.parse(r.body));
    await backend.workspace.whenIndexed();
    const list = await post('listCassettes', []);
    expect(list.ok).toBe(true);
    expect(list.value.map((s: { relPath: string }) => s.relPath)).toContain('a.yaml');
    const rootId = list.value[0].rootId;
    const outside = await post('readCassette', [{ rootId, relPath: '../secret.txt' }]);
    expect(outside.ok).toBe(false);
    expect((await post('nope', [])).error.code).toBe('call.unknown');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const r = await raw(server.port, `/${server.token}${p}`);
      // `..` that URL parsing resolves climbs out of the token segment (401); encoded forms stay inside it (404).
      expect([401, 404], p).toContain(r.status);
      expect(r.body).not.toMatch(/do not serve/);
    }
  });
});
