/**
 * literalMatches (the check of a planned block edit that does not build the edited value)
 * against yaml's own reading of the same block: whenever it says true, yaml's value is exactly
 * the given one; and for the value yaml reads it says true whenever the block has the shape it
 * handles, so the fast check really runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockScalarAt, resolveBlockValue } from '../../../shared/edit/block-verify';
import { literalMatches } from '../../../shared/edit/literal-matches';

type Chomp = '' | '-' | '+';

/** A document holding one literal block at parent indentation `p`, and that block's token. */
function block(p: number, chomp: Chomp, body: string, follow: boolean) {
  const head = p > 0 ? `a:\n${' '.repeat(p)}key: |${chomp}\n` : `key: |${chomp}\n`;
  const text = head + body + (follow ? `${' '.repeat(p)}next: 1\n` : '');
  const tok = blockScalarAt(text, head.indexOf('|'));
  return tok ? { tok, value: resolveBlockValue(tok) } : null;
}

const line = (k: number) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.stringMatching(/^[a-z "{}:]{1,12}$/).map((s) => ' '.repeat(k) + s) },
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 9 }).map((n) => ' '.repeat(n)) }, // blank, shorter or longer than k
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((n) => ' '.repeat(k + n) + 'deep') },
    { weight: 1, arbitrary: fc.constant(' '.repeat(k) + 'x\r') },
  );

const arbCase = fc
  .record({ p: fc.constantFrom(0, 2, 4), extra: fc.integer({ min: 1, max: 4 }), chomp: fc.constantFrom<Chomp>('', '-', '+'), follow: fc.boolean(), trailing: fc.integer({ min: 0, max: 3 }) })
  .chain((c) => fc.record({ c: fc.constant(c), first: fc.stringMatching(/^[a-z{]{1,8}$/), rest: fc.array(line(c.p + c.extra), { maxLength: 12 }) }));

describe('literalMatches', () => {
  it('says true only for the value yaml reads, and does say it for that value', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(arbCase, fc.nat(), ({ c, first, rest }, pick) => {
        const k = c.p + c.extra;
        const body = [' '.repeat(k) + first, ...rest].join('\n') + '\n'.repeat(c.trailing);
        const b = block(c.p, c.chomp, body, c.follow);
        if (!b || b.value === null) return;
        runs++;
        const v = b.value;
        // The value itself, and near misses: a changed, added or dropped character or break.
        const at = pick % (v.length + 1);
        const candidates = [v, v + '\n', v.slice(0, -1), v.slice(0, at) + 'Z' + v.slice(at + 1), v.slice(0, at) + '\n' + v.slice(at), v.slice(0, at) + v.slice(at + 1)];
        for (const cand of candidates) {
          const r = literalMatches(b.tok.source, b.tok.indent, c.chomp, cand);
          if (r === true) expect(cand, JSON.stringify({ body, chomp: c.chomp })).toBe(v);
        }
        if (literalMatches(b.tok.source, b.tok.indent, c.chomp, v) === true) fast++;
      }),
      { numRuns: 600 },
    );
    // Most generated blocks have the plain shape: the fast check must carry them.
    expect(fast).toBeGreaterThan(runs / 3);
  }, 120_000);

  it('the go-vcr shape: blank lines between events indented less than the content', () => {
    const events = Array.from({ length: 50 }, (_, i) => `      data: {"i":${i}}\n    \n`).join('');
    for (const chomp of ['', '-', '+'] as const) {
      const b = block(4, chomp, events, true)!;
      expect(b.value).not.toBeNull();
      expect(literalMatches(b.tok.source, b.tok.indent, chomp, b.value!)).toBe(true);
      expect(literalMatches(b.tok.source, b.tok.indent, chomp, b.value!.replace('"i":7', '"i":8'))).toBeNull();
    }
  });
});
