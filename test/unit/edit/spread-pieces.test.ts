/**
 * spreadPieces: a streamed value's edit lands in the pieces that held the changed words, so the
 * stream keeps its chunks. The pieces always join to the new value; a piece no changed stretch
 * touches keeps its text; pieces that do not join to the old value are refused (null).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadPieces, type Frag } from '../../../shared/edit/fragments';

const pieces = (values: string[]): Frag[] =>
  values.map((value, event) => ({ event, doc: { event, text: '', json: null }, path: [], role: 'piece', value, part: '' }));
const spread = (values: string[], next: string) => spreadPieces(pieces(values), values.join(''), next);

describe('spreadPieces', () => {
  it('changes only the pieces holding the changed words', () => {
    expect(spread(['', '{"a": 2', ', "b": 3}'], '{"a": 40, "b": 2}')).toEqual(['', '{"a": 40', ', "b": 2}']);
    expect(spread(['The cat ', 'sat on ', 'the mat.'], 'The cat sat on the rug.')).toEqual(['The cat ', 'sat on ', 'the rug.']);
  });

  it('a stretch over a boundary goes to the piece where it starts; the pieces it covers empty', () => {
    expect(spread(['one two', ' three', ' four five'], 'one 2 five')).toEqual(['one 2', '', ' five']);
  });

  it('text inserted at a boundary stays with the piece before it; text at the start goes first', () => {
    expect(spread(['Hello ', 'world'], 'Hello there world')).toEqual(['Hello there ', 'world']);
    expect(spread(['Hello', ' world'], 'Hello there world')).toEqual(['Hello', ' there world']);
    expect(spread(['Hello', ' world'], 'Oh, Hello world')).toEqual(['Oh, Hello', ' world']);
    expect(spread(['Hello', ' world'], 'Hello world!')).toEqual(['Hello', ' world!']);
  });

  it('refuses pieces that do not join to the value as assembled', () => {
    expect(spreadPieces(pieces(['a', 'b']), 'ab ', 'x')).toBeNull();
  });

  it('always joins to the new value and leaves untouched pieces as they were', () => {
    const word = fc.stringMatching(/^[a-z]{1,5}$/);
    const text = fc.array(fc.oneof(word, fc.constantFrom(' ', ', ', '"', '{', '}', 'é', '👋')), { minLength: 1, maxLength: 30 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, text, fc.array(fc.nat(), { maxLength: 8 }), (old, next, cuts) => {
        const at = [...new Set(cuts.map((c) => c % (old.length + 1)))].sort((a, b) => a - b);
        // Cut between UTF-16 units that are not a surrogate pair's halves, as a stream would.
        const safe = at.filter((c) => !(c > 0 && c < old.length && /[\ud800-\udbff]/.test(old[c - 1])));
        const values = [0, ...safe, old.length].slice(1).map((end, k, ends) => old.slice(k ? ends[k - 1] : 0, end));
        if (values.length === 0) return;
        const out = spread(values, next)!;
        expect(out.join('')).toBe(next);
        expect(out).toHaveLength(values.length);
        if (old === next) expect(out).toEqual(values);
      }),
      { numRuns: 500, seed: 22 },
    );
  });
});
