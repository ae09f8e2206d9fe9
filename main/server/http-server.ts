/**
 * The browser host: the same backend as the Electron shell, served on 127.0.0.1 only. The
 * contract's calls are POST /api/call/<name>; its events stream from GET /api/events (SSE).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../backend/backend';
import { invokeHandler } from '../backend/invoke';
import { BodyBudget, BodyRefused } from './body-budget';
import { serveStatic } from './static-files';
import { BASE_CSP } from './csp';
import { hostAllowed, newToken, originAllowed, pathAfterToken } from './security';

/** How long close() lets in-flight requests finish before it cuts their sockets. */
const CLOSE_GRACE_MS = 1_000;

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy': BASE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

export interface ServerOptions {
  port?: number;
  rendererDir: string;
  token?: string;
  /** Caps on one request body and on all bodies being read at once (tests make them small). */
  maxBodyBytes?: number;
  maxTotalBodyBytes?: number;
}

export async function startHttpServer(backend: Backend, opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken();
  const bodies = new BodyBudget(opts.maxBodyBytes, opts.maxTotalBodyBytes);
  // Each event stream, with the frames held for it until its opening state is written (null
  // once written): a broadcast during that moment is newer than the opening state, so it must
  // reach the page after it, not before.
  const clients = new Map<ServerResponse, string[] | null>();
  let port = 0;
  let closing = false;

  const unsubscribe = backend.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const [c, held] of clients) {
      if (held) held.push(frame);
      else c.write(frame);
    }
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // A browser's EventSource reconnects on its own, often over a kept-alive socket that
    // server.close() does not cut; serving it would hold the process open forever.
    if (closing) {
      res.shouldKeepAlive = false;
      return send(res, 503, 'Tapedeck is shutting down.\n');
    }
    if (!hostAllowed(req, port)) return send(res, 421, 'Misdirected request: unexpected Host header.\n');
    if (!originAllowed(req, port)) return send(res, 403, 'Cross-origin requests are refused.\n');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const path = pathAfterToken(url.pathname, token);
    if (path === null) return send(res, 401, 'Missing or wrong session token. Use the URL that `tapedeck serve` printed.\n');
    // `/<token>` alone: redirect so the page's relative asset URLs resolve under the token.
    if (!url.pathname.endsWith('/') && path === '/') {
      res.writeHead(308, { ...SECURITY_HEADERS, location: `/${token}/` });
      return res.end();
    }

    if (path.startsWith('/api/call/') && req.method === 'POST') {
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Expected JSON.\n');
      let parsed: unknown;
      try {
        parsed = JSON.parse(await bodies.read(req));
      } catch (err) {
        if (err instanceof BodyRefused) {
          // The rest of the upload is not read: close the socket after the answer.
          res.shouldKeepAlive = false;
          return send(res, err.status, `${err.message}\n`);
        }
        return send(res, 400, `Bad request: ${(err as Error).message}\n`);
      }
      // `null`, an array or a number parse fine but are no call: reading `.args` of null was a 500.
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return send(res, 400, 'Bad request: the body must be a JSON object such as {"args": [...]}.\n');
      }
      const result = await invokeHandler(backend.handlers, path.slice('/api/call/'.length), (parsed as { args?: unknown }).args);
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }
    if (path === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      // The stream opens after the page's first calls, so events sent before it (the first
      // scan ending, say) never reach the page: it starts with the workspace as it is now.
      const held: string[] = [];
      clients.set(res, held);
      void backend.handlers
        .getWorkspace()
        .then((info) => clients.has(res) && res.write(`data: ${JSON.stringify({ event: 'workspaceChanged', payload: info })}\n\n`))
        .catch(() => {}) // the page still has its own getWorkspace call; the stream goes on
        .finally(() => {
          if (!clients.has(res)) return;
          for (const frame of held) res.write(frame);
          clients.set(res, null);
        });
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(keepAlive);
        clients.delete(res);
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.\n');
    const served = await serveStatic(opts.rendererDir, path, res, SECURITY_HEADERS);
    if (!served) send(res, 404, 'Not found.\n');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${(err as Error).message}\n`);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    port,
    token,
    async close() {
      if (closing) return;
      closing = true;
      unsubscribe();
      for (const c of clients.keys()) c.end();
      clients.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Requests still running (a slow read, a socket the browser keeps) get a moment, then go.
      const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cut);
    },
  };
}
