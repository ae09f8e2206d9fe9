/** Event explanations on hand-made events, one dialect at a time, plus the filter and jump helpers. */
import { describe, expect, it } from 'vitest';
import { explainEvents, filterEvents, findTagged, noteGroups } from '../../../shared/llm/explain-events';
import { OpenAiChatAssembler } from '../../../shared/llm/assemblers/openai-chat';
import { prettyJsonLines } from '../../../shared/util/pretty-json-lines';
import { chunk, evs, tc } from './helpers';

const labels = (ns: { label: string }[]) => ns.map((n) => n.label);

describe('explainEvents', () => {
  it('openai-chat: text, argument pieces by slot, finish, usage, [DONE], junk', () => {
    const notes = explainEvents(
      evs([
        chunk({ role: 'assistant', content: "I'll perform" }),
        tc({ index: 0, id: 'call_1', type: 'function', function: { name: 'add', arguments: '' } }),
        tc({ index: 0, function: { arguments: '{"a": 2' } }),
        { id: 'c1', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
        { id: 'c1', object: 'chat.completion.chunk', model: 'm', choices: [], usage: { prompt_tokens: 154, completion_tokens: 56, total_tokens: 210 } },
        '[DONE]',
        'not json',
      ]),
      'openai-chat',
    );
    expect(labels(notes)).toEqual([
      `model m, text "I'll perform"`,
      'tool_call start add',
      `add#0 args +'{"a": 2'`,
      'finish tool_calls',
      'usage in 154 · out 56',
      '[DONE]',
      'error Unparseable event data: not json',
    ]);
    expect(notes[2].path).toEqual(['choices', 0, 'delta', 'tool_calls', 0, 'function', 'arguments']);
    expect(notes[0].path).toEqual(['choices', 0, 'delta', 'content']);
    expect(notes[4].path).toEqual(['usage']);
    expect(notes[6].tags).toEqual(['error']);
  });

  it('anthropic: tool_use start, ping, thinking, error event', () => {
    const notes = explainEvents(
      evs([
        { type: 'message_start', message: { id: 'msg_1', model: 'claude', usage: { input_tokens: 10, output_tokens: 1 } } },
        { type: 'ping' },
        { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
        { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Multiply them.' } },
        { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'tu_1', name: 'multiply', input: {} } },
        { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
      ]),
      'anthropic',
    );
    expect(notes[1].label).toBe('ping');
    expect(notes[1].tags).toEqual([]);
    expect(notes[3].label).toBe('reasoning +"Multiply them."');
    expect(notes[4].label).toBe('tool_use start multiply');
    expect(notes[4].path).toEqual(['content_block', 'name']);
    expect(notes[5].label).toMatch(/^error .*Overloaded/);
    expect(notes[5].path).toEqual(['error']);
  });

  it('gemini: one chunk carries text, finish and usage; long text is clipped on one line', () => {
    const long = 'line one\n' + 'x'.repeat(80);
    const [n] = explainEvents(
      evs([{ candidates: [{ content: { parts: [{ text: long }] }, finishReason: 'STOP' }], usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 4, totalTokenCount: 7 } }]),
      'gemini',
    );
    expect(n.label).toBe(`text "line one⏎${'x'.repeat(31)}…", finish STOP, usage in 3 · out 4`);
    expect(noteGroups(n)).toEqual(['text', 'usage']);
  });
});

describe('explain reads appends from the assembler, and compares texts whenever it cannot', () => {
  it('openai-responses: a delta to an earlier output item rebuilds the text, said as replaced', () => {
    const notes = explainEvents(
      evs([
        { type: 'response.output_text.delta', output_index: 0, content_index: 0, delta: 'Hello' },
        { type: 'response.output_text.delta', output_index: 1, content_index: 0, delta: 'World' },
        { type: 'response.output_text.delta', output_index: 0, content_index: 0, delta: ' there' },
        { type: 'response.output_text.delta', output_index: 1, content_index: 0, delta: '!' },
      ]),
      'openai-responses',
    );
    expect(labels(notes)).toEqual(['text "Hello"', 'text "World"', 'text replaced "Hello thereWorld"', 'text "!"']);
  });

  it('a dialect that writes its text directly (not through addText) is still explained exactly', () => {
    class Direct extends OpenAiChatAssembler {
      override handle(json: unknown): void {
        const o = json as { add?: string; set?: string; args?: string };
        if (o.add !== undefined) this.text = this.text + o.add;
        if (o.set !== undefined) this.text = o.set;
        if (o.args !== undefined) {
          if (this.calls.length === 0) this.openCall('c1', 'f');
          this.patchCall(0, { arguments: this.calls[0].arguments + o.args });
        }
      }
    }
    const a = new Direct();
    const notes = evs([{ add: 'ab' }, { add: 'cd' }, { set: 'xy' }, { args: '{"k"' }, { args: ': 1}' }, { set: 'xyz' }]).map((e) => a.explain(e));
    expect(labels(notes)).toEqual(['text "ab"', 'text "cd"', 'text replaced "xy"', "tool_call start f args '{\"k\"'", `f#0 args +': 1}'`, 'text "z"']);
  });
});

describe('filter and jump helpers', () => {
  const notes = explainEvents(
    evs([chunk({ content: 'a' }), tc({ index: 0, id: 'x', function: { name: 'f', arguments: '' } }), chunk({ content: 'b' }), tc({ index: 1, id: 'y', function: { name: 'g', arguments: '' } }), '[DONE]']),
    'openai-chat',
  );
  it('filters by group, an event showing when any of its groups is on', () => {
    expect(filterEvents(notes, new Set(['tool'] as const))).toEqual([1, 3]);
    expect(filterEvents(notes, new Set(['other'] as const))).toEqual([4]);
    expect(filterEvents(notes, new Set(['text', 'tool'] as const))).toEqual([0, 1, 2, 3]);
  });
  it('finds the next and previous tagged event, or null', () => {
    expect(findTagged(notes, -1, 'tool-start', 1)).toBe(1);
    expect(findTagged(notes, 1, 'tool-start', 1)).toBe(3);
    expect(findTagged(notes, 3, 'tool-start', 1)).toBeNull();
    expect(findTagged(notes, 3, 'tool-start', -1)).toBe(1);
  });
});

describe('prettyJsonLines', () => {
  it('prints like JSON.stringify(v, null, 2) and marks the lines under the path', () => {
    const v = { choices: [{ delta: { content: 'hi' }, n: null }], e: {}, a: [] };
    const lines = prettyJsonLines(v, ['choices', 0, 'delta']);
    expect(lines.map((l) => l.text).join('\n')).toBe(JSON.stringify(v, null, 2));
    expect(lines.filter((l) => l.hit).map((l) => l.text.trim())).toEqual(['"delta": {', '"content": "hi"', '},']);
    expect(prettyJsonLines(v).some((l) => l.hit)).toBe(false);
  });
});
