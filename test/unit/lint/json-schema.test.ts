import { describe, expect, it } from 'vitest';
import { validateSchema } from '../../../shared/lint/json-schema';
import { idTurns } from '../../../shared/lint/fixes/unique-id';
import { replaceTokens, stringTokens } from '../../../shared/json/scan';
import { isPositionalId } from '../../../shared/lint/rules/tool-ids';

const schema = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    unit: { type: 'string', enum: ['c', 'f'] },
    days: { type: 'integer' },
    tags: { type: 'array', items: { type: 'string' } },
    at: { type: ['string', 'null'] },
  },
  required: ['city'],
  additionalProperties: false,
};

describe('validateSchema (subset)', () => {
  it('accepts valid values', () => {
    expect(validateSchema({ city: 'Rome', unit: 'c', days: 3, tags: ['a'], at: null }, schema)).toEqual([]);
  });
  it('reports type, required, enum, items and extra properties with paths', () => {
    const errs = validateSchema({ unit: 'k', days: 1.5, tags: ['a', 2], extra: 1 }, schema).map((e) => `${e.path}: ${e.message}`);
    expect(errs).toEqual([
      '$: missing required property "city"',
      '$.unit: must be one of "c", "f", got "k"',
      '$.days: expected integer, got number',
      '$.tags[1]: expected string, got integer',
      '$.extra: unexpected property "extra"',
    ]);
  });
  it('reads Gemini upper-case types and ignores unknown keywords', () => {
    expect(validateSchema({ a: 1 }, { type: 'OBJECT', properties: { a: { type: 'NUMBER', format: 'weird' } }, 'x-custom': 1 })).toEqual([]);
    expect(validateSchema('x', { anyOf: [{ type: 'integer' }, { type: 'boolean' }] })).toHaveLength(1);
  });
});

describe('json tokens and id turns', () => {
  it('replaces one string token without touching other bytes', () => {
    const text = '{"a": "x", "b" : ["x", "\\u003cx"], "c":{"x":"x"}}';
    const toks = stringTokens(text)!;
    expect(toks.map((t) => `${t.path.join('.')}=${t.value}`)).toEqual(['a=x', 'b.0=x', 'b.1=<x', 'c.x=x']);
    expect(replaceTokens(text, [toks[1]], 'y')).toBe('{"a": "x", "b" : ["y", "\\u003cx"], "c":{"x":"x"}}');
    expect(stringTokens('{"a":')).toBeNull();
  });
  it('groups an id into turns of calls and results (OpenAI and Anthropic shapes)', () => {
    const oa = JSON.stringify({ messages: [{ tool_calls: [{ id: 'a:0' }] }, { tool_call_id: 'a:0' }, { tool_calls: [{ id: 'a:0' }] }, { tool_call_id: 'a:0' }] });
    expect(idTurns(oa, 'a:0')!.map((t) => t.length)).toEqual([2, 2]);
    const an = JSON.stringify({ messages: [{ content: [{ type: 'tool_use', id: 't1' }] }, { content: [{ type: 'tool_result', tool_use_id: 't1' }] }] });
    expect(idTurns(an, 't1')!.map((t) => t.length)).toEqual([2]);
  });
  it('knows positional ids', () => {
    for (const id of ['add:0', 'functions.multiply:1', 'call_0', '0', 'tool_1']) expect(isPositionalId(id)).toBe(true);
    for (const id of ['call_kL0PCQV7M2WMoVX8V8OtYSAL', 'toolu_01ABC', 'test-3', 'add:0_turn1']) expect(isPositionalId(id)).toBe(false);
  });
});
