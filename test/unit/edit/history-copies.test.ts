import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { laterCopies, laterRequestCount } from '../../../shared/edit/history-edit';
import { applyFixes, lintCassette } from '../../../shared/lint';
import { changedLines, edit, load } from '../editor-dialects/helpers';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/history', `${name}.yaml`), 'utf8');
const lookup = (text: string) => {
  const { analysis } = load(text);
  return (i: number) => analysis.interactions[i] ?? null;
};
const stale = (text: string) => lintCassette(text, 'x.yaml').filter((f) => f.code === 'history/stale-copy');
/** The parsed request messages of interaction `j`. */
const messages = (text: string, j: number) => load(text).analysis.interactions[j].request!.messages;

describe('history copies: an edit of a response updates the later requests that carry it', () => {
  const cases = [
    { name: 'openai-chat', slot: 1, args: '{"a": 20, "b": 30}', later: 2 },
    { name: 'anthropic', slot: 0, args: '{"city":"Lyon"}', later: 2 },
    { name: 'responses', slot: 0, args: '{"order":43}', later: 2 },
  ];
  for (const c of cases)
    it(`${c.name}: tool-call arguments, in the response and in ${c.later} later requests, one edit`, () => {
      const text = fixture(c.name);
      expect(stale(text)).toEqual([]);
      const intent = { kind: 'tool-args' as const, interaction: 0, slot: c.slot, args: c.args };
      expect(laterRequestCount(laterCopies(text, intent, lookup(text)))).toBe(c.later);
      const out = edit(text, intent);
      for (const j of [1, 2]) {
        const call = messages(out, j).find((m) => m.toolCalls)!.toolCalls!.find((t, p) => p === c.slot)!;
        expect(JSON.parse(call.arguments)).toEqual(JSON.parse(c.args));
      }
      expect(load(out).analysis.interactions[0].message!.toolCalls[c.slot].arguments).toBe(c.args);
      // Only the response's lines and the two request body lines changed.
      expect(changedLines(text, out).length).toBeLessThanOrEqual(4);
      expect(stale(out)).toEqual([]);
    });

  it('history: false edits the response alone, and lint then flags both stale copies with a fix that restores them', () => {
    const text = fixture('openai-chat');
    const out = edit(text, { kind: 'tool-args', interaction: 0, slot: 0, args: '{"a": 7, "b": 3}', history: false });
    expect(messages(out, 1)[2].toolCalls![0].arguments).toBe('{"a": 2, "b": 3}');
    const found = stale(out);
    expect(found.map((f) => [f.interaction, f.fix !== undefined])).toEqual([[1, true], [2, true]]);
    expect(found[0].message).toContain('arguments of add');
    const fixed = applyFixes(out, found);
    expect(messages(fixed, 1)[2].toolCalls![0].arguments).toBe('{"a": 7, "b": 3}');
    expect(messages(fixed, 2)[2].toolCalls![0].arguments).toBe('{"a": 7, "b": 3}');
    expect(stale(fixed)).toEqual([]);
  });

  it('response text: the copy with the same text moves with it (Anthropic text block, Responses output_text)', () => {
    for (const name of ['anthropic', 'responses']) {
      const text = fixture(name);
      const old = load(text).analysis.interactions[1].message!.text;
      const out = edit(text, { kind: 'response-text', interaction: 1, text: 'Edited answer.' });
      expect(load(out).analysis.interactions[1].message!.text).toBe('Edited answer.');
      expect(messages(out, 2).some((m) => m.role === 'assistant' && m.text === 'Edited answer.')).toBe(true);
      expect(out).not.toContain(JSON.stringify(old).slice(1, -1));
    }
  });

  it('a copy that disagrees on the text is flagged; the fix copies the response text back', () => {
    const text = fixture('openai-chat').replace('"content":"5 and 6."},{"role":"user"', '"content":"5 and 7."},{"role":"user"');
    const found = stale(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ interaction: 2, severity: 'warning' });
    const fixed = applyFixes(text, found);
    expect(fixed).toBe(fixture('openai-chat'));
  });

  it('requests of another conversation are left alone', () => {
    const text = fixture('openai-chat').replace('"content":"Add and multiply 2 and 3"},{"role":"assistant"', '"content":"Something else"},{"role":"assistant"');
    const intent = { kind: 'tool-args' as const, interaction: 0, slot: 0, args: '{"a": 9, "b": 3}' };
    expect(laterCopies(text, intent, lookup(text)).map((c) => c.interaction)).toEqual([2]);
  });
});
