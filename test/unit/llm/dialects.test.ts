import { describe, expect, it } from 'vitest';
import { AnthropicAssembler } from '../../../shared/llm/assemblers/anthropic';
import { BedrockConverseAssembler, BedrockInvokeAssembler } from '../../../shared/llm/assemblers/bedrock';
import { CohereAssembler } from '../../../shared/llm/assemblers/cohere';
import { GeminiAssembler, geminiFromJson } from '../../../shared/llm/assemblers/gemini';
import { OllamaAssembler } from '../../../shared/llm/assemblers/ollama';
import { OpenAiResponsesAssembler, openAiResponsesFromJson } from '../../../shared/llm/assemblers/openai-responses';
import { frameBody } from '../../../shared/stream/frame';
import { base64Encode, utf8Encode } from '../../../shared/util/bytes';
import { body, concat, ct, esFrame } from '../stream/helpers';
import { evs, run } from './helpers';

describe('Anthropic assembler', () => {
  const start = { type: 'message_start', message: { id: 'msg_1', model: 'claude-sonnet-4-5', content: [], usage: { input_tokens: 450, cache_creation_input_tokens: 100, cache_read_input_tokens: 50, output_tokens: 1 } } };
  it('assembles thinking, signature and an incomplete tool input (SDK fixture shape)', () => {
    const a = new AnthropicAssembler();
    const m = run(a, evs([
      start,
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'The user wants a file' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'EqQB' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'ping' },
      { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_01', name: 'make_file', input: {} } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"filename": "taxes.txt' } },
      { type: 'content_block_stop', index: 1 },
      { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 89 } },
      { type: 'message_stop' },
    ]));
    expect(m.reasoning).toBe('The user wants a file');
    expect(a.signature).toBe('EqQB');
    expect(m.toolCalls[0]).toMatchObject({ id: 'toolu_01', name: 'make_file', arguments: '{"filename": "taxes.txt', parse: 'partial', value: { filename: 'taxes.txt' } });
    expect(m.finishReason).toBe('tool_use');
    // input excludes the cache on the wire: normalised input adds both cache counts back.
    expect(m.usage).toEqual({ inputTokens: 600, outputTokens: 89, totalTokens: 689, cacheReadTokens: 50, cacheWriteTokens: 100, reasoningTokens: 0 });
    expect(m.done).toBe(true);
  });

  it('records error events and ignores unknown ones', () => {
    const m = run(new AnthropicAssembler(), evs([start, { type: 'future_event' }, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }]));
    expect(m.errors).toEqual(['overloaded_error: Overloaded']);
    expect(m.done).toBe(false);
  });
});

describe('Gemini assembler', () => {
  it('reads CRLF SSE with thought parts, whole functionCall args and usage snapshots', () => {
    const chunks = [
      { candidates: [{ content: { role: 'model', parts: [{ text: 'Thinking…', thought: true }] } }], usageMetadata: { trafficType: 'PROVISIONED_THROUGHPUT' }, modelVersion: 'gemini-3-flash-preview' },
      { candidates: [{ content: { parts: [{ functionCall: { name: 'weather', args: { location: 'San Francisco' } }, thoughtSignature: 'Eq' }], role: 'model' }, index: 0 }], usageMetadata: { promptTokenCount: 29, candidatesTokenCount: 15, totalTokenCount: 89, thoughtsTokenCount: 45 } },
      { candidates: [{ content: { parts: [{ text: ' done' }], role: 'model' }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 29, candidatesTokenCount: 16, totalTokenCount: 90, thoughtsTokenCount: 45 }, responseId: 'r1' },
    ];
    const f = frameBody(body(chunks.map((c) => `data: ${JSON.stringify(c)}\r\n\r\n`).join('')), ct('text/event-stream'));
    const m = run(new GeminiAssembler(), f.events);
    expect(m.reasoning).toBe('Thinking…');
    expect(m.text).toBe(' done');
    expect(m.toolCalls).toEqual([{ slot: 0, id: null, name: 'weather', arguments: '{"location":"San Francisco"}', parse: 'complete', value: { location: 'San Francisco' } }]);
    expect(m.usage).toEqual({ inputTokens: 29, outputTokens: 61, totalTokens: 90, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 45 });
    expect(m.finishReason).toBe('STOP');
  });

  it('builds Vertex partialArgs calls and reads a JSON-array body', () => {
    const m = run(new GeminiAssembler(), evs([
      { candidates: [{ content: { parts: [{ functionCall: { name: 'w', willContinue: true } }] } }] },
      { candidates: [{ content: { parts: [{ functionCall: { partialArgs: [{ jsonPath: '$.city', stringValue: 'San ', willContinue: true }], willContinue: true } }] } }] },
      { candidates: [{ content: { parts: [{ functionCall: { partialArgs: [{ jsonPath: '$.city', stringValue: 'Jose' }, { jsonPath: '$.days', numberValue: 3 }] } }] } }] },
    ]));
    expect(m.toolCalls[0]).toMatchObject({ name: 'w', arguments: '{"city":"San Jose","days":3}', parse: 'complete' });
    const g = geminiFromJson([{ candidates: [{ content: { parts: [{ text: 'a' }] } }] }, { candidates: [{ content: { parts: [{ text: 'b' }] }, finishReason: 'STOP' }] }]);
    expect(g.text).toBe('ab');
  });
});

describe('Ollama assembler', () => {
  it('gathers thinking, content and whole tool calls from NDJSON', () => {
    const lines = [
      { model: 'qwen3', message: { role: 'assistant', content: '', thinking: 'Let me check' }, done: false },
      { model: 'llama3.2', message: { role: 'assistant', content: '', tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Tokyo' } } }] }, done: false },
      { model: 'llama3.2', message: { role: 'assistant', content: 'ok' }, done_reason: 'stop', done: true, prompt_eval_count: 169, eval_count: 15 },
    ];
    const f = frameBody(body(lines.map((l) => JSON.stringify(l)).join('\n') + '\n'), ct('application/x-ndjson'));
    const m = run(new OllamaAssembler(), f.events);
    expect(m).toMatchObject({ reasoning: 'Let me check', text: 'ok', finishReason: 'stop', done: true });
    expect(m.toolCalls[0]).toMatchObject({ name: 'get_weather', arguments: '{"city":"Tokyo"}', parse: 'complete' });
    expect(m.usage).toMatchObject({ inputTokens: 169, outputTokens: 15 });
  });
});

describe('Bedrock assemblers', () => {
  it('assembles ConverseStream frames', () => {
    const e = (t: string, p: object) => esFrame({ ':event-type': t, ':message-type': 'event', ':content-type': 'application/json' }, JSON.stringify({ ...p, p: 'abcdefgh' }));
    const bytes = concat(
      e('messageStart', { role: 'assistant' }),
      e('contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { text: 'Let me count' } } }),
      e('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Calling.' } }),
      e('contentBlockStart', { contentBlockIndex: 1, start: { toolUse: { toolUseId: 'tooluse_1', name: 'weather' } } }),
      e('contentBlockDelta', { contentBlockIndex: 1, delta: { toolUse: { input: '{"value":' } } }),
      e('contentBlockDelta', { contentBlockIndex: 1, delta: { toolUse: { input: '1}' } } }),
      e('contentBlockStop', { contentBlockIndex: 1 }),
      e('messageStop', { stopReason: 'tool_use' }),
      e('metadata', { usage: { inputTokens: 125, outputTokens: 45, totalTokens: 170, cacheReadInputTokens: 10, cacheWriteInputTokens: 0 } }),
    );
    const f = frameBody(body(bytes), ct('application/vnd.amazon.eventstream'));
    const m = run(new BedrockConverseAssembler(), f.events);
    expect(m).toMatchObject({ text: 'Calling.', reasoning: 'Let me count', finishReason: 'tool_use', done: true });
    expect(m.toolCalls[0]).toMatchObject({ id: 'tooluse_1', name: 'weather', arguments: '{"value":1}' });
    expect(m.usage).toMatchObject({ inputTokens: 135, cacheReadTokens: 10, outputTokens: 45 });
  });

  it('decodes InvokeModelWithResponseStream chunks holding Anthropic events, and exceptions', () => {
    const chunk = (o: object) => esFrame({ ':event-type': 'chunk', ':message-type': 'event' }, JSON.stringify({ bytes: base64Encode(utf8Encode(JSON.stringify(o))), p: 'abc' }));
    const bytes = concat(
      chunk({ type: 'message_start', message: { id: 'm', model: 'claude-haiku-4-5-20251001', content: [], usage: { input_tokens: 16, output_tokens: 1 } } }),
      chunk({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
      chunk({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Olá!' } }),
      chunk({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 18 } }),
      chunk({ type: 'message_stop', 'amazon-bedrock-invocationMetrics': { inputTokenCount: 16, outputTokenCount: 18 } }),
      esFrame({ ':exception-type': 'throttlingException', ':message-type': 'exception' }, '{"message":"slow down"}'),
    );
    const m = run(new BedrockInvokeAssembler(), frameBody(body(bytes), ct('application/vnd.amazon.eventstream')).events);
    expect(m).toMatchObject({ text: 'Olá!', finishReason: 'end_turn', model: 'claude-haiku-4-5-20251001', done: true });
    expect(m.usage).toMatchObject({ inputTokens: 16, outputTokens: 18 });
    expect(m.errors[0]).toMatch(/throttlingException/);
  });
});

describe('OpenAI Responses assembler', () => {
  it('assembles reasoning summary, text, a function call and usage', () => {
    const m = run(new OpenAiResponsesAssembler(), evs([
      { type: 'response.created', sequence_number: 0, response: { id: 'resp_1', model: 'gpt-5', output: [], usage: null } },
      { type: 'response.output_item.added', output_index: 0, item: { id: 'rs_1', type: 'reasoning', summary: [] } },
      { type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', output_index: 0, summary_index: 0, delta: '**Calc' },
      { type: 'response.output_item.added', output_index: 1, item: { id: 'fc_1', type: 'function_call', arguments: '', call_id: 'call_AB', name: 'calculator' } },
      { type: 'response.function_call_arguments.delta', item_id: 'fc_1', output_index: 1, delta: '{"a":12' },
      { type: 'response.function_call_arguments.done', item_id: 'fc_1', output_index: 1, arguments: '{"a":12,"b":7}' },
      { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 2, delta: 'Hel' },
      { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 2, delta: 'lo' },
      { type: 'response.completed', response: { id: 'resp_1', status: 'completed', usage: { input_tokens: 134, input_tokens_details: { cached_tokens: 100 }, output_tokens: 28, output_tokens_details: { reasoning_tokens: 20 }, total_tokens: 162 } } },
    ]));
    expect(m).toMatchObject({ id: 'resp_1', model: 'gpt-5', reasoning: '**Calc', text: 'Hello', finishReason: 'completed', done: true });
    expect(m.toolCalls[0]).toMatchObject({ id: 'call_AB', name: 'calculator', arguments: '{"a":12,"b":7}', parse: 'complete' });
    expect(m.usage).toEqual({ inputTokens: 134, outputTokens: 28, totalTokens: 162, cacheReadTokens: 100, cacheWriteTokens: 0, reasoningTokens: 20 });
  });

  it('reads a non-streamed response', () => {
    const m = openAiResponsesFromJson({ id: 'r', object: 'response', model: 'gpt-4.1', status: 'completed', output: [{ type: 'message', id: 'msg', content: [{ type: 'output_text', text: 'Hi' }] }, { type: 'function_call', id: 'fc', call_id: 'call_1', name: 'f', arguments: '{}' }], usage: { input_tokens: 5, output_tokens: 2, total_tokens: 7 } });
    expect(m).toMatchObject({ text: 'Hi', finishReason: 'completed' });
    expect(m.toolCalls[0]).toMatchObject({ id: 'call_1', name: 'f' });
  });
});

describe('Cohere assembler', () => {
  it('reads v2 SSE and v1 NDJSON streams', () => {
    const v2 = run(new CohereAssembler(), evs([
      { id: 'x', type: 'message-start', delta: { message: { role: 'assistant' } } },
      { type: 'tool-plan-delta', delta: { message: { tool_plan: 'I will' } } },
      { type: 'tool-call-start', index: 0, delta: { message: { tool_calls: { id: 'get_time_1', type: 'function', function: { name: 'get_time', arguments: '' } } } } },
      { type: 'tool-call-delta', index: 0, delta: { message: { tool_calls: { function: { arguments: '{"l":1}' } } } } },
      { type: 'message-end', delta: { finish_reason: 'TOOL_CALL', usage: { billed_units: { input_tokens: 62, output_tokens: 28 }, tokens: { input_tokens: 968, output_tokens: 83 } } } },
      '[DONE]',
    ]));
    expect(v2).toMatchObject({ reasoning: 'I will', finishReason: 'TOOL_CALL', usage: { inputTokens: 62, outputTokens: 28 } });
    expect(v2.toolCalls[0]).toMatchObject({ id: 'get_time_1', arguments: '{"l":1}' });
    const v1 = run(new CohereAssembler(), evs([
      { is_finished: false, event_type: 'stream-start', generation_id: 'g' },
      { is_finished: false, event_type: 'text-generation', text: 'Hi' },
      { is_finished: true, event_type: 'stream-end', finish_reason: 'COMPLETE', response: { meta: { billed_units: { input_tokens: 3, output_tokens: 1 } } } },
    ]));
    expect(v1).toMatchObject({ id: 'g', text: 'Hi', finishReason: 'COMPLETE', usage: { inputTokens: 3, outputTokens: 1 }, done: true });
  });
});
