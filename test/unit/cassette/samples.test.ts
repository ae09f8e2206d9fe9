/**
 * The built-in samples in app/samples are what a first-run user sees: they must parse cleanly
 * and carry well-formed wire data (every SSE data line / NDJSON line is JSON, tool-call
 * fragments join into valid JSON, usage where the notes say it is).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import type { Cassette } from '../../../shared/model/cassette';
import { headerValue } from '../../../shared/model/cassette';

const root = path.resolve(__dirname, '../../../app/samples');
const load = (rel: string): Cassette => parseCassette({ path: rel, bytes: readFileSync(path.join(root, rel)) });
/** `data:` payloads of an SSE text (enough for these samples; the real parser lives in shared/stream). */
const sseData = (text: string) =>
  text
    .split(/\r\n\r\n|\n\n/)
    .flatMap((ev) => ev.split(/\r?\n/).filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)))
    .filter((d) => d !== '[DONE]')
    .map((d) => JSON.parse(d) as Record<string, any>);

describe('app/samples', () => {
  it('go-vcr openai-chat-parallel-tools: two parallel calls, usage chunk, [DONE], then the tool results', () => {
    const c = load('go-vcr/openai-chat-parallel-tools.yaml');
    expect([c.format, c.formatVersion, c.diagnostics]).toEqual(['go-vcr', 2, []]);
    const [first, second] = c.interactions;
    const text = first.response.body.text!;
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    const chunks = sseData(text);
    const args: Record<number, string> = {};
    for (const ch of chunks) for (const tc of ch.choices[0]?.delta.tool_calls ?? []) args[tc.index] = (args[tc.index] ?? '') + tc.function.arguments;
    expect(Object.values(args).map((a) => JSON.parse(a).location)).toEqual(['Paris, France', 'Tokyo, Japan']);
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: 148 } });
    const req2 = JSON.parse(second.request.body.text!);
    expect(req2.messages.filter((m: any) => m.role === 'tool')).toHaveLength(2);
    expect(sseData(second.response.body.text!).at(-2)?.choices[0].finish_reason).toBe('stop');
  });

  it('vcrpy anthropic-thinking: gzip body with thinking, signature, tool_use and cache usage', () => {
    const c = load('vcrpy/anthropic-thinking.yaml');
    expect([c.format, c.diagnostics]).toEqual(['vcrpy', []]);
    const body = c.interactions[0].response.body;
    expect([body.storage, body.contentEncoding]).toEqual(['binary-tag', ['gzip']]);
    const events = sseData(body.text!);
    const deltas = events.filter((e) => e.type === 'content_block_delta').map((e) => e.delta.type);
    expect(new Set(deltas)).toEqual(new Set(['thinking_delta', 'signature_delta', 'text_delta', 'input_json_delta']));
    const json = events.filter((e) => e.delta?.type === 'input_json_delta').map((e) => e.delta.partial_json).join('');
    expect(JSON.parse(json)).toEqual({ location: 'San Francisco, CA', unit: 'fahrenheit' });
    expect(events[0].message.usage.cache_read_input_tokens).toBeGreaterThan(1024);
    expect(events.at(-1)!.type).toBe('message_stop');
  });

  it('ruby-vcr gemini-sse: CRLF-separated events, thought part, functionCall, usageMetadata', () => {
    const c = load('ruby-vcr/gemini-sse.yml');
    expect([c.format, c.recordedWith, c.diagnostics]).toEqual(['ruby-vcr', 'VCR 6.3.1', []]);
    const text = c.interactions[0].response.body.text!;
    expect(text).toContain('}\r\n\r\ndata: ');
    const parts = sseData(text).flatMap((e) => e.candidates[0].content.parts);
    expect(parts[0].thought).toBe(true);
    expect(parts[1].functionCall).toEqual({ name: 'get_weather', args: { location: 'Lisbon, Portugal' } });
    expect(sseData(text).at(-1)!.usageMetadata.thoughtsTokenCount).toBe(58);
    expect(c.interactions[1].recordedAt).toBe('2025-07-31T10:12:09.000Z');
  });

  it('har openai-responses: reasoning summary, function call, response.completed with usage', () => {
    const c = load('har/openai-responses.har');
    expect([c.format, c.recordedWith, c.diagnostics]).toEqual(['har', 'Polly.JS 6.0.6', []]);
    const events = sseData(c.interactions[0].response.body.text!);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    const args = events.filter((e) => e.type === 'response.function_call_arguments.delta').map((e) => e.delta).join('');
    expect(JSON.parse(args)).toEqual({ order_id: 'HO-48213' });
    const done = events.at(-1)!;
    expect(done.type).toBe('response.completed');
    expect(done.response.usage.output_tokens_details.reasoning_tokens).toBe(128);
  });

  it('go-vcr openrouter-kimi: processing comments, Kimi tool id, reported cost', () => {
    const c = load('go-vcr/openrouter-kimi.yaml');
    const text = c.interactions[0].response.body.text!;
    expect(text.startsWith(': OPENROUTER PROCESSING\n\n')).toBe(true);
    const chunks = sseData(text);
    expect(chunks.some((ch) => ch.choices[0].delta.tool_calls?.[0].id === 'functions.get_time:0')).toBe(true);
    const usage = chunks.at(-1)!.usage;
    expect(usage.cost).toBeCloseTo(usage.cost_details.upstream_inference_prompt_cost + usage.cost_details.upstream_inference_completions_cost, 10);
  });

  it('vcrpy ollama-ndjson: one JSON object per line, metrics on the done line', () => {
    const c = load('vcrpy/ollama-ndjson.yaml');
    const res = c.interactions[0].response;
    expect(headerValue(res.headers, 'content-type')).toBe('application/x-ndjson');
    const lines = res.body.text!.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines.some((l) => l.message.thinking)).toBe(true);
    expect(lines.at(-1)).toMatchObject({ done: true, done_reason: 'stop', prompt_eval_count: 24, eval_count: 57 });
  });

  it('broken.yaml: one syntax error pointing at the bad quote', () => {
    const c = load('go-vcr/broken.yaml');
    expect(c.format).toBeNull();
    expect(c.diagnostics).toHaveLength(1);
    expect(c.diagnostics[0]).toMatchObject({ severity: 'error', code: 'yaml.syntax', line: 44, column: 59 });
  });
});
