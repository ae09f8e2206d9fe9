/**
 * Core benchmarks (plain Node via esbuild; no vitest here).
 * - core.seek_p95_ms: random seeks on a generated 100,000-event OpenAI chat stream, with
 *   checkpoints. Baseline: the same seeks replayed from event 0 without checkpoints.
 * - core.parse_mb_per_s: the full open of a cassette as the viewer does it (parseCassette with
 *   body decoding, analyzeCassette: framing and assembly, then every streamed interaction's
 *   replay checkpoints) over the golden dialect fixtures, scaled up by repetition. Baseline:
 *   yaml.parse of the same files in the same run. Target ≥ 1.0×.
 * - core.open_large_mb_per_s: the same full open of one large go-vcr cassette (a 20 MB OpenAI
 *   stream and 20 small interactions). Baseline: yaml.parse of that file.
 * - core.many_keys_300k_s: parseCassette and the index parser of a cassette whose headers are
 *   one mapping of 300,000 keys (duplicate-key checks used to make this quadratic: minutes).
 *   Baseline: yaml.parse of the same file with uniqueKeys off (on, yaml itself is quadratic).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as yamlParse } from 'yaml';
import { parseCassette } from '../../shared/cassette/parse';
import { parseCassetteForIndex } from '../../shared/cassette/parse-index';
import { createAssembler } from '../../shared/llm/dialects';
import { analyzeCassette } from '../../shared/llm/analyze';
import { createReplay } from '../../shared/llm/replay';
import { generateOpenAiStream } from './gen-openai-stream';
import { bestOf } from './report';

import type { Report } from './report';

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}

function seekTargets(n: number, count: number): number[] {
  let seed = 12345;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    out.push(seed % n);
  }
  return out;
}

export async function run(report: Report): Promise<void> {
  const events = generateOpenAiStream(100_000);
  const targets = seekTargets(events.length, 500);
  const replay = createReplay({ events, dialect: 'openai-chat' });
  replay.stateAt(events.length - 1); // opening the timeline builds the checkpoints once
  const times = targets.map((k) => {
    const t0 = performance.now();
    replay.stateAt(k);
    return performance.now() - t0;
  });
  const naive = targets.slice(0, 40).map((k) => {
    const t0 = performance.now();
    const a = createAssembler('openai-chat');
    for (let i = 0; i <= k; i++) a.step(events[i]);
    a.snapshot();
    return performance.now() - t0;
  });
  report({ name: 'core.seek_p95_ms', value: p95(times), unit: 'ms', baseline: 'replay from event 0, no checkpoints (40 of the same seeks)', baselineValue: p95(naive) });

  // Resolved from the repo root (the bench runner's cwd), so it works in both CJS and ESM bundles.
  const dir = path.resolve(process.cwd(), 'test/fixtures/dialects');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => ({ path: f, bytes: readFileSync(path.join(dir, f)) }));
  const rounds = 40;
  const mb = (files.reduce((s, f) => s + f.bytes.length, 0) * rounds) / 1e6;
  const decoder = new TextDecoder();
  const texts = files.map((f) => decoder.decode(f.bytes));
  let t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of files) fullOpen(f);
  const ours = mb / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) yamlParse(t);
  const base = mb / ((performance.now() - t0) / 1000);
  report({ name: 'core.parse_mb_per_s', value: ours, unit: 'MB/s', baseline: 'yaml.parse of the same files', baselineValue: base, target: { min: 1 } });

  const large = largeCassette();
  const largeFile = { path: 'large.yaml', bytes: new TextEncoder().encode(large) };
  const largeMb = largeFile.bytes.length / 1e6;
  const largeOurs = bestOf(2, () => fullOpen(largeFile));
  const largeBase = bestOf(2, () => yamlParse(large));
  report({ name: 'core.open_large_mb_per_s', value: largeMb / (largeOurs / 1000), unit: 'MB/s', baseline: 'yaml.parse of the same file', baselineValue: largeMb / (largeBase / 1000), target: { min: 1 }, note: `one ${largeMb.toFixed(1)} MB go-vcr cassette` });

  const manyKeys = manyKeysCassette(300_000);
  const manyBytes = new TextEncoder().encode(manyKeys);
  t0 = performance.now();
  parseCassette({ path: 'many.yaml', bytes: manyBytes });
  parseCassetteForIndex({ path: 'many.yaml', bytes: manyBytes });
  const manyOurs = (performance.now() - t0) / 2000;
  t0 = performance.now();
  yamlParse(manyKeys, { uniqueKeys: false });
  report({ name: 'core.many_keys_300k_s', value: manyOurs, unit: 's', baseline: 'yaml.parse of the same file, uniqueKeys off', baselineValue: (performance.now() - t0) / 1000 });
}

/** What opening a cassette in the viewer costs: parse, decode, analyse, replay checkpoints. */
function fullOpen(f: { path: string; bytes: Uint8Array }): void {
  const analysis = analyzeCassette(parseCassette(f));
  for (const ia of analysis.interactions) if (ia.stream && ia.stream.events.length > 0) createReplay(ia).stateAt(ia.stream.events.length - 1);
}

/** A go-vcr cassette: 20 small chat interactions and one ~20 MB OpenAI stream. */
function largeCassette(): string {
  const items: string[] = [];
  const stream = generateOpenAiStream(120_000).map((e) => `      data: ${e.data}\n      \n`).join('');
  for (let i = 0; i < 21; i++) {
    const streamed = i === 10;
    const req = JSON.stringify({ model: 'gpt-4o-mini', stream: streamed, messages: [{ role: 'user', content: `question ${i}` }] });
    const body = streamed ? `|+\n${stream}` : `'${JSON.stringify({ id: `c${i}`, object: 'chat.completion', model: 'gpt-4o-mini', choices: [{ index: 0, message: { role: 'assistant', content: `answer ${i}` }, finish_reason: 'stop' }], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } })}'\n`;
    items.push(`- id: ${i}\n  request:\n    body: '${req}'\n    headers:\n      Content-Type:\n      - application/json\n    url: https://api.openai.com/v1/chat/completions\n    method: POST\n  response:\n    body: ${body}    headers:\n      Content-Type:\n      - ${streamed ? 'text/event-stream' : 'application/json'}\n    status: 200 OK\n    code: 200\n    duration: 1.5s\n`);
  }
  return `---\nversion: 2\ninteractions:\n${items.join('')}`;
}

function manyKeysCassette(n: number): string {
  const keys: string[] = [];
  for (let i = 0; i < n; i++) keys.push(`      x-h${i}: v${i}`);
  return `interactions:\n- request:\n    body: ''\n    headers:\n${keys.join('\n')}\n    method: GET\n    uri: https://example.com/\n  response:\n    body: {string: ok}\n    headers: {}\n    status: {code: 200, message: OK}\nversion: 1\n`;
}
