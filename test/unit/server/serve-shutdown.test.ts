/**
 * `tapedeck serve` must stop promptly: an open event stream, a browser's kept-alive socket or a
 * request that never finishes may not hold the port (an e2e run once hung 60 s on exactly this).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../main/backend/backend';
import { startHttpServer, type RunningServer } from '../../../main/server/http-server';
import { stubRenderer } from './stub-renderer';

function openSocket(port: number): Promise<{ socket: Socket; received: () => string; ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    const ended = new Promise<void>((done) => socket.on('close', () => done()));
    socket.once('error', reject);
    socket.once('connect', () => resolve({ socket, received: () => data, ended }));
  });
}

async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('tapedeck serve: shutdown', () => {
  let backend: Backend;
  let server: RunningServer;

  beforeAll(async () => {
    const { base, rendererDir } = stubRenderer('tapedeck-stop-');
    backend = createBackend({ configDir: join(base, 'config'), shell: 'browser', workerCount: 1 });
    server = await startHttpServer(backend, { rendererDir });
  });
  afterAll(async () => {
    await backend?.close();
  });

  it('closes with an event stream open, a kept-alive socket and a request whose body never ends', async () => {
    const host = `127.0.0.1:${server.port}`;
    const sse = await openSocket(server.port);
    sse.socket.write(`GET /${server.token}/api/events HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    await until(() => sse.received().includes(': connected'));

    const idle = await openSocket(server.port);
    idle.socket.write(`GET /${server.token}/ HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n\r\n`);
    await until(() => idle.received().includes('</title>'));

    const stuck = await openSocket(server.port);
    stuck.socket.write(`POST /${server.token}/api/call/listCassettes HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ar`);

    const started = Date.now();
    await server.close();
    const took = Date.now() - started;
    // The grace for in-flight requests is 1 s; Node's own timeout would have been 300 s.
    expect(took).toBeLessThan(4_000);
    await Promise.all([sse.ended, idle.ended, stuck.ended]);
    expect(sse.received()).toContain('HTTP/1.1 200');
    await expect(openSocket(server.port)).rejects.toThrow(/ECONNREFUSED/);
  });
});
