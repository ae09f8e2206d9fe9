/**
 * A stand-in for `tapedeck serve` on 127.0.0.1 that a test controls: the token, the call
 * answers, the event pushes, a "shutting down" mode (503 like the real server) and stopping.
 * Restarting on the same port (with the same or a new token) is a new server on `port`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TestHandlers = Record<string, (...args: unknown[]) => unknown>;

export interface TestServer {
  port: number;
  baseUrl: string;
  /** Every request after the token check, e.g. `call:getAppInfo`, `events`, `401`, `503`. */
  requests: string[];
  openStreams(): number;
  push(event: string, payload: unknown): void;
  /** Ends the open event streams but keeps serving (a proxy timeout, a blip). */
  dropStreams(): void;
  shuttingDown: boolean;
  /** Calls are received but never answered (a suspended or stuck server). */
  frozen: boolean;
  stop(): Promise<void>;
}

export async function startTestServer(opts: { token: string; port?: number; handlers?: TestHandlers }): Promise<TestServer> {
  const streams = new Set<ServerResponse>();
  const requests: string[] = [];
  const handlers: TestHandlers = { getAppInfo: () => ({ name: 'test', version: '0', shell: 'browser', platform: 'linux' }), ...opts.handlers };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const [, token, ...rest] = (req.url ?? '/').split('/');
    const path = `/${rest.join('/')}`;
    if (self.shuttingDown) {
      requests.push('503');
      res.shouldKeepAlive = false;
      return res.writeHead(503).end('shutting down');
    }
    if (token !== opts.token) {
      requests.push('401');
      return res.writeHead(401).end('wrong token');
    }
    if (path === '/api/events') {
      requests.push('events');
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    const name = path.slice('/api/call/'.length);
    requests.push(`call:${name}`);
    if (self.frozen) return; // never answered; the client's own timeout must give up
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const { args } = JSON.parse(body) as { args: unknown[] };
    const h = handlers[name];
    const result = h ? { ok: true, value: await h(...args) } : { ok: false, error: { code: 'call.unknown', message: name } };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const self: TestServer = {
    port,
    baseUrl: `http://127.0.0.1:${port}/${opts.token}`,
    requests,
    shuttingDown: false,
    frozen: false,
    openStreams: () => streams.size,
    push(event, payload) {
      for (const s of streams) s.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
    },
    dropStreams() {
      for (const s of streams) s.end();
      streams.clear();
    },
    async stop() {
      self.dropStreams();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
  return self;
}

/** Polls until `pred` holds (bounded: a test fails instead of hanging). */
export async function until(pred: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!pred()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
