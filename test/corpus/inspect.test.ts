import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../shared/cassette/parse';
import { inspectJson } from '../../shared/inspect/inspect-json';
import { analyzeCassette } from '../../shared/llm/analyze';
import { createReplay } from '../../shared/llm/replay';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const exists = existsSync(path.join(corpus, 'INDEX.tsv'));
if (!exists) console.warn('corpus suite skipped: ../shared/corpus not found');

const load = (rel: string) => {
  const c = parseCassette({ path: rel, bytes: readFileSync(path.join(corpus, rel)) });
  return { c, a: analyzeCassette(c) };
};

const REF = 'go-vcr/fantasy/_history/ad6c0291c3d423f8a531d2d4f7b5a7af0b3d8018/providertests/testdata/TestOpenRouterWithUniqueToolCallIDs/stream_unique_tool_call_ids.yaml';

describe.skipIf(!exists)('inspect over the corpus', () => {
  it('reference case: OpenRouter/Kimi stream with rewritten tool-call ids', () => {
    const { c, a } = load(REF);
    const j = inspectJson(c, a) as any;
    expect(j.interactions).toHaveLength(2);
    const i0 = j.interactions[0];
    expect(i0.events).toBe(46);
    expect(i0.message).toEqual({
      text: "I'll perform both the addition and multiplication of 2 and 3 for you.",
      reasoning: '',
      toolCalls: [
        { id: 'add:0', name: 'add', arguments: '{"a": 2, "b": 3}' },
        { id: 'multiply:1', name: 'multiply', arguments: '{"a": 2, "b": 3}' },
      ],
      finishReason: 'tool_calls',
    });
    expect(i0.usage).toMatchObject({ inputTokens: 154, outputTokens: 56, totalTokens: 210 });
    expect(i0.cost.reportedUsd).toBe(0.0002324);
    expect(a.links.map((l) => [l.fromInteraction, l.callId, l.toInteraction, l.resultId, l.by])).toEqual([
      [0, 'add:0', 1, 'test-3', 'position'],
      [0, 'multiply:1', 1, 'test-4', 'position'],
    ]);
    const warn = j.diagnostics.find((d: any) => d.code === 'links.by-position');
    expect(warn.severity).toBe('warning');
    expect(warn.message).toContain('add:0');
    expect(warn.message).toContain('test-3');

    const r = createReplay(a.interactions[0]);
    expect(r.length).toBe(46);
    const s = r.stateAt(24);
    expect(s.text).toBe("I'll perform both the addition and multiplication of 2 and 3 for you.");
    expect(s.toolCalls).toHaveLength(1);
    expect(s.toolCalls[0]).toMatchObject({ name: 'add', arguments: '{"a": 2, "', parse: 'partial' });
    const last = r.stateAt(45);
    expect(last.toolCalls.map((t) => [t.name, t.parse])).toEqual([['add', 'complete'], ['multiply', 'complete']]);
  });

  it('parses every HTTP cassette; LLM responses get usage and messages', () => {
    const rows = readFileSync(path.join(corpus, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
    const table: Record<string, { interactions: number; streamed: number; withUsage: number; withCost: number }> = {};
    const problems: string[] = [];
    let files = 0;
    for (const rel of rows) {
      const { c, a } = load(rel);
      if (c.format === null) continue; // non-HTTP custom cassettes (gRPC, websocket) are rejected by the reader
      files++;
      expect(c.interactions.length, rel).toBeGreaterThan(0);
      a.interactions.forEach((x, n) => {
        if (!x.provider) return;
        const row = (table[x.dialect ?? x.provider] ??= { interactions: 0, streamed: 0, withUsage: 0, withCost: 0 });
        row.interactions++;
        if (x.streaming) row.streamed++;
        if (x.usage) row.withUsage++;
        if (x.cost.estimatedUsd !== null || x.cost.reportedUsd !== null) row.withCost++;
        const resp = c.interactions[n].response;
        if ((resp.status ?? 200) >= 400) return;
        const raw = x.stream ? x.stream.events.map((e) => e.data).join('\n') : (resp.body.text ?? '');
        if (/"(usage|usageMetadata)"\s*:\s*\{|prompt_eval_count|invocationMetrics|billed_units/.test(raw) && !x.usage) problems.push(`no usage: ${rel} #${n}`);
        if (x.streaming && !x.message) problems.push(`no message: ${rel} #${n}`);
      });
    }
    console.log(`corpus: ${files} HTTP cassettes`);
    console.table(table);
    expect(problems).toEqual([]);
  });
});
