/**
 * `tapedeck serve`'s event stream opens with the workspace as it is (a `workspaceChanged`
 * event), then carries every later event after it. The page's first calls and its stream use
 * different connections: a stream that opens after the first scan ended would otherwise never
 * hear that it ended, and the sidebar would say "Indexing…" for good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../main/backend/backend';
import { startHttpServer, type RunningServer } from '../../../main/server/http-server';
import { goVcr } from '../workspace/helpers';
import { stubRenderer } from './stub-renderer';

type Frame = { event: string; payload: { roots: { path: string }[]; indexing: boolean } };

/** Reads `data:` frames off an open event stream as they come. */
function frames(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  const got: Frame[] = [];
  return {
    async next(): Promise<Frame> {
      for (;;) {
        const at = buf.indexOf('\n\n');
        if (at >= 0) {
          const block = buf.slice(0, at);
          buf = buf.slice(at + 2);
          if (!block.startsWith('data: ')) continue; // comments: ": connected", keep-alives
          const f = JSON.parse(block.slice(6)) as Frame;
          got.push(f);
          return f;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended after ${got.length} frame(s)`);
        buf += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe('tapedeck serve: event stream', () => {
  let backend: Backend;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    const dirs = stubRenderer('tapedeck-events-');
    base = dirs.base;
    const rendererDir = dirs.rendererDir;
    for (const d of ['first', 'second']) {
      mkdirSync(join(base, d));
      writeFileSync(join(base, d, 'a.yaml'), goVcr([{ content: `hello from ${d}` }]));
    }
    backend = createBackend({ configDir: join(base, 'config'), shell: 'browser', workerCount: 1 });
    await backend.handlers.openPath(join(base, 'first'));
    server = await startHttpServer(backend, { rendererDir });
  });
  afterAll(async () => {
    await server?.close();
    await backend?.close();
  });

  it('opens with the workspace as it is now, and later events follow it', async () => {
    // The first scan has ended before the stream opens: its own events were sent to no one.
    for (let i = 0; (await backend.handlers.getWorkspace()).indexing; i++) {
      if (i > 500) throw new Error('the first scan did not end');
      await new Promise((r) => setTimeout(r, 10));
    }
    const res = await fetch(`${server.url}api/events`);
    expect(res.status).toBe(200);
    const stream = frames(res.body!);
    // A hang guard: without the opening event nothing comes until the next change.
    const first = await Promise.race([stream.next(), new Promise<never>((_, no) => setTimeout(() => no(new Error('no opening event within 10 s')), 10_000))]);
    expect(first.event).toBe('workspaceChanged');
    expect(first.payload.indexing).toBe(false);
    expect(first.payload.roots.map((r) => r.path)).toEqual([join(base, 'first')]);

    await backend.handlers.openPath(join(base, 'second'));
    let later = await stream.next();
    while (later.event !== 'workspaceChanged') later = await stream.next();
    expect(later.payload.roots.map((r) => r.path).sort()).toEqual([join(base, 'first'), join(base, 'second')]);
    await stream.cancel();
  });
});
