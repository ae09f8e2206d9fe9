import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { utf8Encode } from '../../../shared/util/bytes';
import { sourcePos } from '../../../renderer/src/features/editor/goto';
import { locateOffset } from '../../../shared/edit/source-map';
import { applyIntent } from '../../../shared/edit/structured-edit';
import { problemsOf, toMarkers, fixIndexOf } from '../../../renderer/src/features/editor/markers';

const path = join(__dirname, '../../fixtures/viewer/tool-calls-stream.yaml');
const text = readFileSync(path, 'utf8');
const load = (t: string) => {
  const cassette = parseCassette({ path: 'x.yaml', bytes: utf8Encode(t) });
  return { cassette, analysis: analyzeCassette(cassette) };
};
const lines = text.split('\n');

describe('offset → line mapping', () => {
  const { cassette, analysis } = load(text);
  it('maps a stream event of a block body to its own source line, and back', () => {
    for (const k of [0, 4, 10]) {
      const p = sourcePos(text, cassette, analysis, { kind: 'event', interaction: 0, event: k })!;
      const ev = analysis.interactions[0].stream!.events[k];
      expect(lines[p.line - 1].trim()).toBe(`data: ${ev.data}`);
      const off = lines.slice(0, p.line - 1).join('\n').length + 1 + 8;
      expect(locateOffset(cassette, analysis.interactions.map((a) => a.stream), text, off, p.line)).toEqual({ interaction: 0, event: k });
    }
  });
  it('maps interactions, headers and tool calls', () => {
    expect(lines[sourcePos(text, cassette, analysis, { kind: 'interaction', interaction: 1 })!.line - 1]).toMatch(/^- id: 1/);
    const h = sourcePos(text, cassette, analysis, { kind: 'header', interaction: 0, side: 'request', index: 0 })!;
    expect(lines[h.line - 1]).toContain('application/json');
    const tc = sourcePos(text, cassette, analysis, { kind: 'tool-call', interaction: 0, slot: 1 })!;
    expect(lines[tc.line - 1]).toContain('"id":"call_mul"');
  });
});

describe('structured edits → lossless ops', () => {
  const { analysis } = load(text);
  const lookup = (i: number) => analysis.interactions[i] ?? null;
  const changed = (a: string, b: string) => a.split('\n').flatMap((l, i) => (l === b.split('\n')[i] ? [] : [i + 1]));

  it('rewrites a streamed call\'s argument fragments so they concatenate to the new text', () => {
    const r = applyIntent(text, { kind: 'tool-args', interaction: 0, slot: 0, args: '{"a": 9}' }, lookup);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The two argument fragments that held the changed text (the call's first event, with
    // arguments "", keeps its bytes), and the copy of the call the next request sends back.
    expect(changed(text, r.text)).toEqual([31, 33, 58]);
    const after = load(r.text).analysis.interactions[0].message!.toolCalls[0];
    expect(after.arguments).toBe('{"a": 9}');
    expect(load(r.text).analysis.interactions[0].message!.toolCalls[1].arguments).toBe('{"a": 2, "b": 3}');
    expect(r.text.split('\n')[57]).toContain('"name":"add","arguments":"{\\"a\\": 9}"');
  });
  it('leaves the later request\'s copy alone when asked to (history: false)', () => {
    const r = applyIntent(text, { kind: 'tool-args', interaction: 0, slot: 0, args: '{"a": 9}', history: false }, lookup);
    expect(r.ok && changed(text, r.text)).toEqual([31, 33]);
  });
  it('renames a tool call id with its references, edits a message, a header, an event', () => {
    const r = applyIntent(text, { kind: 'tool-id', from: 'call_add', to: 'call_plus' }, lookup);
    expect(r.ok && !r.text.includes('"call_add"') && r.text.includes('call_plus')).toBe(true);
    const m = applyIntent(text, { kind: 'text', interaction: 0, side: 'request', old: 'Use both tools.', text: 'Use one tool.' }, lookup);
    expect(m.ok && changed(text, m.text)).toEqual([11]);
    const h = applyIntent(text, { kind: 'header', interaction: 0, side: 'request', name: 'Content-Type', value: 'text/plain' }, lookup);
    expect(h.ok && h.text.includes('- text/plain')).toBe(true);
    const e = applyIntent(text, { kind: 'event-data', interaction: 0, event: 10, data: '[DONE]x' }, lookup);
    expect(e.ok && e.text.includes('data: [DONE]x')).toBe(true);
    const d = applyIntent(text, { kind: 'delete-interaction', interaction: 1 }, lookup);
    expect(d.ok && load(d.text).cassette.interactions.length).toBe(1);
  });
  it('reports unsupported edits as errors, not exceptions', () => {
    const r = applyIntent(text, { kind: 'text', interaction: 0, side: 'request', old: 'not there', text: 'x' }, lookup);
    expect(r).toEqual({ ok: false, error: 'could not find that text in the request body' });
  });
});

describe('markers', () => {
  it('makes markers of the lint findings (parse errors among them), carrying the fix index in the marker code', () => {
    const p = problemsOf([
      { index: 2, code: 'secret/openai-key', severity: 'error', message: 'key', line: 9, fixTitle: 'Redact' },
      { index: 0, code: 'cassette/parse-error', severity: 'error', message: 'bad', line: 3, column: 6 },
    ]);
    const m = toMarkers(p, () => 20, 10);
    expect(m.map((x) => [x.startLineNumber, x.startColumn, x.code])).toEqual([[3, 6, 'cassette/parse-error'], [9, 1, 'secret/openai-key#2']]);
    expect(fixIndexOf(m[1].code)).toBe(2);
  });
});
