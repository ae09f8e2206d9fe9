import { describe, expect, it } from 'vitest';
import { AnthropicAssembler, anthropicFromJson } from '../../../shared/llm/assemblers/anthropic';
import { OpenAiResponsesAssembler } from '../../../shared/llm/assemblers/openai-responses';
import { b64Bytes } from '../../../shared/llm/builtin-summary';
import { citationSources, openAiAnnotation } from '../../../shared/llm/citations';
import { createReplay } from '../../../shared/llm/replay';
import { evs, loadDialectFixture, run } from './helpers';

describe('Anthropic extra parts', () => {
  it('shows a streamed citation from its citations_delta on, before the cited text arrives', () => {
    const x = loadDialectFixture('anthropic-citations-stream').a.interactions[0];
    const r = createReplay(x);
    const k = x.stream!.events.findIndex((e) => e.data.includes('citations_delta'));
    expect(r.stateAt(k - 1).citations).toBeUndefined();
    const at = r.stateAt(k);
    expect(at.citations).toEqual([{ type: 'char_location', url: null, title: 'Nature facts', citedText: 'The grass is green. ', location: 'document 0, chars 0–19' }]);
    expect(at.text).toBe('According to the document, ');
    expect(r.stateAt(x.stream!.events.length - 1).citations).toHaveLength(2);
  });

  it('keeps redacted thinking as sized parts next to the readable thinking and its signature', () => {
    const m = anthropicFromJson({ type: 'message', content: [
      { type: 'thinking', thinking: 'Hmm.', signature: 'sig1' },
      { type: 'redacted_thinking', data: 'AAAA' },
      { type: 'redacted_thinking', data: 'AA==' },
      { type: 'text', text: 'Done.' },
    ], stop_reason: 'end_turn' });
    expect(m).toMatchObject({ reasoning: 'Hmm.', text: 'Done.', reasoningSignature: 'sig1', redactedThinking: [{ bytes: 3 }, { bytes: 1 }] });
  });

  it('summarises unknown *_tool_result blocks and marks is_error results failed', () => {
    const m = run(new AnthropicAssembler(), evs([
      { type: 'message_start', message: { id: 'm', model: 'claude', content: [], usage: { input_tokens: 1, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'mcp_tool_use', id: 'mcptoolu_1', name: 'lookup', server_name: 'kb', input: {} } },
      { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"query":"ab' } },
      { type: 'content_block_start', index: 1, content_block: { type: 'mcp_tool_result', tool_use_id: 'mcptoolu_1', is_error: true, content: [{ type: 'text', text: 'timeout' }] } },
      { type: 'content_block_start', index: 2, content_block: { type: 'future_tool_result', tool_use_id: 'x', content: { type: 'future_result' } } },
    ]));
    expect(m.builtinTools?.map((b) => [b.type, b.status, b.summary, b.error ?? null])).toEqual([
      ['mcp_tool_use', 'failed', 'query "ab"', null],
      ['mcp_tool_result', 'failed', 'error', 'timeout'],
      ['future_tool_result', 'completed', 'future_result', null],
    ]);
    expect(m.toolCalls.map((c) => c.name)).toEqual(['lookup']);
  });
});

describe('OpenAI Responses extra parts', () => {
  it('never carries image base64 into the built-in tool parts, at any step', () => {
    const x = loadDialectFixture('openai-responses-builtin-tools-stream').a.interactions[2];
    const r = createReplay(x);
    const blobs = x.stream!.events.map((e) => e.json as Record<string, unknown>).flatMap((j) => [j.partial_image_b64, (j.item as Record<string, unknown> | undefined)?.result]).filter((v): v is string => typeof v === 'string');
    expect(blobs).toHaveLength(3);
    for (let k = 0; k < r.length; k++) {
      const shown = JSON.stringify(r.stateAt(k).builtinTools ?? []);
      for (const b of blobs) expect(shown).not.toContain(b.slice(0, 40));
    }
    expect(r.stateAt(5).builtinTools?.[0]).toMatchObject({ status: 'generating', summary: '2 partial images (last 2.1 KB)' });
  });

  it('streams interpreter code into the part and ignores progress for items it never saw', () => {
    const m = run(new OpenAiResponsesAssembler(), evs([
      { type: 'response.web_search_call.searching', item_id: 'ws_missing', output_index: 0 },
      { type: 'response.output_item.added', output_index: 0, item: { id: 'ci', type: 'code_interpreter_call', status: 'in_progress', code: '' } },
      { type: 'response.code_interpreter_call_code.delta', item_id: 'ci', output_index: 0, delta: 'print(1)\n' },
      { type: 'response.code_interpreter_call_code.delta', item_id: 'ci', output_index: 0, delta: 'print(2)' },
      { type: 'response.code_interpreter_call.interpreting', item_id: 'ci', output_index: 0 },
    ]));
    expect(m.builtinTools).toEqual([{ slot: 0, type: 'code_interpreter_call', id: 'ci', status: 'interpreting', summary: '2 lines of code', input: 'print(1)\nprint(2)' }]);
    expect(m.errors).toEqual([]);
  });
});

describe('citation helpers', () => {
  it('groups a document cited on several pages into one numbered source', () => {
    const m = loadDialectFixture('anthropic-citations-json').a.interactions[0].message!;
    expect(citationSources(m.citations ?? [])).toEqual([
      { n: 1, url: null, title: 'Annual report 2024', locations: ['document 0, page 4', 'document 0, page 7'], count: 3, passages: ['Revenue increased 12% compared with 2023.', 'Subscription revenue was the main driver.'] },
    ]);
    const web = loadDialectFixture('anthropic-server-tools-stream').a.interactions[0].message!;
    expect(citationSources(web.citations ?? []).map((s) => [s.n, s.url])).toEqual([[1, 'https://en.wikipedia.org/wiki/Demographics_of_Tokyo']]);
  });

  it('cuts OpenAI annotation spans by code points, as the API counts them', () => {
    const text = '🎉 Party at [venue](https://v.example)';
    const c = openAiAnnotation({ type: 'url_citation', url: 'https://v.example', title: 'Venue', start_index: 11, end_index: text.length - 1 }, text);
    expect(c?.citedText).toBe('[venue](https://v.example)');
  });

  it('sizes base64 without decoding it', () => {
    expect([b64Bytes(''), b64Bytes('AA=='), b64Bytes('AAA='), b64Bytes('AAAA'), b64Bytes('AAAA\nAAAA')]).toEqual([0, 1, 2, 3, 6]);
  });
});

describe('OpenAI Responses encrypted reasoning', () => {
  const enc = 'gAAAAABo' + 'A'.repeat(92); // 100 base64 chars = 75 bytes
  it('shows encrypted reasoning by its size, once per item, from the step its item is done', () => {
    const events = evs([
      { type: 'response.created', response: { id: 'r', model: 'o4-mini', output: [] } },
      { type: 'response.output_item.added', output_index: 0, item: { id: 'rs_1', type: 'reasoning', summary: [] } },
      { type: 'response.output_item.done', output_index: 0, item: { id: 'rs_1', type: 'reasoning', summary: [], encrypted_content: enc } },
      { type: 'response.output_text.delta', output_index: 1, item_id: 'msg_1', delta: 'Hi' },
      { type: 'response.completed', response: { id: 'r', model: 'o4-mini', status: 'completed', output: [{ id: 'rs_1', type: 'reasoning', summary: [], encrypted_content: enc }] } },
    ]);
    const r = createReplay({ events, dialect: 'openai-responses' }, { checkpointEvery: 2 });
    expect(r.stateAt(1).redactedThinking).toBeUndefined();
    expect(r.stateAt(2).redactedThinking).toEqual([{ bytes: 75 }]);
    expect(r.stateAt(4).redactedThinking).toEqual([{ bytes: 75 }]);
    expect(run(new OpenAiResponsesAssembler(), events).redactedThinking).toEqual([{ bytes: 75 }]);
  });
});
