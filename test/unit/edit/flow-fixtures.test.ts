/**
 * Golden edits of folded flow scalars as the recorders write them (fixtures from PyYAML, see
 * test/fixtures/flow/make-fixtures.py): a redaction, `lint --fix` appending `data: [DONE]` and
 * a view edit of the response text change only the lines whose content changed, keep the
 * scalar's style, indentation and fold points, and re-fold a line that must grow at the
 * recorder's width. Issue #13.1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { applyIntent } from '../../../shared/edit/structured-edit';
import { applyFixesDetailed, lintCassetteDetailed } from '../../../shared/lint/engine';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { redactText } from '../../../shared/redact/redact';
import { utf8Encode } from '../../../shared/util/bytes';
import { doubleQuote } from '../../../shared/edit/flow-map';
import { scalarEditProblems } from '../../corpus/fidelity';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/flow', name), 'utf8');
const SECRET = 'sk-proj-Fx7kQ2mZ9pL4vB8nR1tY6wC3hJ5dG0sA';
const analyse = (text: string) => analyzeCassette(parseCassette({ path: 'x.yaml', bytes: utf8Encode(text) }));

function redactWord(text: string, word: string, replacement: string): string {
  const r = redactText(text, { headers: [], patterns: [{ id: 'word', pattern: new RegExp(word, 'g'), where: ['header', 'url', 'body'] }], replacement });
  expect(r.error).toBeUndefined();
  return r.text;
}

/** 1-based numbers of the lines that differ; the line count must not change. */
function changedLines(a: string, b: string): number[] {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y.length).toBe(x.length);
  return x.flatMap((l, i) => (l === y[i] ? [] : [i + 1]));
}

const linesWith = (text: string, word: string) => text.split('\n').flatMap((l, i) => (l.includes(word) ? [i + 1] : []));

describe('redacting a word inside a folded flow scalar', () => {
  // Same-length replacements: the file must equal a plain text replacement, fold points and all.
  const cases: [string, string, string][] = [
    ['vcrpy-single.yaml', 'harbour', 'single-quoted request and response bodies'],
    ['vcrpy-double.yaml', 'port', 'a double-quoted body with \\xE9 escapes and `\\` continuations'],
    ['vcrpy-double.yaml', 'pêcheurs', 'a word written as p\\xEAcheurs in the double-quoted body'],
    ['ruby-single.yml', 'Mackenzie', "Ruby VCR's single-quoted JSON body"],
    ['plain-multiline.yaml', 'gateway', 'a plain scalar, at the end of a folded line'],
    ['plain-multiline.yaml', 'maintenance', 'a plain scalar, inside a continuation line'],
  ];
  for (const [name, word, what] of cases) {
    it(`${name}: ${word} (${what})`, () => {
      const text = fixture(name);
      const out = redactWord(text, word, 'Q'.repeat(word.length));
      const plain = word === 'pêcheurs' ? text.replace('p\\xEAcheurs', 'QQQQQQQQ') : text.split(word).join('Q'.repeat(word.length));
      expect(out).toBe(plain);
      expect(changedLines(text, out)).toEqual(word === 'pêcheurs' ? linesWith(text, 'p\\xEAcheurs') : linesWith(text, word));
    });
  }
});

describe('lint --fix on a folded body', () => {
  it("vcrpy single-quoted: `data: [DONE]` is added as the body's last lines; the rest keeps its bytes", () => {
    const text = fixture('vcrpy-single.yaml');
    const rep = applyFixesDetailed(text, lintCassetteDetailed(text, 'x.yaml').findings);
    const tail = '"finish_reason":"stop"}]}\n\n\n';
    expect(rep.text).toBe(text.replace(SECRET, 'REDACTED').replace(tail, `${tail}        data: [DONE]\n\n\n`));
    expect(analyse(rep.text).interactions[0].stream!.events.at(-1)!.data).toBe('[DONE]');
  });

  it('vcrpy double-quoted: `data: [DONE]` joins the last line as escapes; no other line changes', () => {
    const text = fixture('vcrpy-double.yaml');
    const rep = applyFixesDetailed(text, lintCassetteDetailed(text, 'x.yaml').findings);
    expect(rep.text).toBe(text.replace(SECRET, 'REDACTED').replace('stop\\"}]}\\n\\n"', 'stop\\"}]}\\n\\ndata: [DONE]\\n\\n"'));
    expect(analyse(rep.text).interactions[0].stream!.events.at(-1)!.data).toBe('[DONE]');
  });
});

describe('a view edit of the response text', () => {
  const edit = (text: string, next: string) => {
    const a = analyse(text);
    const r = applyIntent(text, { kind: 'response-text', interaction: 0, text: next }, (i) => a.interactions[i] ?? null);
    if (!r.ok) throw new Error(r.error);
    return r.text;
  };

  it('vcrpy single-quoted stream: only the lines of the text fragments change', () => {
    const text = fixture('vcrpy-single.yaml');
    const out = edit(text, 'The harbour sleeps.');
    expect(analyse(out).interactions[0].message!.text).toBe('The harbour sleeps.');
    expect(scalarEditProblems(text, out)).toEqual([]);
    // The word diff lands in the fragments that held the words: "The harbour" stays, " town
    // wakes early;" becomes " sleeps" on its own folded line, the two middle fragments become ""
    // (with their leading space goes the line break folded into it), and the last keeps ".".
    let want = text.replace('        town wakes early;"}', '        sleeps"}');
    for (const f of ['fishing boats leave', 'before dawn and return']) want = want.replace(`"content":"\n        ${f}"}`, '"content":""}');
    want = want.replace('"content":"\n        with the tide."}', '"content":"."}');
    expect(out).toBe(want);
  });

  it('vcrpy double-quoted stream: escapes and `\\` continuations of untouched lines stay', () => {
    const text = fixture('vcrpy-double.yaml');
    const out = edit(text, 'Le café ferme à midi.');
    expect(analyse(out).interactions[0].message!.text).toBe('Le café ferme à midi.');
    expect(scalarEditProblems(text, out)).toEqual([]);
    expect(out.split('\n').filter((l) => l.endsWith('\\')).length).toBeGreaterThanOrEqual(text.split('\n').filter((l) => l.endsWith('\\')).length - 4);
  });

  it('Ruby VCR JSON body: a longer text is folded at the recorder width, around lines kept', () => {
    const text = fixture('ruby-single.yml');
    const next = 'The Nile reaches the Mediterranean Sea after a very long journey through many countries, the Ob reaches the Kara Sea, and the Mackenzie reaches the Beaufort Sea.';
    const out = edit(text, next);
    expect(analyse(out).interactions[0].message!.text).toBe(next);
    expect(scalarEditProblems(text, out)).toEqual([]);
    const width = Math.max(...text.split('\n').map((l) => l.length));
    expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(width);
    expect(out.split('\n').length).toBe(text.split('\n').length + 1);
  });
});

describe('the fidelity check itself', () => {
  it('flags a body re-rendered as one double-quoted line (the old behaviour)', () => {
    const text = fixture('vcrpy-single.yaml');
    const start = text.indexOf("string: '") + 'string: '.length;
    const end = text.indexOf("'\n", text.indexOf("        '", start)) + 1;
    const body = parseCassette({ path: 'x.yaml', bytes: utf8Encode(text) }).interactions[0].response.body.text!;
    const reflowed = text.slice(0, start) + doubleQuote(body.replace('harbour', 'harbor')) + text.slice(end);
    expect(scalarEditProblems(text, reflowed).length).toBeGreaterThan(0);
  });
});
