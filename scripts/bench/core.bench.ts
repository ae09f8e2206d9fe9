/**
 * Core benchmarks (plain Node via esbuild; no vitest here).
 * - core.seek_p95_ms: random seeks on a generated 100,000-event OpenAI chat stream, with
 *   checkpoints. Baseline: the same seeks replayed from event 0 without checkpoints.
 * - core.parse_mb_per_s: parseCassette + analyzeCassette over the golden dialect fixtures (scaled
 *   up by repetition). Baseline: yaml.parse of the same files in the same run.
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

type Report = (f: { name: string; value: number; unit: string; baseline?: string; baselineValue?: number }) => void;

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
  for (let r = 0; r < rounds; r++) for (const f of files) analyzeCassette(parseCassette(f));
  const ours = mb / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) yamlParse(t);
  const base = mb / ((performance.now() - t0) / 1000);
  report({ name: 'core.parse_mb_per_s', value: ours, unit: 'MB/s', baseline: 'yaml.parse of the same files', baselineValue: base });

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

function manyKeysCassette(n: number): string {
  const keys: string[] = [];
  for (let i = 0; i < n; i++) keys.push(`      x-h${i}: v${i}`);
  return `interactions:\n- request:\n    body: ''\n    headers:\n${keys.join('\n')}\n    method: GET\n    uri: https://example.com/\n  response:\n    body: {string: ok}\n    headers: {}\n    status: {code: 200, message: OK}\nversion: 1\n`;
}
