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

  const one = (rel: string) => {
    const c = parseCassette({ path: rel, bytes: readFileSync(path.join(corpus, rel)) });
    const a = analyzeCassette(c);
    return { a, j: inspectJson(c, a) as { interactions: { vendor: string; message: { text: string; reasoning: string }; usage: { inputTokens: number; cacheReadTokens: number }; cost: { reportedUsd: number | null; estimatedUsd: number | null; parts?: { label: string }[] } }[] } };
  };
  const RV = 'ruby-vcr/ruby_llm/spec/fixtures/vcr_cassettes/';

  it('class 1: Together (Polly HAR) text once, not twice', () => {
    const { j } = one('polly-har/openllmetry-js/packages/instrumentation-together/recordings/Test-Together-instrumentation_114631371/should-set-attributes-in-span-for-streaming-chat_72904453/recording.har');
    expect(j.interactions[0].message.text).toMatch(/^Sure, here's a light-hearted joke for you:\n\nWhy did/);
    expect(j.interactions[0].message.text).not.toContain('SureSure');
    expect(j.interactions[0].vendor).toBe('Together AI');
  });

  it('class 2: Mistral hybrid reasoning streams its thinking as reasoning', () => {
    const { j } = one(`${RV}chat_mistral_hybrid_reasoning_streams_thinking_separately_from_content.yml`);
    expect(j.interactions[0].message.text).toBe('144');
    expect(j.interactions[0].message.reasoning).toMatch(/^The user is asking for the product of 12 multiplied by 12/);
  });

  it('classes 4, 5, 6, 8: Azure grok cache, xAI and Perplexity costs, OpenRouter Responses cost, a priced web search', () => {
    const az = one(`${RV}chat_streaming_responses_azure_grok-4-1-fast-non-reasoning_supports_streaming_responses.yml`);
    expect(az.j.interactions[0].usage).toMatchObject({ inputTokens: 168, cacheReadTokens: 161 });
    expect(az.j.interactions[0].cost.estimatedUsd).not.toBeNull();
    expect(az.j.interactions[0].vendor).toBe('Microsoft Azure');
    const xai = one(`${RV}chat_streaming_responses_xai_grok-4-1-fast-non-reasoning_supports_streaming_responses.yml`);
    // The reported ticks and the offline estimate agree to the cent fraction.
    expect(xai.j.interactions[0].cost).toMatchObject({ reportedUsd: 0.00051435, estimatedUsd: 0.00051435 });
    expect(one(`${RV}chat_streaming_responses_perplexity_sonar_supports_streaming_responses.yml`).j.interactions[0].cost.reportedUsd).toBe(0.00501);
    expect(one(`${RV}chat_with_extended_thinking_perplexity_sonar-reasoning-pro_returns_thinking_when_available.yml`).j.interactions[0].cost.reportedUsd).toBe(0.00995);
    expect(one('vcrpy/pydantic-ai/tests/models/cassettes/test_openai_responses/test_openai_responses_raw_cot_stream_openrouter.yaml').j.interactions[0].cost.reportedUsd).toBe(0.0000113);
    const ws = one('go-vcr/fantasy/providertests/testdata/TestOpenAIWebSearch/stream.yaml');
    expect(ws.j.interactions[0].cost.parts?.map((p) => p.label)).toEqual(['input', 'output', 'web search']);
  });
});
