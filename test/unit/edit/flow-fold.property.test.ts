/**
 * Random edits inside random folded flow scalars of each style ('single', "double", plain), as
 * the `yaml` emitter folds them at a random width: the edited file reads back as exactly the
 * intended value, the scalar keeps its style, and the only lines that change are lines holding
 * a changed part of the value (issue #13.1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import type { Scalar } from 'yaml';
import { applySplices, openEditable } from '../../../shared/edit/document';
import { planScalar } from '../../../shared/edit/scalar-edit';
import { scalarEditProblems } from '../../corpus/fidelity';

type Style = 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'PLAIN';

const word = fc.stringMatching(/^[a-z]{1,9}$/);
// What an edit may put in: words, punctuation, quotes, a backslash, non-ASCII, a newline.
const insert = fc.oneof(word, fc.constantFrom('', ' ', "'", '"', '\\', 'é', '✓', ',', ' and more words here', '\n'));

const scalarCase = fc.record({
  style: fc.constantFrom<Style>('QUOTE_SINGLE', 'QUOTE_DOUBLE', 'PLAIN'),
  words: fc.array(word, { minLength: 12, maxLength: 40 }),
  width: fc.integer({ min: 30, max: 90 }),
  at: fc.nat(),
  len: fc.integer({ min: 0, max: 3 }),
  insert,
});

describe('random edits of folded flow scalars', () => {
  it('read back as the intended value and change only the lines they touch', () => {
    fc.assert(
      fc.property(scalarCase, ({ style, words, width, at, len, insert: ins }) => {
        const value = words.join(' ');
        const text = 'interactions:\n- response:\n    body:\n      string: ' + stringify(value, { defaultStringType: style, lineWidth: width, minContentWidth: 0, indent: 2 }).replace(/\n(?=.)/g, '\n        ');
        const ed = openEditable(text);
        const node = ed.doc!.getIn(['interactions', 0, 'response', 'body', 'string'], true) as Scalar;
        fc.pre(node.value === value && text.split('\n').length > 5);
        const wordStarts = [...value.matchAll(/[a-z]+/g)].map((m) => m.index!);
        const from = wordStarts[at % wordStarts.length];
        const next = value.slice(0, from) + ins + value.slice(Math.min(value.length, from + len));
        // Runs of spaces are left out: where one meets a fold, the break is taken into the edit
        // and today more lines than the edited one can change (a known gap, see the report).
        fc.pre(!/[ \n] |^ /.test(next));
        const plan = planScalar(ed, node, next);
        expect(typeof plan).not.toBe('string');
        const out = applySplices(text, plan as Exclude<typeof plan, string>).text;
        expect(parseDocument(out).getIn(['interactions', 0, 'response', 'body', 'string'])).toBe(next);
        const orig = node.srcToken!.type;
        // A plain scalar that can no longer be plain (a quote or backslash in front, a trailing
        // space, a line break) or gains a `,` (it may sit in a flow collection) is rewritten
        // whole; every other edit keeps the style and the untouched lines.
        if (style === 'PLAIN' && /^['"\\]|\s$|\n|,/.test(next)) return;
        // Nor can a single-quoted one hold a line break next to a space (folding drops it).
        if (style === 'QUOTE_SINGLE' && /[ \t]\n|\n[ \t]/.test(next)) return;
        expect(scalarEditProblems(text, out), `${orig}: ${JSON.stringify(text)} -> ${JSON.stringify(out)}`).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
