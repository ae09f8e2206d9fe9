/**
 * Usage estimates for responses that lost their usage (docs/stream-formats.md §10.3): only missing parts are
 * counted, they are marked, reported numbers are never replaced, and nothing happens without a
 * registered tokenizer. Fixtures: test/fixtures/estimate/*.yaml (go-vcr v2, written by hand).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { encodingForModel, estimateUsage, missingUsage, registerTokenizer, type TokenizerFactory } from '../../../shared/llm/estimate-usage';
import { tiktokenCounter } from '../../../shared/llm/tokenizer-tiktoken';
import type { AssembledMessage } from '../../../shared/model/llm';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/estimate');
const load = (name: string) => analyzeCassette(parseCassette({ path: `${name}.yaml`, bytes: readFileSync(path.join(dir, `${name}.yaml`)) }));
const o200k = tiktokenCounter('o200k_base');
const cl100k = tiktokenCounter('cl100k_base');

// Building an encoder takes ~0.5 s: reuse the two above. (Importing tokenizer-tiktoken also
// registered it; each test states what it wants.)
const cached: TokenizerFactory = (enc) => (enc === 'o200k_base' ? o200k : cl100k);
beforeEach(() => registerTokenizer(cached));
afterEach(() => registerTokenizer(cached));

describe('js-tiktoken counts (checked first, the fixtures rely on them)', () => {
  it('counts known strings', () => {
    expect(o200k.count('hello world')).toBe(2);
    expect(cl100k.count('hello world')).toBe(2);
    expect(o200k.count('Let me check the weather.')).toBe(6);
    expect(o200k.count('{"city": "Florence"}')).toBe(7);
    expect(o200k.count('get_weather')).toBe(2);
    expect(o200k.count('The sky is blue because of Rayleigh scattering: shorter wavelengths scatter more.')).toBe(15);
    expect(o200k.count('Rayleigh scattering.')).toBe(4);
  });

  it('counts special-token text as plain text instead of throwing', () => {
    expect(o200k.count('<|endoftext|> hi')).toBe(8);
  });
});

describe('truncated OpenAI chat stream (text + tool call, no usage)', () => {
  it('estimates input and output, marked as estimated', () => {
    const a = load('openai-chat-truncated');
    const u = a.interactions[0].usage!;
    expect(a.interactions[0].message!.usage).toBeNull(); // the assembled message keeps what was reported
    // Output: "Let me check the weather." 6 + "get_weather" 2 + '{"city": "Florence"}' 7.
    expect(u.outputTokens).toBe(15);
    // Input, cookbook style: 3 reply priming; system 3+1+6; user 3+1+7 ("What is the weather in
    // Florence?" = 7); tools 12 once + per tool 7 + name 2 + description 6 + schema JSON 19.
    expect(u.inputTokens).toBe(70);
    expect(u.totalTokens).toBe(85);
    expect(u.reasoningTokens).toBe(0);
    expect(u.cacheReadTokens).toBe(0);
    expect(u.estimated).toMatchObject({ fields: ['inputTokens', 'outputTokens', 'reasoningTokens', 'totalTokens'], tokenizer: 'o200k_base' });
    expect(u.estimated!.note).toMatch(/cut off before the provider sent its token usage/);
    expect(u.estimated!.note).not.toMatch(/approximation/); // gpt-4o-mini is an OpenAI model
  });

  it('prices the estimate and marks the cost as coming from estimated usage', () => {
    const a = load('openai-chat-truncated');
    const c = a.interactions[0].cost;
    expect(c.reportedUsd).toBeNull();
    expect(c.estimatedUsd).toBeCloseTo(70 * 0.15e-6 + 15 * 0.6e-6, 12);
    expect(c.fromEstimatedUsage).toBe(true);
    expect(a.totals).toMatchObject({ inputTokens: 70, outputTokens: 15, usageMissing: 1, includesEstimates: { interactions: [0], inputTokens: 70, outputTokens: 15 } });
  });

  it('estimates nothing without a registered tokenizer, but still flags the missing usage', () => {
    registerTokenizer(null);
    const a = load('openai-chat-truncated');
    expect(a.interactions[0].usage).toBeNull();
    expect(a.interactions[0].cost).toEqual({ reportedUsd: null, estimatedUsd: null });
    expect(a.totals.includesEstimates).toBeUndefined();
    expect(a.totals.usageMissing).toBe(1);
    expect(a.totals.inputTokens).toBe(0);
  });
});

describe('truncated Anthropic stream (input usage in message_start, no message_delta)', () => {
  it('keeps the reported input and cache counts and estimates only the output', () => {
    const a = load('anthropic-truncated');
    const u = a.interactions[0].usage!;
    // Reported: input_tokens 14 + cache_read 2048; message_start's output_tokens 1 is a placeholder.
    expect(a.interactions[0].message!.usage).toMatchObject({ inputTokens: 2062, outputTokens: 1 });
    expect(u.inputTokens).toBe(2062);
    expect(u.cacheReadTokens).toBe(2048);
    expect(u.outputTokens).toBe(15 + 4); // text + thinking
    expect(u.reasoningTokens).toBe(4);
    expect(u.totalTokens).toBe(2081);
    expect(u.estimated!.fields).toEqual(['outputTokens', 'reasoningTokens', 'totalTokens']);
    expect(u.estimated!.note).toMatch(/input is as reported/);
    expect(u.estimated!.note).toMatch(/non-OpenAI models \(Claude, Gemini, …\) this is only an approximation/);
    expect(a.interactions[0].cost.fromEstimatedUsage).toBe(true);
    expect(a.totals.includesEstimates).toEqual({ interactions: [0], inputTokens: 0, outputTokens: 19 });
  });
});

describe('complete stream with reported usage', () => {
  it('is left untouched, and the tokenizer is never even built', () => {
    let built = 0;
    const spy: TokenizerFactory = (enc) => {
      built++;
      return cached(enc);
    };
    registerTokenizer(spy);
    const a = load('openai-chat-complete');
    const i = a.interactions[0];
    expect(i.usage).toBe(i.message!.usage);
    expect(i.usage).toEqual({ inputTokens: 81, outputTokens: 27, totalTokens: 108, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expect(i.cost.fromEstimatedUsage).toBeUndefined();
    expect(a.totals.includesEstimates).toBeUndefined();
    expect(a.totals.usageMissing).toBeUndefined();
    expect(built).toBe(0);
  });
});

describe('estimateUsage on hand-made messages', () => {
  const msg = (over: Partial<AssembledMessage>): AssembledMessage => ({
    id: null, model: null, text: '', reasoning: '', toolCalls: [], finishReason: 'stop', usage: null, reportedCostUsd: null, errors: [], done: true, ...over,
  });

  it('uses cl100k_base for GPT-4 era models', () => {
    const text = 'Tokenizers differ: 日本語のテキストとemoji 🎉 are split differently.';
    expect(cl100k.count(text)).not.toBe(o200k.count(text)); // the assertion below would prove nothing otherwise
    const u = estimateUsage({ dialect: 'openai-chat', model: 'gpt-4-0613', streaming: false, request: null, message: msg({ text }) })!;
    expect(u.estimated!.tokenizer).toBe('cl100k_base');
    expect(u.outputTokens).toBe(cl100k.count(text));
    // No parsed request: input is unknown, not estimated as 0.
    expect(u.estimated!.fields).not.toContain('inputTokens');
    expect(u.estimated!.note).toMatch(/sent no token usage.*Input is unknown/);
  });

  it('picks the encoding by model family', () => {
    for (const m of ['gpt-4', 'gpt-4-turbo', 'gpt-4-32k-0613', 'gpt-3.5-turbo', 'openai/gpt-4', 'gpt-35-turbo', 'text-embedding-ada-002']) expect(encodingForModel(m), m).toBe('cl100k_base');
    for (const m of ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1-nano', 'gpt-5', 'o3-mini', 'claude-sonnet-4-5', 'gemini-2.5-flash', null]) expect(encodingForModel(m), String(m)).toBe('o200k_base');
  });

  it('never replaces reported usage, however small', () => {
    const reported = { inputTokens: 3, outputTokens: 1, totalTokens: 4, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
    const m = msg({ text: 'a long answer that would count as many more tokens than one', usage: reported });
    for (const dialect of ['openai-chat', 'gemini', 'ollama', 'anthropic'] as const) {
      expect(estimateUsage({ dialect, model: 'x', streaming: true, request: null, message: m })).toBe(reported);
    }
    expect(missingUsage({ dialect: 'gemini', model: 'x', streaming: true, request: null, message: { ...m, done: false, finishReason: null } })).toBeNull();
  });
});
