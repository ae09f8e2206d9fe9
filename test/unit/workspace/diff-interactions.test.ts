import { describe, expect, it } from 'vitest';
import { diffInteractions } from '../../../shared/workspace/diff-interactions';

const s = (x: string) => x.split('').filter((c) => c !== ' ');

describe('diffInteractions', () => {
  const table: [string, string | null, string, number[] | null][] = [
    ['unknown before', null, 'abc', null],
    ['identical', 'abc', 'abc', []],
    ['one edited in the middle', 'abc', 'aXc', [1]],
    ['last edited', 'abc', 'abX', [2]],
    ['appended', 'abc', 'abcd', [3]],
    ['removed at the end', 'abcd', 'abc', []],
    ['inserted at the front shifts nothing else', 'abc', 'Xabc', [0]],
    ['removed in the middle', 'abcd', 'abd', []],
    ['all re-recorded', 'abc', 'XYZ', [0, 1, 2]],
    ['from empty', '', 'ab', [0, 1]],
    ['to empty', 'ab', '', []],
    ['swap', 'ab', 'ba', [1]],
  ];
  it.each(table)('%s', (_n, before, after, expected) => {
    expect(diffInteractions(before === null ? null : s(before), s(after))).toEqual(expected);
  });

  it('falls back to positional comparison for huge inputs', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `h${i}`);
    const after = [...before];
    after[5] = 'changed';
    expect(diffInteractions(before, after)).toEqual([5]);
  });
});
