import { describe, expect, it } from 'vitest';
import { OpenAiChatAssembler, openAiChatFromJson } from '../../../shared/llm/assemblers/openai-chat';
import { chunk, evs, run, tc } from './helpers';

const fin = (reason: string, extra: object = {}) => ({ id: 'c1', choices: [{ index: 0, delta: {}, finish_reason: reason }], ...extra });

describe('OpenAI chat assembler', () => {
  it('keeps id and name through Kimi null id/name deltas and repeated role', () => {
    const m = run(new OpenAiChatAssembler(), evs([
      tc({ index: 0, id: 'functions.add:0', type: 'function', function: { name: 'add', arguments: '' } }),
      chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: null, type: 'function', function: { name: null, arguments: '{"a":' } }] }),
      chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: null, function: { name: null, arguments: '1}' } }] }),
      fin('tool_calls'),
      '[DONE]',
    ]));
    expect(m.toolCalls).toEqual([{ slot: 0, id: 'functions.add:0', name: 'add', arguments: '{"a":1}', parse: 'complete', value: { a: 1 } }]);
    expect(m.finishReason).toBe('tool_calls');
    expect(m.done).toBe(true);
  });

  it('assigns a name repeated in every chunk instead of appending it', () => {
    const m = run(new OpenAiChatAssembler(), evs([
      tc({ index: 0, id: 'c', function: { name: 'read_file', arguments: '{"p":' } }),
      tc({ index: 0, function: { name: 'read_file', arguments: '"x"}' } }),
    ]));
    expect(m.toolCalls[0].name).toBe('read_file');
    expect(m.toolCalls[0].arguments).toBe('{"p":"x"}');
  });

  it('opens a new call when index 0 is reused with a new id and a name (Ollama-compatible)', () => {
    const m = run(new OpenAiChatAssembler(), evs([
      tc({ index: 0, id: 'a', function: { name: 'f', arguments: '{"x":1}' } }),
      tc({ index: 0, id: 'b', function: { name: 'g', arguments: '{"y":2}' } }),
      tc({ index: 0, id: 'b', function: { arguments: '' } }),
    ]));
    expect(m.toolCalls.map((c) => [c.id, c.name, c.arguments])).toEqual([['a', 'f', '{"x":1}'], ['b', 'g', '{"y":2}']]);
  });

  it('does not split a call when a continuation fragment carries a fresh id but no name', () => {
    const m = run(new OpenAiChatAssembler(), evs([
      tc({ index: 0, id: 'a', function: { name: 'f', arguments: '{"x":' } }),
      tc({ index: 0, id: 'zzz', function: { arguments: '1}' } }),
    ]));
    expect(m.toolCalls).toHaveLength(1);
    expect(m.toolCalls[0]).toMatchObject({ id: 'a', arguments: '{"x":1}', parse: 'complete' });
  });

  it('keeps a call whose first delta had no name, and accepts arguments sent whole (xAI, Groq)', () => {
    const m = run(new OpenAiChatAssembler(), evs([
      tc({ index: 0, id: 'x1', function: { arguments: '{"location":' } }),
      tc({ index: 0, function: { name: 'weather', arguments: '"SF"}' } }),
      tc({ index: 1, id: 7, function: { name: 'noop', arguments: '{}' } }),
    ]));
    expect(m.toolCalls.map((c) => [c.id, c.name, c.arguments, c.parse])).toEqual([
      ['x1', 'weather', '{"location":"SF"}', 'complete'],
      ['7', 'noop', '{}', 'complete'],
    ]);
  });

  it('takes usage from the finish chunk (DeepSeek) and overwrites earlier snapshots', () => {
    const m = run(new OpenAiChatAssembler(), evs([
      chunk({ content: 'Hi' }, { usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }),
      fin('stop', { usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, prompt_tokens_details: { cached_tokens: 4 }, completion_tokens_details: { reasoning_tokens: 2 } } }),
    ]));
    expect(m.usage).toEqual({ inputTokens: 10, outputTokens: 5, totalTokens: 15, cacheReadTokens: 4, cacheWriteTokens: 0, reasoningTokens: 2 });
    expect(m.text).toBe('Hi');
  });

  it('reads OpenRouter cost, reasoning_details instead of reasoning, and a usage chunk with finish_reason null', () => {
    const m = run(new OpenAiChatAssembler(), evs([
      chunk({ reasoning: 'First', reasoning_details: [{ type: 'reasoning.summary', summary: 'First', format: 'xai-responses-v1', index: 0 }] }),
      chunk({ reasoning: ' step' }),
      fin('stop'),
      chunk({ content: '' }, { usage: { prompt_tokens: 577, completion_tokens: 54, total_tokens: 631, cost: 0.000847 } }),
    ]));
    expect(m.reasoning).toBe('First step');
    expect(m.finishReason).toBe('stop');
    expect(m.reportedCostUsd).toBe(0.000847);
  });

  it('records an OpenRouter mid-stream error and still takes its finish_reason', () => {
    const m = run(new OpenAiChatAssembler(), evs([
      chunk({ content: 'Par' }),
      { id: 'cmpl-abc123', object: 'chat.completion.chunk', provider: 'openai', error: { code: 'server_error', message: 'Provider disconnected unexpectedly' }, choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }] },
    ]));
    expect(m.errors).toEqual(['server_error: Provider disconnected unexpectedly']);
    expect(m.finishReason).toBe('error');
    expect(m.done).toBe(false);
  });

  it('normalises xAI usage (completion excludes reasoning) and cost ticks', () => {
    const m = run(new OpenAiChatAssembler(), evs([
      fin('stop', { usage: { prompt_tokens: 307, completion_tokens: 26, total_tokens: 560, completion_tokens_details: { reasoning_tokens: 227 }, cost_in_usd_ticks: 1497500 } }),
    ]));
    expect(m.usage?.outputTokens).toBe(253);
    expect(m.reportedCostUsd).toBeCloseTo(0.00014975, 12);
  });

  it('reads a non-streamed completion', () => {
    const m = openAiChatFromJson({ id: 'x', model: 'gpt-4o', choices: [{ index: 0, message: { role: 'assistant', content: 'ok', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }, { id: 'call_2', type: 'function', function: { name: 'g', arguments: '{"a"' } }] }, finish_reason: 'tool_calls' }], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } });
    expect(m.text).toBe('ok');
    expect(m.toolCalls.map((c) => [c.id, c.name, c.parse])).toEqual([['call_1', 'f', 'complete'], ['call_2', 'g', 'partial']]);
    expect(m.usage?.totalTokens).toBe(7);
  });
});
