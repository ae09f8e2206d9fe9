import { describe, expect, it } from 'vitest';
import { jsonDiff } from '../../../shared/diff/json-diff';
import { wordDiff } from '../../../shared/diff/word-diff';

describe('word diff', () => {
  it('keeps punctuation and spaces, changes whole words', () => {
    expect(wordDiff('It is 18 °C in Paris.', 'It is 21 °C in Lyon.')).toEqual([
      { op: 'same', text: 'It is ' },
      { op: 'del', text: '18' },
      { op: 'add', text: '21' },
      { op: 'same', text: ' °C in ' },
      { op: 'del', text: 'Paris' },
      { op: 'add', text: 'Lyon' },
      { op: 'same', text: '.' },
    ]);
  });

  it('joins back to each side', () => {
    const a = 'The quick brown fox, jumps over the lazy dog';
    const b = 'A quick red fox jumps over the dog, twice';
    const ops = wordDiff(a, b);
    expect(ops.filter((o) => o.op !== 'add').map((o) => o.text).join('')).toBe(a);
    expect(ops.filter((o) => o.op !== 'del').map((o) => o.text).join('')).toBe(b);
    expect(wordDiff('', '')).toEqual([]);
  });
});

describe('json diff', () => {
  it('compares objects by key whatever the order, arrays by position', () => {
    expect(jsonDiff({ a: 1, b: [1, 2] }, { b: [1, 3, 4], a: 1 })).toEqual([
      { path: '$.b[1]', before: 2, after: 3 },
      { path: '$.b[2]', after: 4 },
    ]);
    expect(jsonDiff({ 'x-y': 1, id: 2 }, { 'x-y': 2, id: 3 }, new Set(['id']))).toEqual([{ path: '$["x-y"]', before: 1, after: 2 }]);
  });
});
