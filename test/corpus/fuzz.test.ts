/**
 * Fuzz: seeded mutations of corpus files (of the project's fixtures when ../shared/corpus is
 * missing), each opened by the real pipeline (inspect, lint, index parse, redaction plan) in a
 * child process with a 1 GB heap. Zero crashes (a thrown exception or an internal-error
 * diagnostic), no file over 10 s, no child over 1 GB of RSS. Prints the seed and the count;
 * TAPEDECK_FUZZ_SEED / TAPEDECK_FUZZ_COUNT vary them (a failure names the seed to replay). About
 * 10 s for the default 200 on an idle 2-core machine (a minute under heavy load).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleEntry, runChild } from '../unit/fuzz/child';
import { mutate, prng } from '../unit/fuzz/mutate';

const corpus = join(__dirname, '../../../shared/corpus');
const fixtures = join(__dirname, '../fixtures');
/** TAPEDECK_FUZZ_FIXTURES=1 fuzzes the fixtures even where the corpus exists. */
const hasCorpus = existsSync(join(corpus, 'INDEX.tsv')) && process.env.TAPEDECK_FUZZ_FIXTURES !== '1';
const SEED = Number(process.env.TAPEDECK_FUZZ_SEED ?? 20261205);
const COUNT = Number(process.env.TAPEDECK_FUZZ_COUNT ?? 200);
const BATCH = 40;
/** Large files make each run slow without reaching new code: mutate the smaller ones. */
const MAX_SOURCE_BYTES = 256 * 1024;
const CASSETTE = /\.(ya?ml|ya?ml\.gz|har|json)$/;

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? fixtureFiles(join(dir, e.name)) : CASSETTE.test(e.name) && !e.name.endsWith('.expected.json') ? [join(dir, e.name)] : [],
  );
}

function sources(): string[] {
  const all = hasCorpus
    ? readFileSync(join(corpus, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => join(corpus, l.split('\t')[0]))
    : fixtureFiles(fixtures);
  return all.filter((f) => statSync(f).size <= MAX_SOURCE_BYTES).sort();
}

const out = mkdtempSync(join(tmpdir(), 'tapedeck-fuzz-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('fuzz: mutated cassettes through the real pipeline', () => {
  it('no crash, no hang over 10 s, no process over 1 GB', async () => {
    if (!hasCorpus) console.warn('fuzz: mutating the project fixtures (../shared/corpus not found, or TAPEDECK_FUZZ_FIXTURES=1)');
    const r = prng(SEED);
    const src = sources();
    const made: { file: string; from: string; ops: string[] }[] = [];
    for (let i = 0; i < COUNT; i++) {
      const from = src[Math.floor(r() * src.length)];
      const bytes = readFileSync(from);
      const gz = from.endsWith('.gz');
      const m = mutate((gz ? gunzipSync(bytes) : bytes).toString('utf8'), r);
      const file = join(out, `${String(i).padStart(4, '0')}-${basename(from)}`);
      writeFileSync(file, gz ? gzipSync(m.text) : m.text);
      made.push({ file, from, ops: m.ops });
    }
    console.log(`fuzz: seed ${SEED}, ${COUNT} mutants of ${src.length} ${hasCorpus ? 'corpus files' : 'fixtures'}`);
    const entry = await bundleEntry();
    const failures: string[] = [];
    let maxRss = 0;
    try {
      for (let i = 0; i < made.length; i += BATCH) {
        const batch = made.slice(i, i + BATCH);
        const res = await runChild(entry.script, batch.map((b) => b.file), { timeoutMs: 120_000, heapMb: 1024, env: { TAPEDECK_FUZZ_REDACT: '1' } });
        maxRss = Math.max(maxRss, res.maxRssMb);
        const origin = (f: string) => made.find((m) => f.includes(basename(m.file)));
        for (const c of res.crashes) failures.push(`${c}\n    from ${origin(c)?.from} by ${origin(c)?.ops.join('+')}`);
        for (const s of res.slow) if (s.ms > 10_000) failures.push(`hang: ${s.file} took ${s.ms} ms`);
        if (res.timedOut || res.code !== 0) failures.push(`batch ${i / BATCH}: exit ${res.code}${res.timedOut ? ' (timed out)' : ''} ${res.stderr}`);
        if (res.maxRssMb >= 1024) failures.push(`batch ${i / BATCH}: ${Math.round(res.maxRssMb)} MB RSS`);
      }
    } finally {
      entry.dispose();
    }
    console.log(`fuzz: ${COUNT} inputs, ${failures.length} failures, peak child RSS ${Math.round(maxRss)} MB (seed ${SEED})`);
    expect(failures).toEqual([]);
    expect(maxRss).toBeGreaterThan(0);
  }, 300_000);
});
