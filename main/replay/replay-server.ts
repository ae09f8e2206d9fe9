/**
 * `tapedeck replay`: recorded responses served on 127.0.0.1 to real clients (an SDK pointed at
 * it with baseURL). Requests are matched with the recorder's own semantics (shared/match), one
 * playback session per cassette so repeated identical requests walk through the recordings as
 * the recorder would. The incoming URL is rebased onto each recorded origin (the client talks
 * to 127.0.0.1, the cassette to api.openai.com). Nothing matches: 404 with the explanation.
 * Binds 127.0.0.1 only, like `tapedeck serve`; no token, since SDK clients cannot send one in
 * the path, and the server only ever returns what the opened cassettes hold.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSession, recordedRequest, recorderFor } from '../../shared/match';
import type { Explanation, MatchOptions, MatchRequest, MatchSession, Recorder } from '../../shared/match';
import type { Cassette, Header } from '../../shared/model/cassette';
import { responseChunks, type Chunk } from './chunks';

export type Speed = 1 | 2 | 'max';

export interface ReplayOptions {
  port?: number;
  speed?: Speed;
  /** Overrides each cassette's own recorder (HAR cassettes default to vcrpy's matching). */
  recorder?: Recorder;
  match?: MatchOptions;
}

export interface RunningReplay {
  url: string;
  port: number;
  close(): Promise<void>;
}

// Hop-by-hop and body-framing headers describe the recorded transfer, not ours.
const DROP = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive']);

interface Deck {
  cassette: Cassette;
  session: MatchSession;
  origins: string[];
  /** Framed once per interaction: repeats and --speed max runs do not re-frame a large stream. */
  chunks: Map<number, Chunk[]>;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (b: Buffer) => parts.push(b));
    req.on('end', () => resolve(parts.length ? Buffer.concat(parts).toString('utf8') : null));
    req.on('error', reject);
  });
}

function incomingHeaders(req: IncomingMessage): Header[] {
  const out: Header[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    // Host names the replay server, Content-Length follows the body: neither was recorded for us.
    const name = req.rawHeaders[i];
    if (!/^(host|content-length|connection)$/i.test(name)) out.push({ name, value: req.rawHeaders[i + 1] });
  }
  return out;
}

/** `https://api.openai.com:443/v1/x` → `https://api.openai.com:443`, as recorded (ports kept). */
function origin(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? '';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function writeResponse(res: ServerResponse, deck: Deck, index: number, speed: Speed): Promise<void> {
  const it = deck.cassette.interactions[index];
  for (const h of it.response.headers) if (!DROP.has(h.name.toLowerCase())) res.appendHeader(h.name, h.value);
  res.writeHead(it.response.status ?? 200);
  const chunks = deck.chunks.get(index) ?? deck.chunks.set(index, responseChunks(it)).get(index)!;
  for (const c of chunks) {
    if (speed !== 'max' && c.delayMs > 0) await sleep(c.delayMs / speed);
    if (!res.write(c.bytes)) await new Promise((r) => res.once('drain', r));
  }
  res.end();
}

export async function startReplayServer(cassettes: Cassette[], opts: ReplayOptions = {}): Promise<RunningReplay> {
  const decks: Deck[] = cassettes.map((cassette) => {
    const recorder = opts.recorder ?? recorderFor(cassette.format) ?? 'vcrpy';
    const recorded = cassette.interactions.map(recordedRequest);
    return { cassette, session: createSession(recorded, recorder, opts.match), origins: [...new Set(recorded.map((r) => origin(r.url)))], chunks: new Map() };
  });
  const speed = opts.speed ?? 1;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const base: Omit<MatchRequest, 'url'> = { method: req.method ?? 'GET', headers: incomingHeaders(req), body };
    const misses: { cassette: string; url: string; explanation: Explanation }[] = [];
    for (const deck of decks) {
      for (const o of deck.origins) {
        const request = { ...base, url: o + (req.url ?? '/') };
        if (deck.session.peek(request).chosen === null) {
          misses.push({ cassette: deck.cassette.path, url: request.url, explanation: deck.session.peek(request) });
          continue;
        }
        const e = deck.session.next(request);
        res.setHeader('X-Tapedeck-Interaction', `${deck.cassette.path}#${e.chosen}`);
        return writeResponse(res, deck, e.chosen!, speed);
      }
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'no recorded interaction matches this request', method: base.method, path: req.url, misses }, null, 2));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`Internal error: ${(err as Error).message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
