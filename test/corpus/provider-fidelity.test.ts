/**
 * Issue #14's acceptance over ../shared/corpus: inspect's engine (parse → analyse → inspectJson)
 * never reports more cache reads than input, and never leaves a provider-reported cost unread.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../shared/cassette/parse';
import { inspectJson } from '../../shared/inspect/inspect-json';
import { analyzeCassette } from '../../shared/llm/analyze';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const exists = existsSync(path.join(corpus, 'INDEX.tsv'));
if (!exists) console.warn('provider fidelity corpus suite skipped: ../shared/corpus not found');

// Every known shape of a cost the provider reports in the body (OpenRouter/xAI/Perplexity …).
const COST_FIELD = /"cost"\s*:\s*(-?\d|\{)|"cost_in_usd_ticks"\s*:\s*\d|"total_cost"\s*:\s*\d/;

const rows = () => readFileSync(path.join(corpus, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);

describe.skipIf(!exists)('provider fidelity over the corpus', () => {
  it('no cacheReadTokens > inputTokens, no reported cost left unread', () => {
    const problems: string[] = [];
    let withCost = 0;
    for (const rel of rows()) {
      const c = parseCassette({ path: rel, bytes: readFileSync(path.join(corpus, rel)) });
      if (c.format === null) continue;
      const a = analyzeCassette(c);
      const j = inspectJson(c, a) as { interactions: { usage: { inputTokens: number; cacheReadTokens: number } | null; cost: { reportedUsd: number | null }; status: number | null }[] };
      j.interactions.forEach((x, n) => {
        if (x.usage && x.usage.cacheReadTokens > x.usage.inputTokens) problems.push(`cacheRead > input: ${rel} #${n}`);
        const resp = c.interactions[n].response;
        if ((resp.status ?? 200) >= 400 || !a.interactions[n].provider) return;
        const ix = a.interactions[n];
        const raw = ix.stream ? ix.stream.events.map((e) => e.data).join('\n') : (resp.body.text ?? '');
        if (!COST_FIELD.test(raw)) return;
        withCost++;
        if (x.cost.reportedUsd === null) problems.push(`reported cost unread: ${rel} #${n}`);
      });
    }
    console.log(`corpus: ${withCost} LLM interactions report a cost in the body`);
    expect(withCost).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
