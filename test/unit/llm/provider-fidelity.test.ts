/**
 * Issue #14, one fixture per class in test/fixtures/provider-fidelity (each in the recorder
 * format where the class was found), with its golden inspectJson output beside it
 * (<name>.expected.json; UPDATE_GOLDEN=1 rewrites them, then check by eye), plus the exact
 * facts each class is about.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { allDiagnostics, inspectJson } from '../../../shared/inspect/inspect-json';
import { inspectText } from '../../../shared/inspect/inspect-text';
import { analyzeCassette } from '../../../shared/llm/analyze';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/provider-fidelity');
const names = readdirSync(dir).filter((f) => /\.(ya?ml|har)$/.test(f));

function load(name: string) {
  const c = parseCassette({ path: `test/fixtures/provider-fidelity/${name}`, bytes: readFileSync(path.join(dir, name)) });
  const a = analyzeCassette(c);
  return { c, a, j: JSON.parse(JSON.stringify(inspectJson(c, a))), diags: allDiagnostics(c, a) };
}

describe('provider fidelity golden fixtures', () => {
  for (const name of names) {
    it(name, () => {
      const { j } = load(name);
      const file = path.join(dir, `${name.replace(/\.(ya?ml|har)$/, '')}.expected.json`);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, JSON.stringify(j, null, 2) + '\n');
      expect(j).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});

describe('provider fidelity classes', () => {
  it('1: a chunk carrying the token in legacy text and delta.content counts it once (Together)', () => {
    const { j } = load('c1-together-text-and-delta.har');
    expect(j.interactions[0].message.text).toBe('Sure, here');
  });

  it('2: Mistral thinking parts are reasoning, streamed and whole', () => {
    const { j } = load('c2-mistral-thinking.yml');
    expect(j.interactions[0].message).toMatchObject({ text: '4', reasoning: 'Two plus two is four.' });
    expect(j.interactions[1].message).toMatchObject({ text: 'Four.', reasoning: 'Easy.' });
  });

  it('3 + 5: a non-streamed message beside an empty delta is the text; cost.total_cost is read (Perplexity)', () => {
    const { j } = load('c3-perplexity-message-and-delta.yml');
    expect(j.interactions[0].message.text).toBe('Paris is the capital.');
    expect(j.interactions[0].cost.reportedUsd).toBe(0.005015);
  });

  it('4: input without cached tokens is normalised, said so, and still priced', () => {
    const { j, diags } = load('c4-cache-excluded.yaml');
    expect(j.interactions[0].usage).toMatchObject({ inputTokens: 1200, cacheReadTokens: 900, outputTokens: 20, totalTokens: 1220 });
    expect(j.interactions[1].usage).toMatchObject({ inputTokens: 168, cacheReadTokens: 161, outputTokens: 8 });
    expect(j.interactions[0].cost.estimatedUsd).not.toBeNull();
    expect(diags.filter((d) => d.code === 'usage.cache-excluded').map((d) => d.interaction)).toEqual([0, 1]);
  });

  it('5: reported cost in xAI ticks, OpenRouter Responses cost and cost.usd objects', () => {
    const { j } = load('c5-reported-costs.yaml');
    expect(j.interactions.map((x: { cost: { reportedUsd: number } }) => x.cost.reportedUsd)).toEqual([0.00051435, 0.0000113, 0.0000036]);
  });

  it("7: [DONE] without finish_reason and a non-standard error: line are warnings with the provider's text", () => {
    const { diags } = load('c7-stream-ends-badly.yaml');
    const noFinish = diags.filter((d) => d.code === 'stream.no-finish');
    expect(noFinish.map((d) => [d.severity, d.interaction])).toEqual([['warning', 0], ['warning', 1]]);
    const line = diags.find((d) => d.code === 'stream.error-line');
    expect(line?.severity).toBe('warning');
    expect(line?.message).toContain('upstream model overloaded');
    // Where: the body that carries it (the stream's own lines are inside one YAML scalar).
    const lines = readFileSync(path.join(dir, 'c7-stream-ends-badly.yaml'), 'utf8').split('\n');
    expect(lines[line!.line! - 1]).toMatch(/^\s+body: "data: .*error: /);
  });

  it('6: per-search and per-request fees are priced part by part, or the estimate says tokens only', () => {
    const { j } = load('c6-fees.yaml');
    const [anth, sonar, , ws, orWeb] = j.interactions.map((x: { cost: unknown }) => x.cost);
    expect(anth.parts.find((p: { label: string }) => p.label === 'web searches')).toEqual({ label: 'web searches', detail: '2 × $0.01', usd: 0.02 });
    expect(anth.estimatedUsd).toBe(0.0275);
    expect(sonar.parts.map((p: { label: string }) => p.label)).toEqual(['input', 'output', 'request fee']);
    expect(ws.parts.at(-1)).toEqual({ label: 'web search', detail: '1 × $0.01', usd: 0.01 });
    expect(orWeb.tokensOnly).toEqual(['1 web search']);
    expect(orWeb.parts.map((p: { label: string }) => p.label)).toEqual(['input', 'output']);
    for (const c of [anth, sonar, ws, orWeb]) expect(c.parts.reduce((s: number, p: { usd: number }) => s + p.usd, 0)).toBeCloseTo(c.estimatedUsd, 12);
  });

  it('8: inspect names who served each call beside its dialect', () => {
    const { j } = load('c8-vendors.yaml');
    expect(j.interactions.map((x: { provider: string; vendor: string }) => [x.provider, x.vendor])).toEqual([
      ['openai-chat', 'OpenRouter → Chutes'],
      ['openai-chat', 'Microsoft Azure'],
      ['gemini', 'Google Vertex AI'],
      ['bedrock', 'AWS Bedrock'],
      ['openai-chat', 'Together AI'],
      ['openai-chat', 'hyper.charm.land'],
    ]);
  });

  it("9: without a recording date the estimate says it uses today's prices; with one, it names the date", () => {
    expect(load('c9-no-recording-date.yaml').j.interactions[0].cost).toMatchObject({ todayPrices: true });
    expect(load('c9-no-recording-date.yaml').j.interactions[0].cost.priceDate).toBeUndefined();
    expect(load('c2-mistral-thinking.yml').j.interactions[0].cost).toMatchObject({ priceDate: '2026-08-19' });
  });

  it('6, 8, 9 in the text of `tapedeck inspect`', () => {
    const fees = load('c6-fees.yaml');
    const text = inspectText(fees.c, fees.a);
    expect(text).toContain('openai-chat via OpenRouter → Groq moonshotai/kimi-k2-0905');
    expect(text).toContain('(tokens only: 1 web search not in the price table)');
    expect(text).toContain('+ 2 web searches × $0.01');
    const nodate = load('c9-no-recording-date.yaml');
    expect(inspectText(nodate.c, nodate.a)).toContain("(no recording date: today's prices)");
  });
});
