/**
 * Replay server benchmark.
 * - replay.chunks_per_s: SSE events per second a client reads from `tapedeck replay --speed max`
 *   for a 20,000-event OpenAI chat stream (match, framing into chunks, writes with backpressure).
 *   Baseline: a bare node:http server writing the same byte chunks in the same run.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseCassette } from '../../shared/cassette/parse';
import { responseChunks } from '../../main/replay/chunks';
import { startReplayServer } from '../../main/replay/replay-server';
import { generateOpenAiStream } from './gen-openai-stream';

type Report = (f: { name: string; value: number; unit: string; baseline?: string; baselineValue?: number }) => void;

function cassetteText(events: number): string {
  const body = generateOpenAiStream(events).map((e) => `data: ${e.data}\n\n`).join('');
  const literal = body.split('\n').map((l) => (l ? `        ${l}` : '')).join('\n');
  return `interactions:\n- request:\n    body: '{}'\n    headers: {}\n    method: POST\n    uri: https://api.openai.com/v1/chat/completions\n  response:\n    body:\n      string: |+\n${literal}\n    headers:\n      Content-Type:\n      - text/event-stream\n    status:\n      code: 200\n      message: OK\nversion: 1\n`;
}

async function readAll(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', body: '{}' });
  const reader = res.body!.getReader();
  for (;;) if ((await reader.read()).done) break;
  return performance.now() - t0;
}

export async function run(report: Report): Promise<void> {
  const n = 20_000;
  const cassette = parseCassette({ path: 'bench.yaml', bytes: new TextEncoder().encode(cassetteText(n)) });
  const chunks = responseChunks(cassette.interactions[0]);
  const best = async (once: () => Promise<number>) => Math.min(await once(), await once(), await once());

  const replayMs = await best(async () => {
    const s = await startReplayServer([cassette], { speed: 'max', match: { allowRepeats: true } });
    try {
      return await readAll(`${s.url}/v1/chat/completions`);
    } finally {
      await s.close();
    }
  });

  const raw = createServer((_req, res) => {
    void (async () => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      for (const c of chunks) if (!res.write(c.bytes)) await new Promise((r) => res.once('drain', r));
      res.end();
    })();
  });
  await new Promise<void>((r) => raw.listen(0, '127.0.0.1', () => r()));
  const rawMs = await best(() => readAll(`http://127.0.0.1:${(raw.address() as AddressInfo).port}/`));
  raw.close();
  raw.closeAllConnections();

  report({ name: 'replay.chunks_per_s', value: Math.round(chunks.length / (replayMs / 1000)), unit: 'chunks/s', baseline: 'bare http write of the same chunks', baselineValue: Math.round(chunks.length / (rawMs / 1000)) });
}
