/**
 * Block-literal bodies are edited with minimal splices: only lines whose content changed are
 * replaced, inserted or removed; every other line (indented blank lines, CRLF ends, trailing
 * whitespace, chomped blank lines) keeps its bytes, and the edited file reads back exactly.
 */
import fc from 'fast-check';
import { CST } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { resolveBlockValue } from '../../../shared/edit/block-verify';
import { commit, openEditable } from '../../../shared/edit/document';
import { diffLines } from '../../../shared/edit/line-diff';
import { getBodyText, setBody, side } from '../../../shared/edit/ops';
import { planScalar } from '../../../shared/edit/scalar-edit';
import { utf8Encode } from '../../../shared/util/bytes';

const IND = '      '; // content indentation of a go-vcr response body
const BODY_LINE = 11; // 1-based line of the first body line in doc()

/** A go-vcr cassette whose response body is `header` + `rows` (raw lines, indentation included). */
function doc(header: string, rows: string[], opts: { crlf?: boolean; tail?: string } = {}): string {
  const t = [
    '---',
    'version: 2',
    'interactions:',
    '- id: 0',
    '  request:',
    '    url: https://api.example.com/v1/chat',
    '    method: POST',
    '  response:',
    '    code: 200',
    `    body: ${header}`,
    ...rows,
    ...(opts.tail ?? '    duration: 1ms').split('\n'),
  ].join('\n') + '\n';
  return opts.crlf ? t.replace(/\n/g, '\r\n') : t;
}

const sse = (n: number, blank = ''): string[] => Array.from({ length: n }, (_, i) => [`${IND}data: {"i":${i}}`, blank]).flat();

function edited(text: string, body: string): string {
  const r = setBody(openEditable(text), { interaction: 0, side: 'response', text: body });
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

/** The body as the viewer reads it (parseCassette) and as the editor reads it: both must agree. */
function bodyOf(text: string): string {
  const c = parseCassette({ path: 'x.yaml', bytes: utf8Encode(text) });
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const viewer = c.interactions[0].response.body.text;
  expect(getBodyText(openEditable(text), { interaction: 0, side: 'response' })).toBe(viewer);
  return viewer!;
}

/** LCS line diff: 1-based numbers of the old lines removed and the new lines added. */
function lineDiff(a: string, b: string): { removed: number[]; added: number[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  let lo = 0;
  while (lo < x.length && lo < y.length && x[lo] === y[lo]) lo++;
  let s = 0;
  while (s < x.length - lo && s < y.length - lo && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  const X = x.slice(lo, x.length - s);
  const Y = y.slice(lo, y.length - s);
  const L = Array.from({ length: X.length + 1 }, () => new Int32Array(Y.length + 1));
  for (let i = X.length - 1; i >= 0; i--) for (let j = Y.length - 1; j >= 0; j--) L[i][j] = X[i] === Y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const removed: number[] = [];
  const added: number[] = [];
  let i = 0;
  let j = 0;
  while (i < X.length || j < Y.length) {
    if (i < X.length && j < Y.length && X[i] === Y[j]) {
      i++;
      j++;
    }
    else if (j < Y.length && (i === X.length || L[i][j + 1] >= L[i + 1][j])) added.push(lo + ++j);
    else removed.push(lo + ++i);
  }
  return { removed, added };
}

const replaced = (lines: number[]) => ({ removed: lines, added: lines });

describe('block literal: minimal line edits', () => {
  it('one line changed in the middle of a 600-line body', () => {
    const t = doc('|+', sse(300));
    const v = bodyOf(t).replace('data: {"i":150}', 'data: {"i":"edited"}');
    const out = edited(t, v);
    expect(lineDiff(t, out)).toEqual(replaced([BODY_LINE + 300]));
    expect(bodyOf(out)).toBe(v);
  });

  it('two lines 300 lines apart: nothing in between is rewritten', () => {
    const t = doc('|', sse(400));
    const v = bodyOf(t).replace('data: {"i":10}\n', 'data: {"i":"a"}\n').replace('data: {"i":310}\n', 'data: {"i":"b"}\n');
    const out = edited(t, v);
    expect(lineDiff(t, out)).toEqual(replaced([BODY_LINE + 20, BODY_LINE + 620]));
    expect(bodyOf(out)).toBe(v);
  });

  it('indented blank lines keep their spaces; inserted blank lines copy their style', () => {
    const rows = sse(50, '    ').map((r, i) => (i === 21 ? IND : r)); // two blank-line styles
    const t = doc('|+', rows);
    const old = bodyOf(t);
    const edit1 = edited(t, old.replace('{"i":5}', '{"i":"x"}'));
    expect(lineDiff(t, edit1)).toEqual(replaced([BODY_LINE + 10]));
    expect(edit1.split('\n').filter((l) => l === '    ')).toHaveLength(49);
    const v = old.replace('data: {"i":20}\n\n', 'data: {"i":20}\n\ndata: {"new":1}\n\n');
    const out = edited(t, v);
    expect(lineDiff(t, out)).toEqual({ removed: [], added: [BODY_LINE + 42, BODY_LINE + 43] });
    expect(out.split('\n').slice(BODY_LINE + 41, BODY_LINE + 43)).toEqual([`${IND}data: {"new":1}`, '    ']);
    expect(bodyOf(out)).toBe(v);
  });

  it('CRLF file: unchanged lines keep CRLF, new lines get CRLF', () => {
    const t = doc('|-', sse(40, IND), { crlf: true });
    const v = bodyOf(t).replace('{"i":3}', '{"i":"three"}').replace('{"i":30}', '{"i":30}\n\ndata: {"i":"30b"}');
    const out = edited(t, v);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(lineDiff(t, out)).toEqual({ removed: [BODY_LINE + 6], added: [BODY_LINE + 6, BODY_LINE + 61, BODY_LINE + 62] });
    expect(bodyOf(out)).toBe(v);
  });

  it.each([
    ['|-', ['      a', '      b', '      c'], 'a\nb\nc', 'a\nB\nc'],
    ['|+', ['      a', '      b', '      c', '', '  ', ''], 'a\nb\nc\n\n\n\n', 'a\nB\nc\n\n\n\n'],
    ['|2', ['         indented first', '      b', '      c'], '   indented first\nb\nc\n', '   indented first\nB\nc\n'],
    ['|2-', ['       lead', '      b  ', '      c'], ' lead\nb  \nc', ' lead\nB  \nc'],
    ['|-2', ['       lead', '      b', '      c'], ' lead\nb\nc', ' lead\nB\nc'],
  ])('%s header: only the changed line, header untouched', (header, rows, before, after) => {
    const t = doc(header, rows);
    expect(bodyOf(t)).toBe(before);
    const out = edited(t, after);
    expect(lineDiff(t, out)).toEqual(replaced([BODY_LINE + 1]));
    expect(out.split('\n')[BODY_LINE - 2]).toBe(`    body: ${header}`);
    expect(bodyOf(out)).toBe(after);
  });

  it('|+ keeps trailing blank lines as value lines: adding one adds one line', () => {
    const t = doc('|+', ['      a', '      b', ''], { tail: '    duration: 1ms' });
    const out = edited(t, 'a\nb\n\n\n');
    expect(lineDiff(t, out)).toEqual({ removed: [], added: [BODY_LINE + 3] });
    expect(bodyOf(out)).toBe('a\nb\n\n\n');
  });

  it('a line deleted and another inserted far away', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `${IND}line ${i}`);
    const t = doc('|', rows);
    const lines = bodyOf(t).slice(0, -1).split('\n');
    lines.splice(5, 1);
    lines.splice(40, 0, 'inserted');
    const v = lines.join('\n') + '\n';
    const out = edited(t, v);
    expect(lineDiff(t, out)).toEqual({ removed: [BODY_LINE + 5], added: [BODY_LINE + 40] });
    expect(bodyOf(out)).toBe(v);
  });

  it.each([false, true])('a body at the end of the file without a final line break (CRLF: %s)', (crlf) => {
    const t = doc('|', [`${IND}a`, `${IND}b`, `${IND}c`], { crlf }).replace(/\r?\n {4}duration: 1ms\r?\n$/, '');
    const eol = crlf ? '\r\n' : '\n';
    expect(bodyOf(t)).toBe('a\nb\nc\n');
    const last = edited(t, 'a\nb\nC\n');
    expect(lineDiff(t, last)).toEqual(replaced([BODY_LINE + 2]));
    expect(last.endsWith(`${IND}C`)).toBe(true);
    const more = edited(t, 'a\nb\nc\nd\ne\n');
    // The old last line only gains a line break (with CRLF that shows as a changed line).
    const grown = crlf ? { removed: [BODY_LINE + 2], added: [BODY_LINE + 2, BODY_LINE + 3, BODY_LINE + 4] } : { removed: [], added: [BODY_LINE + 3, BODY_LINE + 4] };
    expect(lineDiff(t, more)).toEqual(grown);
    expect(more.endsWith(`${IND}c${eol}${IND}d${eol}${IND}e`)).toBe(true);
    const fewer = edited(t, 'a\nb\n');
    expect(fewer.endsWith(`${IND}a${eol}${IND}b`)).toBe(true);
    expect([bodyOf(last), bodyOf(more), bodyOf(fewer)]).toEqual(['a\nb\nC\n', 'a\nb\nc\nd\ne\n', 'a\nb\n']);
  });

  it('a new chomping or indentation need changes the header line, and only it besides the content', () => {
    const t = doc('|', ['      a', '      b', '      c']);
    const strip = edited(t, 'a\nB\nc');
    expect(lineDiff(t, strip)).toEqual(replaced([BODY_LINE - 1, BODY_LINE + 1]));
    expect(strip).toContain('    body: |-\n');
    expect(bodyOf(strip)).toBe('a\nB\nc');
    const lead = edited(t, '  a\nb\nc\n');
    expect(lineDiff(t, lead)).toEqual(replaced([BODY_LINE - 1, BODY_LINE]));
    expect(lead).toContain('    body: |2\n        a\n');
    expect(bodyOf(lead)).toBe('  a\nb\nc\n');
  });

  it('values a literal block cannot hold fall back to a quoted scalar, still exact', () => {
    const t = doc('|', sse(5));
    for (const v of ['data: 1\r\ndata: 2\n', 'bell \u0007\n', '', '\n\n', '   \n']) {
      const out = edited(t, v);
      expect(out).not.toContain('body: |');
      expect(bodyOf(out)).toBe(v);
    }
  });

  it('blank lines after a clipped block are not swallowed when the value turns to |+', () => {
    const t = doc('|', ['      a', '      b'], { tail: '\n    duration: 1ms' });
    const out = edited(t, 'a\nb\n\n');
    expect(bodyOf(out)).toBe('a\nb\n\n');
  });
});

describe('line diff', () => {
  it('past its work limit pairs an equal-length middle line by line', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `l${i}`);
    const b = a.map((l, i) => (i % 2 ? `${l}x` : l)); // 2500 changes: D = 5000 > the cap
    const hunks = diffLines(a, b);
    expect(hunks).toHaveLength(2500);
    expect(hunks.every((h) => h.a1 - h.a0 === 1 && h.b0 === h.a0 && h.b1 === h.a1 && h.a0 % 2 === 1)).toBe(true);
  });

  it('finds the fewest inserted + deleted lines (checked against an LCS table)', () => {
    const arr = fc.array(fc.constantFrom('a', 'b', 'c', ''), { maxLength: 14 });
    fc.assert(
      fc.property(arr, arr, (a, b) => {
        const hunks = diffLines(a, b);
        // Applying the hunks turns a into b.
        const out: string[] = [];
        let pos = 0;
        for (const h of hunks) {
          out.push(...a.slice(pos, h.a0), ...b.slice(h.b0, h.b1));
          pos = h.a1;
        }
        out.push(...a.slice(pos));
        expect(out).toEqual(b);
        const cost = hunks.reduce((n, h) => n + h.a1 - h.a0 + h.b1 - h.b0, 0);
        const d = lineDiff(a.join('\n'), b.join('\n'));
        if (a.length > 0 && b.length > 0) expect(cost).toBe(d.removed.length + d.added.length);
      }),
      { numRuns: 600 },
    );
  });
});

// ---- property: random bodies, random line edits ----

const content = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z:{}"#-][a-z0-9 :{}"#\t-]{0,10}$/) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.stringMatching(/^ {1,3}[a-z]{1,4} {0,2}$/) },
);
const lineEdit = fc.record({ op: fc.constantFrom<'set' | 'ins' | 'del'>('set', 'ins', 'del'), at: fc.nat(40), text: content });

/** Changed lines of a value edit: LCS over the value's lines (what a minimal splice touches). */
function valueLines(v: string, chomp: string): string[] {
  return (chomp === '-' ? v : v.slice(0, -1)).split('\n');
}

describe('property: random block literals and line edits', () => {
  it('read back exactly, and change exactly the lines whose content changed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('|', '|-', '|+', '|2', '|2+'),
        fc.array(content, { minLength: 1, maxLength: 30 }),
        fc.constantFrom('', '    ', IND),
        fc.boolean(),
        fc.array(lineEdit, { minLength: 1, maxLength: 5 }),
        (header, lines0, blank, crlf, edits) => {
          const chomp = header.endsWith('+') ? '+' : header.endsWith('-') ? '-' : '';
          const lines = [...lines0];
          if (!header.includes('2')) lines[0] = lines[0].trimStart() || 'x'; // auto indentation: first line sets it
          if (!lines.some((l) => /[^ ]/.test(l))) lines.push('x'); // a body with content (else the value is '')
          const rows = lines.map((c) => (c === '' ? blank : IND + c));
          const t = doc(header, rows, { crlf });
          const before = bodyOf(t);
          const vl = valueLines(before, chomp);
          for (const e of edits) {
            const at = e.at % (vl.length + (e.op === 'ins' ? 1 : 0));
            if (e.op === 'set') vl[at] = e.text;
            else if (e.op === 'ins') vl.splice(at, 0, e.text);
            else if (vl.length > 1) vl.splice(at, 1);
          }
          if (!header.includes('2')) vl[0] = vl[0].trimStart() || 'x';
          if (!vl.some((l) => /[^ ]/.test(l))) vl.push('y');
          if (chomp !== '+') while (vl.length > 1 && vl[vl.length - 1] === '') vl.pop();
          if (chomp === '' && /^ *$/.test(vl[vl.length - 1])) vl.push('z');
          const v = vl.join('\n') + (chomp === '-' ? '' : '\n');
          if (v === before) return;
          const out = edited(t, v);
          expect(bodyOf(out)).toBe(v);
          expect(out).toContain(`body: ${header}${crlf ? '\r' : ''}\n`);
          if (crlf) expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
          const want = lineDiff(valueLines(before, chomp).join('\n'), valueLines(v, chomp).join('\n'));
          const got = lineDiff(t, out);
          expect(got.removed.length).toBe(want.removed.length);
          expect(got.added.length).toBe(want.added.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('any value with a content line stays a block literal (header adjusted) and reads back exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('|', '|-', '|+', '|2', '|-2'),
        fc.array(content, { minLength: 1, maxLength: 12 }),
        fc.array(content, { minLength: 1, maxLength: 12 }),
        fc.nat(3),
        fc.boolean(),
        (header, lines, next, newlines, crlf) => {
          const first = header.includes('2') ? lines[0] : lines[0].trimStart() || 'x';
          const rows = [first, ...lines.slice(1), 'x'].map((c) => (c === '' ? '' : IND + c));
          const t = doc(header, rows, { crlf });
          const v = next.join('\n') + '\n'.repeat(newlines);
          const out = edited(t, v);
          expect(bodyOf(out)).toBe(v);
          if (/[^ \n]/.test(v)) expect(out).toMatch(/body: \|/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the fast resolver (CRLF, short blank lines) agrees with yaml on big blocks', () => {
    fc.assert(
      fc.property(fc.array(content, { minLength: 1, maxLength: 12 }), fc.constantFrom('|', '|-', '|+'), fc.constantFrom('', ' ', '    ', IND), fc.boolean(), (ls, header, blank, crlf) => {
        const rows = ls.map((c, i) => (i === 0 ? IND + (c.trim() || 'x') : c === '' ? blank : IND + c));
        const big = Array.from({ length: 700 }, () => rows).flat(); // > 8 KiB: the fast path
        const text = doc(header, big, { crlf });
        const ref = side(openEditable(text), 0, 'response');
        if (typeof ref === 'string') throw new Error(ref);
        const tok = ref.body.node!.srcToken as CST.BlockScalar;
        expect(resolveBlockValue(tok)).toBe(CST.resolveAsScalar(tok, true, () => {})?.value);
      }),
      { numRuns: 40 },
    );
  });
});

describe('20 MB body', () => {
  it('one changed line in a 20 MB body plans as a one-line splice', () => {
    const rows: string[] = [];
    for (let n = 0, i = 0; n < 20e6; i++) {
      const r = `${IND}data: {"id":"chatcmpl-${i}","choices":[{"delta":{"content":"token ${i} of a long streamed answer"}}]}`;
      rows.push(r, '    '); // go-vcr-style indented blank lines
      n += r.length + 2;
    }
    const t = doc('|+', rows);
    const ed = openEditable(t);
    const ref = side(ed, 0, 'response');
    if (typeof ref === 'string') throw new Error(ref);
    const value = resolveBlockValue(ref.body.node!.srcToken as CST.BlockScalar)!;
    const at = value.indexOf('token 100000 of');
    const next = value.slice(0, at) + 'TOKEN' + value.slice(at + 5);
    // Speed is measured by `npm run bench` (edit.block_plan_ms), not asserted here.
    const plan = planScalar(ed, ref.body.node!, next);
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan).toHaveLength(1);
    expect(plan[0].insert).toBe(rows[200000].replace('token', 'TOKEN') + '\n');
    const r = commit(ed, plan);
    expect(r.ok && r.changes.map((c) => c.oldLines)).toEqual([{ from: BODY_LINE + 200000, to: BODY_LINE + 200001 }]);
  }, 180_000);
});
