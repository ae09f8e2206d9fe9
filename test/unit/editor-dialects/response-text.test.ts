/**
 * Editing the assembled response text from the view: the change goes into the text fragments
 * it touches (a word diff laid over them), whole copies get the whole text; the edited
 * cassette re-analyses to exactly the new text, the tool calls are untouched, and a small fix
 * changes only the events that hold it, so the stream keeps its chunks.
 */
import { describe, expect, it } from 'vitest';
import { changedEvents, changedLines, edit, fixture, ia0, reassembled, tryEdit } from './helpers';

const NEW = 'Edited: "quotes", <tags>, émoji 👋\nand a second line.';

const cases: { name: string; events: number[]; lines?: number }[] = [
  // "Let me" is kept where it was: the first piece does not change.
  { name: 'openai-chat-stream', events: [1, 2], lines: 2 },
  { name: 'anthropic-stream', events: [2, 3], lines: 2 },
  // deltas 3,4; .done 5; content_part.done 6; item done 7; completed 13.
  { name: 'openai-responses-stream', events: [3, 4, 5, 6, 7, 13], lines: 6 },
  { name: 'gemini-sse', events: [0, 1] },
  { name: 'gemini-json-array', events: [0, 1] },
  { name: 'bedrock-converse-stream', events: [1, 2] },
  { name: 'bedrock-invoke-stream', events: [2, 3] },
];

describe('streamed response text', () => {
  for (const c of cases) {
    it(`${c.name}: re-assembles to the new text, only text events change`, () => {
      const t = fixture(c.name);
      const before = ia0(t);
      const out = edit(t, { kind: 'response-text', interaction: 0, text: NEW });
      const msg = reassembled(out);
      expect(msg.text).toBe(NEW);
      expect(msg.toolCalls.map((x) => x.arguments)).toEqual(before.message!.toolCalls.map((x) => x.arguments));
      expect(changedEvents(before, ia0(out))).toEqual(c.events);
      if (c.lines !== undefined) expect(changedLines(t, out)).toHaveLength(c.lines);
    });
  }

  it('Responses: every whole copy carries the new text', () => {
    const out = edit(fixture('openai-responses-stream'), { kind: 'response-text', interaction: 0, text: NEW });
    const ev = ia0(out).stream!.events.map((e) => e.json as Record<string, any>);
    // Still two deltas, which a client joins into the new text.
    expect(ev.filter((j) => j.type === 'response.output_text.delta').map((j) => j.delta).join('')).toBe(NEW);
    expect(ev.filter((j) => j.type === 'response.output_text.delta' && j.delta !== '')).toHaveLength(2);
    expect(ev.find((j) => j.type === 'response.output_text.done')!.text).toBe(NEW);
    expect(ev.find((j) => j.type === 'response.content_part.done')!.part.text).toBe(NEW);
    expect(ev.find((j) => j.type === 'response.output_item.done')!.item.content[0].text).toBe(NEW);
    expect(ev.find((j) => j.type === 'response.completed')!.response.output[0].content[0].text).toBe(NEW);
    // The added part (text "") is not a fragment that needs touching.
    expect(ev[2].part.text).toBe('');
  });

  // One word changed: only the event holding it changes (plus whole copies, for Responses).
  const fixes: { name: string; from: string; to: string; events: number[] }[] = [
    { name: 'openai-chat-stream', from: '<them>', to: '<those>', events: [2] },
    { name: 'anthropic-stream', from: 'weather', to: 'forecast', events: [3] },
    { name: 'openai-responses-stream', from: 'calculate', to: 'compute', events: [4, 5, 6, 7, 13] },
    { name: 'gemini-sse', from: 'Rome', to: 'Milan', events: [1] },
    { name: 'bedrock-converse-stream', from: 'Paris', to: 'Lyon', events: [2] },
  ];
  for (const f of fixes) {
    it(`${f.name}: a one-word fix rewrites only the event that holds the word`, () => {
      const t = fixture(f.name);
      const before = ia0(t);
      const next = before.message!.text.replace(f.from, f.to);
      const out = edit(t, { kind: 'response-text', interaction: 0, text: next });
      expect(reassembled(out).text).toBe(next);
      expect(changedEvents(before, ia0(out))).toEqual(f.events);
      expect(ia0(out).stream!.events).toHaveLength(before.stream!.events.length);
    });
  }

  it('Gemini keeps the Go-style escapes of the chunk it does not touch', () => {
    const t = fixture('gemini-sse');
    const out = edit(t, { kind: 'response-text', interaction: 0, text: 'Hi' });
    expect(reassembled(out).text).toBe('Hi');
    const ev = ia0(out).stream!.events;
    expect(ev[1].data).toBe(ia0(t).stream!.events[1].data.replace('"check \\u003cRome\\u003e."', '""'));
  });

  it('editing to the same text is refused, not turned into a consolidation', () => {
    expect(tryEdit(fixture('anthropic-stream'), { kind: 'response-text', interaction: 0, text: 'Checking the weather.' })).toEqual({ ok: false, error: 'the text did not change' });
  });
});

describe('non-streamed response text', () => {
  it('anthropic: replaces the text block value', () => {
    const t = fixture('anthropic-json');
    const out = edit(t, { kind: 'response-text', interaction: 0, text: NEW });
    expect(reassembled(out).text).toBe(NEW);
    expect(reassembled(out).toolCalls[0].arguments).toBe('{"location":"Oslo"}');
    expect(changedLines(t, out)).toHaveLength(1);
  });
  it('gemini: replaces the non-thought text part, leaving the thought alone', () => {
    const out = edit(fixture('gemini-json'), { kind: 'response-text', interaction: 0, text: 'Ciao!' });
    const m = reassembled(out);
    expect(m.text).toBe('Ciao!');
    expect(m.reasoning).toBe('Thinking');
  });
});
