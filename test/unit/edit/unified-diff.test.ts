import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unifiedDiff } from '../../../shared/edit/unified-diff';

/** Applies a unified diff (as produced here) to reconstruct the new text. */
function applyDiff(old: string, diff: string): string {
  const a = old === '' ? [] : old.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let ai = 0;
  for (const h of diff.split(/^(?=@@ )/m).slice(1)) {
    const m = /^@@ -(\d+),(\d+) \+\d+,\d+ @@\n/.exec(h)!;
    const start = Number(m[2]) === 0 ? Number(m[1]) : Number(m[1]) - 1;
    while (ai < start) out.push(a[ai++]);
    for (const l of h.slice(m[0].length).split('\n')) {
      if (l === '' || l.startsWith('\\')) continue;
      if (l[0] === ' ') out.push(a[ai++]);
      else if (l[0] === '-') ai++;
      else out.push(l.slice(1));
    }
  }
  while (ai < a.length) out.push(a[ai++]);
  return out.length ? out.join('\n') + '\n' : '';
}

describe('unifiedDiff', () => {
  it('prints headers, hunks and 3 lines of context', () => {
    const a = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const b = 'a\nb\nc\nd\nE\nf\ng\nh\n';
    expect(unifiedDiff(a, b, 'a/x', 'b/x')).toBe('--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n');
    expect(unifiedDiff(a, a, 'a/x', 'b/x')).toBe('');
    expect(unifiedDiff('x\n', 'x\ny\n', 'a', 'b')).toBe('--- a\n+++ b\n@@ -1,1 +1,2 @@\n x\n+y\n');
    expect(unifiedDiff('x', 'y', 'a', 'b')).toContain('\\ No newline at end of file');
  });
  it('round-trips: applying the diff gives the new text', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (x, y) => {
        const a = x.map((l) => l + '\n').join('');
        const b = y.map((l) => l + '\n').join('');
        expect(applyDiff(a, unifiedDiff(a, b, 'a', 'b'))).toBe(b);
      }),
      { numRuns: 300 },
    );
  });
});
