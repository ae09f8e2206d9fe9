/**
 * serve on hostile input, over real sockets on 127.0.0.1: request bodies are capped one by one
 * (413) and in total across concurrent requests (503); a body that is JSON but no object is a
 * 400 with a message, not a 500; a port in use makes the real CLI exit 2 with one line.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../main/backend/backend';
import { startHttpServer, type RunningServer } from '../../../main/server/http-server';
import { stubRenderer } from './stub-renderer';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const MB = 1024 * 1024;
let base: string;
let backend: Backend;
let server: RunningServer;

beforeAll(async () => {
  const dirs = stubRenderer('tapedeck-serve-limits-');
  base = dirs.base;
  const rendererDir = dirs.rendererDir;
  backend = createBackend({ configDir: join(base, 'config'), shell: 'browser', workerCount: 1 });
  server = await startHttpServer(backend, { rendererDir, maxBodyBytes: MB, maxTotalBodyBytes: 1.5 * MB });
});
afterAll(async () => {
  await server?.close();
  await backend?.close();
  if (base) rmSync(base, { recursive: true, force: true });
});

/** A raw POST to the API: headers, then `first` bytes of the body; `rest` sent when asked. */
function post(head: Record<string, string | number>, first: string) {
  const socket: Socket = connect(server.port, '127.0.0.1');
  let data = '';
  socket.on('data', (d) => (data += d.toString()));
  socket.on('error', () => {}); // the server may close while we still write: the answer is what counts
  const closed = new Promise<void>((r) => socket.on('close', () => r()));
  const lines = Object.entries({ host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', connection: 'close', ...head }).map(([k, v]) => `${k}: ${v}`);
  socket.write(`POST /${server.token}/api/call/listCassettes HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${first}`);
  const status = () => Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1] ?? 0);
  return { socket, status, body: () => data.slice(data.indexOf('\r\n\r\n') + 4), closed };
}

const padded = (n: number) => {
  const head = '{"args":[],"pad":"';
  return head + 'x'.repeat(n - head.length - 2) + '"}';
};

describe('serve request bodies', () => {
  it('a JSON body that is not an object gets 400 with a message', async () => {
    for (const body of ['null', '[]', '42', '"x"']) {
      const r = post({ 'content-length': body.length }, body);
      await r.closed;
      expect(r.status(), body).toBe(400);
      expect(r.body()).toContain('the body must be a JSON object');
    }
    const ok = post({ 'content-length': 11 }, '{"args":[]}');
    await ok.closed;
    expect(ok.status()).toBe(200);
  });

  it('one body over the per-request cap gets 413, declared or chunked', async () => {
    const declared = post({ 'content-length': 2 * MB }, '{');
    await declared.closed;
    expect(declared.status()).toBe(413);
    expect(declared.body()).toContain('Request body too large: over 1 MB');
    const chunked = post({ 'transfer-encoding': 'chunked' }, '');
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 5 && !chunked.status(); i++) chunked.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    await chunked.closed;
    expect(chunked.status()).toBe(413);
  });

  it('concurrent bodies are capped in total: 503 while another holds the budget, then accepted', async () => {
    const size = 1_000_000; // two of these (2 MB) exceed the 1.5 MB total; one fits
    const body = padded(size);
    const a = post({ 'content-length': size }, body.slice(0, 100_000));
    // Wait (by probing) until A's reservation is in place: a second full-size body is then refused.
    let refused: ReturnType<typeof post> | null = null;
    await expect
      .poll(async () => {
        const b = post({ 'content-length': size }, body);
        await b.closed;
        if (b.status() === 503) refused = b;
        return b.status();
      }, { timeout: 10_000, interval: 20 })
      .toBe(503);
    expect(refused!.body()).toContain('Server busy: request bodies in flight would exceed 2 MB in total');
    a.socket.write(body.slice(100_000));
    await a.closed;
    expect(a.status()).toBe(200);
    const again = post({ 'content-length': size }, body);
    await again.closed;
    expect(again.status()).toBe(200);
  });
});

describe('serve --port N with N in use', () => {
  let blocker: Server;
  let app: string;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    // An installed layout: the bundled CLI under app/dist/main, a renderer beside it, package.json.
    app = join(base, 'install');
    mkdirSync(join(app, 'app/dist/renderer'), { recursive: true });
    writeFileSync(join(app, 'app/dist/renderer/index.html'), '<!doctype html><title>T</title>');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'tapedeck', version: '0.0.0-test' }));
    symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir');
    await build({
      entryPoints: [join(root, 'main/cli/main.ts')],
      outfile: join(app, 'app/dist/main/cli.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
      logLevel: 'warning',
    });
  }, 180_000);
  afterAll(() => new Promise<void>((r) => blocker.close(() => r())));

  it('exits 2 with one clear line', async () => {
    const port = (blocker.address() as { port: number }).port;
    const r = await new Promise<{ code: number; out: string; err: string }>((resolve) =>
      execFile(process.execPath, [join(app, 'app/dist/main/cli.mjs'), 'serve', '--port', String(port), '--no-open', join(root, 'test/fixtures/redact')], { cwd: base, timeout: 30_000, env: { ...process.env, XDG_CONFIG_HOME: join(base, 'xdg') } }, (e, out, err) =>
        resolve({ code: e ? ((e as { code?: number }).code ?? -1) : 0, out, err }),
      ),
    );
    expect(r).toEqual({ code: 2, out: '', err: `tapedeck serve: port ${port} on 127.0.0.1 is in use (another tapedeck serve?); pick another with --port N, or --port 0 for any free port\n` });
  }, 180_000);
});
