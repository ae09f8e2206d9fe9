/**
 * Editing a tool call's arguments from the view, per dialect: the edited cassette re-analyses
 * to the new arguments, only the events that hold fragments change, and within an event only
 * the touched JSON value.
 */
import { describe, expect, it } from 'vitest';
import { decodeFrames } from '../../../shared/stream/eventstream-codec';
import { changedEvents, changedLines, edit, fixture, ia0, load, reassembled, tryEdit } from './helpers';

const args = (text: string) => reassembled(text).toolCalls[0].arguments;

describe('OpenAI chat and Anthropic', () => {
  it('chat: each changed value goes into the fragment that held it; the stream keeps its chunks', () => {
    const t = fixture('openai-chat-stream');
    const pieces = (text: string) => ia0(text).stream!.events.flatMap((e) => (e.json as any)?.choices?.[0]?.delta?.tool_calls?.map((c: any) => c.function.arguments) ?? []);
    expect(pieces(t)).toEqual(['', '{"a": 2', ', "b": 3}']);
    const out = edit(t, { kind: 'tool-args', interaction: 0, slot: 0, args: '{"a": 40, "b": 2}' });
    expect(args(out)).toBe('{"a": 40, "b": 2}');
    expect(pieces(out)).toEqual(['', '{"a": 40', ', "b": 2}']);
    expect(changedLines(t, out)).toHaveLength(2);
    expect(reassembled(out).text).toBe('Let me add <them>.');
  });
  it('anthropic: input_json_delta fragments, only the one holding the city', () => {
    const t = fixture('anthropic-stream');
    const out = edit(t, { kind: 'tool-args', interaction: 0, slot: 0, args: '{"location": "Pisa"}' });
    expect(args(out)).toBe('{"location": "Pisa"}');
    expect(changedLines(t, out)).toHaveLength(1);
  });
  it('a new value sharing nothing with the old still assembles exactly', () => {
    const t = fixture('openai-chat-stream');
    const out = edit(t, { kind: 'tool-args', interaction: 0, slot: 0, args: '[]' });
    expect(args(out)).toBe('[]');
  });
});

describe('OpenAI Responses', () => {
  const t = fixture('openai-responses-stream');
  const next = '{"a":40,"b":2}';
  const out = edit(t, { kind: 'tool-args', interaction: 0, slot: 0, args: next });
  const before = ia0(t);
  const after = ia0(out);
  it('re-assembles to the new arguments', () => expect(args(out)).toBe(next));
  it('updates deltas, the .done event, the finished item and the completed response consistently', () => {
    const ev = after.stream!.events.map((e) => e.json as Record<string, any>);
    const deltas = ev.filter((j) => j.type === 'response.function_call_arguments.delta').map((j) => j.delta);
    expect(deltas).toEqual(['{"a":40', ',"b":2}']);
    expect(ev.find((j) => j.type === 'response.function_call_arguments.done')!.arguments).toBe(next);
    expect(ev.find((j) => j.type === 'response.output_item.done' && j.item.type === 'function_call')!.item.arguments).toBe(next);
    expect(ev.find((j) => j.type === 'response.completed')!.response.output[1].arguments).toBe(next);
    // Events 9..13 hold the fragments; the added item (arguments "") and the text stay as they were.
    expect(changedEvents(before, after)).toEqual([9, 10, 11, 12, 13]);
    expect(after.message!.text).toBe('I will calculate.');
  });
  it('keeps every other byte of a touched event', () => {
    const a = before.stream!.events[13].data;
    const b = after.stream!.events[13].data;
    expect(b).toBe(a.replace(JSON.stringify('{"a":12,"b":7}'), JSON.stringify(next)));
  });
});

describe('Gemini', () => {
  for (const name of ['gemini-sse', 'gemini-json-array']) {
    it(`${name}: replaces the args object, leaving the rest of the chunk byte-identical`, () => {
      const t = fixture(name);
      const out = edit(t, { kind: 'tool-args', interaction: 0, slot: 0, args: '{"location": "Milan", "days": 1}' });
      expect(JSON.parse(args(out))).toEqual({ location: 'Milan', days: 1 });
      expect(out).toBe(t.replace(/(\\"args\\": ?)\{[^}]*\}/, '$1{\\"location\\": \\"Milan\\", \\"days\\": 1}'));
      // Go-style escapes elsewhere in the chunk survive.
      expect(out).toContain('check \\\\u003cRome\\\\u003e.');
    });
  }
  it('multi-line arguments are written on one line (a stream event stays one line), as typed', () => {
    const t = fixture('gemini-json-array');
    const out = edit(t, { kind: 'tool-args', interaction: 0, slot: 0, args: '{\n  "location": "Bari",\n  "id": 12345678901234567890,\n  "scale": 1.0\n}' });
    expect(JSON.parse(args(out))).toMatchObject({ location: 'Bari', scale: 1 });
    // Not re-serialised: a big integer keeps its digits and 1.0 stays 1.0 in the file.
    expect(out).toContain('{ \\"location\\": \\"Bari\\", \\"id\\": 12345678901234567890, \\"scale\\": 1.0 }');
  });
  it('refuses arguments that are not a JSON object', () => {
    const r = tryEdit(fixture('gemini-sse'), { kind: 'tool-args', interaction: 0, slot: 0, args: '{"location": ' });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('valid JSON') });
  });
  it('non-streamed generateContent: the args object in the body', () => {
    const t = fixture('gemini-json');
    const out = edit(t, { kind: 'tool-args', interaction: 0, slot: 0, args: '{"location":"Turin"}' });
    expect(args(out)).toBe('{"location":"Turin"}');
    expect(changedLines(t, out)).toHaveLength(1);
    expect(reassembled(out).text).toBe('Hello!');
  });
});

describe('Bedrock eventstream', () => {
  const framesOf = (text: string) => decodeFrames(load(text).cassette.interactions[0].response.body.bytes)!;
  function checkFrames(t: string, out: string, touched: number[]) {
    const a = framesOf(t);
    const b = framesOf(out);
    expect(b).toHaveLength(a.length);
    a.forEach((f, i) => {
      expect(b[i].headers).toEqual(f.headers);
      if (!touched.includes(i)) expect(b[i].payload).toEqual(f.payload);
    });
    expect(changedEvents(ia0(t), ia0(out))).toEqual(touched);
  }
  it('converse-stream: toolUse.input fragments, frames re-encoded with valid lengths and CRCs', () => {
    const t = fixture('bedrock-converse-stream');
    const out = edit(t, { kind: 'tool-args', interaction: 0, slot: 0, args: '{"city":"Lyon"}' });
    expect(args(out)).toBe('{"city":"Lyon"}');
    expect(ia0(out).diagnostics).toEqual([]);
    // Only the frame holding "Paris" changes.
    checkFrames(t, out, [6]);
    expect(reassembled(out).text).toBe('Checking Paris.');
  });
  it('invoke-with-response-stream: Anthropic deltas inside base64 `bytes`', () => {
    const t = fixture('bedrock-invoke-stream');
    const out = edit(t, { kind: 'tool-args', interaction: 0, slot: 0, args: '{"location": "Nice"}' });
    expect(args(out)).toBe('{"location": "Nice"}');
    expect(ia0(out).diagnostics).toEqual([]);
    checkFrames(t, out, [7]);
    // The wrapper keeps its other fields.
    expect(Object.keys(ia0(out).stream!.events[7].json as object)).toEqual(['bytes', 'p']);
  });
  it('an event edit in the Raw path also re-encodes the frame', () => {
    const t = fixture('bedrock-converse-stream');
    const out = edit(t, { kind: 'event-data', interaction: 0, event: 8, data: '{"stopReason":"end_turn"}' });
    expect(reassembled(out).finishReason).toBe('end_turn');
    checkFrames(t, out, [8]);
  });
});

describe('non-streamed Anthropic', () => {
  it('replaces the tool_use input object', () => {
    const t = fixture('anthropic-json');
    const out = edit(t, { kind: 'tool-args', interaction: 0, slot: 0, args: '{"location":"Bergen"}' });
    expect(args(out)).toBe('{"location":"Bergen"}');
  });
});
