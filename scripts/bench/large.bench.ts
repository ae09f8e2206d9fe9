/**
 * Opening one huge cassette in the browser app (issue 22, point 4): a go-vcr cassette of
 * streamed OpenAI interactions of 2 MB each plus one long stream, at SCALE of the issue's case
 * (100 interactions of 2 MB and one 500,000-event stream, ~200 MB; TAPEDECK_BENCH_LARGE_SCALE,
 * default 0.2: yaml.parse of the full case alone needs minutes and several GB on this shared
 * machine, and the app's open path holds the whole parse in the browser worker).
 * - viewer.large_first_paint_ms: from the click on its library row (once serve has indexed and
 *   linted it) to the first interaction's scrubber visible in Chromium, against a real
 *   `tapedeck serve`. Baseline: yaml.parse of the same file in Node. Target ≤ 2×.
 * - viewer.large_serve_rss_mb: serve's peak RSS (VmHWM) by then. Baseline: the file's size.
 *   Target ≤ 3×.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as yamlParse } from 'yaml';
import { round, type Report } from './report';
import { launchChromium, serve } from './serve';

const SCALE = Number(process.env.TAPEDECK_BENCH_LARGE_SCALE) || 0.2;

function chunk(i: number, delta: object, finish: string | null = null): string {
  return JSON.stringify({ id: `chatcmpl-${i}`, object: 'chat.completion.chunk', created: 1_750_000_000, model: 'gpt-4o-mini', choices: [{ index: 0, delta, finish_reason: finish }] });
}

/** A go-vcr block literal body of an OpenAI stream of about `bytes` bytes (or `events` events). */
function streamBody(i: number, limit: { bytes?: number; events?: number }): string {
  const out: string[] = [];
  let n = 0;
  for (let k = 0; (limit.bytes === undefined || n < limit.bytes) && (limit.events === undefined || k < limit.events - 3); k++) {
    const line = `      data: ${chunk(i, { content: `w${k % 97} ` })}\n      \n`;
    out.push(line);
    n += line.length;
  }
  out.push(`      data: ${chunk(i, {}, 'stop')}\n      \n`);
  out.push(`      data: ${JSON.stringify({ id: `chatcmpl-${i}`, object: 'chat.completion.chunk', model: 'gpt-4o-mini', choices: [], usage: { prompt_tokens: 100, completion_tokens: out.length, total_tokens: 100 + out.length } })}\n      \n`);
  out.push('      data: [DONE]\n      \n');
  return out.join('');
}

function interaction(i: number, body: string): string {
  const req = JSON.stringify({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: `question ${i}` }] });
  return `- id: ${i}\n  request:\n    proto: HTTP/1.1\n    body: '${req}'\n    headers:\n      Content-Type:\n      - application/json\n    url: https://api.openai.com/v1/chat/completions\n    method: POST\n  response:\n    proto: HTTP/2.0\n    body: |+\n${body}    headers:\n      Content-Type:\n      - text/event-stream\n    status: 200 OK\n    code: 200\n    duration: 12s\n`;
}

export function largeCassette(): { text: string; interactions: number; events: number } {
  const interactions = Math.max(1, Math.round(100 * SCALE));
  const events = Math.round(500_000 * SCALE);
  const parts = ['---\nversion: 2\ninteractions:\n'];
  for (let i = 0; i < interactions; i++) parts.push(interaction(i, streamBody(i, { bytes: 2e6 })));
  parts.push(interaction(interactions, streamBody(interactions, { events })));
  return { text: parts.join(''), interactions: interactions + 1, events };
}

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tapedeck-bench-large-'));
  const big = largeCassette();
  mkdirSync(join(dir, 'big'));
  const file = join(dir, 'big', 'agent-run.yaml');
  writeFileSync(file, big.text);
  const bytes = statSync(file).size;
  const mb = round(bytes / 1e6);
  const note = `${mb} MB: ${big.interactions - 1} streamed interactions of 2 MB and one of ${big.events} events, ${SCALE} of the issue's 200 MB case`;
  let t0 = performance.now();
  yamlParse(big.text);
  const baseMs = performance.now() - t0;
  big.text = '';

  const served = await serve(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(served.url);
    const row = page.locator('[data-testid="library-file"]').first();
    await row.waitFor({ state: 'visible', timeout: 300_000 });
    // Opened on an idle backend: once serve has indexed and linted the file (the bench measures
    // opening a cassette, not opening it while the folder is still being read).
    await page.waitForFunction(
      () => {
        type Row = { kind: string; lint: unknown };
        const store = (window as unknown as { __tapedeck?: { getState(): { summaries: ReadonlyMap<string, Row> } } }).__tapedeck;
        const rows = store ? [...store.getState().summaries.values()] : [];
        return rows.length > 0 && rows.every((r) => r.kind !== 'pending' && r.lint !== null);
      },
      undefined,
      { timeout: 600_000, polling: 500 },
    );
    t0 = performance.now();
    await row.click();
    await page.getByTestId('scrub-slider').waitFor({ state: 'visible', timeout: 600_000 });
    const paintMs = performance.now() - t0;
    report({ name: 'viewer.large_first_paint_ms', value: round(paintMs), unit: 'ms', baseline: 'yaml.parse of the same file', baselineValue: round(baseMs), target: { max: 2 }, note });
    report({ name: 'viewer.large_serve_rss_mb', value: round(served.peakRss() / 1e6), unit: 'MB', baseline: 'the file size', baselineValue: mb, target: { max: 3 } });
  } finally {
    await browser.close();
    await served.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
