import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { applyFixes, applyFixesDetailed, lintCassette } from '../../../shared/lint/engine';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { utf8Encode } from '../../../shared/util/bytes';
import { fixture, lineDiff } from './helpers';

function fixOnly(code: string): { before: string; after: string } {
  const before = fixture(code, 'bad');
  const findings = lintCassette(before, `${code}.yaml`).filter((f) => f.code === code);
  expect(findings.length).toBeGreaterThan(0);
  expect(findings.every((f) => f.fix)).toBe(true);
  const rep = applyFixesDetailed(before, findings);
  expect(rep.failed).toEqual([]);
  return { before, after: rep.text };
}

function expectCleanRoundTrip(code: string, before: string, after: string) {
  expect(after).not.toBe(before);
  expect(lintCassette(after, 'fixed.yaml').filter((f) => f.code === code)).toEqual([]);
  const a = parseCassette({ path: 'a.yaml', bytes: utf8Encode(before) });
  const b = parseCassette({ path: 'b.yaml', bytes: utf8Encode(after) });
  expect(b.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(b.format).toBe(a.format);
  expect(b.interactions.length).toBe(a.interactions.length);
}

describe('fixes: the fixed file lints clean for the rule, parses, and only the intended lines change', () => {
  it('stream/completed-mismatch rewrites only the two values of the completed copy, from the deltas', () => {
    const { before, after } = fixOnly('stream/completed-mismatch');
    expectCleanRoundTrip('stream/completed-mismatch', before, after);
    const d = lineDiff(before, after);
    expect(d.removed).toHaveLength(1);
    expect(d.added).toHaveLength(1);
    const was = before.split('\n')[d.removed[0] - 1];
    const now = d.added[0];
    expect(now).toContain('"type":"response.completed"');
    // Exactly the two disagreeing string values changed; every other byte of the event stayed.
    expect(now.replace('"The sum is 19."', '"The sum is 20."').replace('"{\\"a\\":12,\\"b\\":7}"', '"{\\"a\\":12,\\"b\\":8}"')).toBe(was);
  });

  it('tool-call/duplicate-id renames the later call and only its own references', () => {
    const { before, after } = fixOnly('tool-call/duplicate-id');
    expectCleanRoundTrip('tool-call/duplicate-id', before, after);
    const d = lineDiff(before, after);
    // Response 1's body and request 2's body, one line each, and their content_length, which follow.
    expect(d.removed.length).toBe(4);
    expect(d.added.filter((l) => l.includes('content_length'))).toEqual(['    content_length: 345', '    content_length: 693']);
    const resp1 = d.added.find((l) => l.includes('chatcmpl-2'))!;
    expect(resp1).toContain('"id":"add:0_turn1"');
    const req2 = d.added.find((l) => l.includes('"messages"'))!;
    // The first turn keeps add:0, the second turn's echo and result use the new id.
    expect(req2.match(/"(?:id|tool_call_id)":"([^"]+)"/g)).toEqual(['"id":"add:0"', '"tool_call_id":"add:0"', '"id":"add:0_turn1"', '"tool_call_id":"add:0_turn1"']);
    // Request 1 (history of turn 1 only) is untouched.
    const links = analyzeCassette(parseCassette({ path: 'b.yaml', bytes: utf8Encode(after) })).links;
    expect(links.map((l) => `${l.fromInteraction}->${l.toInteraction} ${l.callId}=${l.resultId} ${l.by}`)).toEqual(['0->1 add:0=add:0 id', '1->2 add:0_turn1=add:0_turn1 id']);
  });

  it('stream/missing-done appends data: [DONE] to the body and nothing else', () => {
    const { before, after } = fixOnly('stream/missing-done');
    expectCleanRoundTrip('stream/missing-done', before, after);
    const d = lineDiff(before, after);
    expect(d.removed).toEqual([]);
    expect(d.added).toEqual(['      data: [DONE]', '']);
    const body = parseCassette({ path: 'b.yaml', bytes: utf8Encode(after) }).interactions[0].response.body.text!;
    expect(body.endsWith('"total_tokens":11}}\n\ndata: [DONE]\n\n')).toBe(true);
  });

  it('stream/missing-message-stop appends a message_stop event', () => {
    const { before, after } = fixOnly('stream/missing-message-stop');
    expectCleanRoundTrip('stream/missing-message-stop', before, after);
    const d = lineDiff(before, after);
    expect(d.removed).toEqual([]);
    expect(d.added).toEqual(['        event: message_stop', '        data: {"type":"message_stop"}', '']);
    expect(lintCassette(after, 'x.yaml')).toEqual([]);
  });

  it('stream/unterminated adds the blank line after the last event', () => {
    const { before, after } = fixOnly('stream/unterminated');
    expectCleanRoundTrip('stream/unterminated', before, after);
    const d = lineDiff(before, after);
    // `|-` becomes `|+` so the trailing blank line is kept: the header line and one blank line.
    expect(d.removed.length).toBe(1);
    expect(d.added.sort()).toEqual(['', '    body: |+'].sort());
    const body = parseCassette({ path: 'b.yaml', bytes: utf8Encode(after) }).interactions[0].response.body.text!;
    expect(body.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('consistency/content-length rewrites exactly the two length fields', () => {
    const { before, after } = fixOnly('consistency/content-length');
    expectCleanRoundTrip('consistency/content-length', before, after);
    const d = lineDiff(before, after);
    expect(d.removed.length).toBe(2);
    expect(d.added).toEqual(['    content_length: 67', '    content_length: 229']);
  });

  for (const code of ['secret/header-authorization', 'secret/openai-project-key']) {
    it(`${code} redacts the one line that holds the secret`, () => {
      const { before, after } = fixOnly(code);
      expectCleanRoundTrip(code, before, after);
      expect(lintCassette(after, 'x.yaml').filter((f) => f.code.startsWith('secret/'))).toEqual([]);
      const d = lineDiff(before, after);
      expect(d.removed.length).toBe(1);
      expect(d.added.length).toBe(1);
      expect(d.added[0]).toContain('REDACTED');
      expect(d.added[0]).not.toContain('sk-proj-');
    });
  }

  it('applying all fixes at once leaves no fixable finding and is idempotent', () => {
    for (const code of ['tool-call/duplicate-id', 'stream/missing-done', 'stream/unterminated', 'consistency/content-length', 'secret/header-authorization']) {
      const before = fixture(code, 'bad');
      const once = applyFixes(before, lintCassette(before, 'x.yaml'));
      const left = lintCassette(once, 'x.yaml');
      expect(left.filter((f) => f.fix)).toEqual([]);
      expect(applyFixes(once, left)).toBe(once);
    }
  });

  it('reports a fix that no longer applies instead of throwing', () => {
    const before = fixture('stream/missing-done', 'bad');
    const findings = lintCassette(before, 'x.yaml');
    const rep = applyFixesDetailed('not: a cassette\n', findings);
    expect(rep.text).toBe('not: a cassette\n');
    expect(rep.failed.length).toBeGreaterThan(0);
  });
});
