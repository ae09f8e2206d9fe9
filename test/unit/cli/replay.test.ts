/** `tapedeck replay` as a real child process: prints its URL, serves, explains a miss, stops on SIGTERM. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../fuzz/child';

const fixtures = fileURLToPath(new URL('../../fixtures/replay/', import.meta.url));
let cli: Awaited<ReturnType<typeof bundleEntry>>;
beforeAll(async () => {
  cli = await bundleEntry('main/cli/main.ts');
}, 180_000);
afterAll(() => cli?.dispose());

describe('tapedeck replay', () => {
  it('serves a folder of cassettes on 127.0.0.1 and answers a miss with a 404 explanation', async () => {
    const child = spawn(process.execPath, [cli.script, 'replay', '.', '--speed', 'max'], { cwd: fixtures });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+) /.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`exited: ${out}`)));
    });
    expect(out).toMatch(/^Replaying 2 cassette\(s\), 2 interaction\(s\) at /);
    const hit = await fetch(`${url}/v1/chat/completions`, { method: 'POST', body: '{}' });
    expect(hit.status).toBe(200);
    expect(hit.headers.get('x-tapedeck-interaction')).toBe('openai-tool-stream.yaml#0');
    expect(await hit.text()).toMatch(/data: \[DONE\]\n\n$/);
    const miss = await fetch(`${url}/v1/embeddings`, { method: 'POST', body: '{}' });
    expect(miss.status).toBe(404);
    expect(((await miss.json()) as { misses: unknown[] }).misses.length).toBe(2);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('bad usage exits 2', async () => {
    const child = spawn(process.execPath, [cli.script, 'replay', '.', '--speed', '3'], { cwd: fixtures });
    expect(await new Promise((r) => child.on('exit', r))).toBe(2);
  });
});
