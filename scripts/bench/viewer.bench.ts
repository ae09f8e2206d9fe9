/**
 * viewer.scrub_frame_p95_ms: frame work time while scrubbing a generated 100,000-event stream in
 * Chromium, against a real `tapedeck serve`. A frame's work is measured from its first
 * requestAnimationFrame callback to the first task after it (rAF + postMessage), which covers
 * the React render, style, layout and paint of that frame. Each frame seeks like a fast drag
 * (a different, far-apart event every frame). Baseline: the same measure on the idle page.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOpenAiStream } from './gen-openai-stream';
import type { Report } from './report';
import { launchChromium, serve } from './serve';

const EVENTS = 100_000;
const FRAMES = 600;

function cassetteYaml(n: number): string {
  const body = generateOpenAiStream(n).map((e) => `      data: ${e.data}\n      \n`).join('');
  const req = JSON.stringify({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'bench' }] });
  return `---\nversion: 2\ninteractions:\n- id: 0\n  request:\n    body: '${req}'\n    headers:\n      Content-Type:\n      - application/json\n    url: https://api.openai.com/v1/chat/completions\n    method: POST\n  response:\n    body: |+\n${body}    headers:\n      Content-Type:\n      - text/event-stream\n    status: 200 OK\n    code: 200\n    duration: 30s\n`;
}

/** Runs in the page: measures FRAMES frames, optionally seeking before each. */
function measureInPage(args: { frames: number; scrub: boolean }): Promise<number[]> {
  type Store = { getState(): { length: number; seek(k: number): void } };
  const store = (window as unknown as { __tapedeck: Store }).__tapedeck;
  const times: number[] = [];
  const ch = new MessageChannel();
  let start = 0;
  let k = 0;
  return new Promise((resolve) => {
    const onFrame = () => {
      start = performance.now();
      ch.port2.postMessage(0);
    };
    ch.port1.onmessage = () => {
      times.push(performance.now() - start);
      if (times.length >= args.frames) return resolve(times.slice(30)); // skip the warm-up (first switch to scrub rendering)
      // Register the next frame's first callback before seeking, so it runs before the views'.
      requestAnimationFrame(onFrame);
      if (args.scrub) {
        const n = store.getState().length;
        k = (k + 7919) % n; // far jumps: the worst case for checkpoint restores
        store.getState().seek(k);
      }
    };
    requestAnimationFrame(onFrame);
  });
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tapedeck-bench-viewer-'));
  mkdirSync(join(dir, 'bench'));
  writeFileSync(join(dir, 'bench', 'stream-100k.yaml'), cassetteYaml(EVENTS));
  const served = await serve(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(served.url);
    await page.locator('[data-testid="library-file"]').first().click();
    await page.getByTestId('scrub-slider').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500);
    const idle = await page.evaluate(measureInPage, { frames: FRAMES, scrub: false });
    const scrub = await page.evaluate(measureInPage, { frames: FRAMES, scrub: true });
    report({ name: 'viewer.scrub_frame_p95_ms', value: Number(p95(scrub).toFixed(2)), unit: 'ms', baseline: 'idle page frame p95', baselineValue: Number(p95(idle).toFixed(2)), target: { of: 'value', max: 16 }, note: `${EVENTS} events` });
  } finally {
    await browser.close();
    await served.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
