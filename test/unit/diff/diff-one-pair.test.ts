/** diffOnePair: the app's "Compare with…" one interaction of each, on the real fixtures. */
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { diffOnePair } from '../../../shared/diff/diff-cassettes';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';
import { load } from './load';

registerNodeCodecs();
const base = load('go-vcr-base.yaml');
const arg = load('go-vcr-tool-arg.yaml');
const [ab, aa] = [analyzeCassette(base), analyzeCassette(arg)];

describe('diffOnePair', () => {
  it('diffs the chosen interactions whatever their positions, with totals of that pair', () => {
    const d = diffOnePair(base, ab, 0, arg, aa, 0);
    expect(d.pairs).toHaveLength(1);
    expect(d.pairs[0]).toMatchObject({ a: 0, b: 0, status: 'changed', moved: false });
    expect(d.pairs[0].changes.map((c) => c.field)).toEqual(['response.toolCalls[0].arguments']);
    const across = diffOnePair(base, ab, 1, base, ab, 0);
    expect(across.pairs[0]).toMatchObject({ a: 1, b: 0, status: 'changed' });
    expect(across.pairs[0].changes.map((c) => c.field)).toContain('response.text');
    expect(across.tokens).toEqual({ input: 60 - 90, output: 15 - 9 });
  });

  it('is a same pair for an interaction against itself, and empty when neither index exists', () => {
    expect(diffOnePair(base, ab, 1, base, ab, 1)).toMatchObject({ changed: false, pairs: [{ status: 'same' }] });
    expect(diffOnePair(base, ab, 7, arg, aa, 9)).toMatchObject({ changed: false, pairs: [] });
    expect(diffOnePair(base, ab, 0, arg, aa, 9).pairs[0]).toMatchObject({ a: 0, b: null, status: 'removed' });
  });
});
