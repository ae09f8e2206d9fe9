/**
 * The fast literal block-scalar resolver agrees with yaml's own resolver whenever it answers
 * (it may decline with null; the caller then uses yaml's).
 */
import fc from 'fast-check';
import { CST, Parser } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveLiteralFast } from '../../../shared/yaml/block-literal';

function blockToken(doc: string): CST.BlockScalar {
  for (const tok of new Parser().parse(doc)) {
    if (tok.type !== 'document' || tok.value?.type !== 'block-map') continue;
    const v = tok.value.items[0].value;
    if (v?.type === 'block-scalar') return v;
  }
  throw new Error('no block scalar');
}

function both(header: '|' | '|-' | '|+', lines: string[], tail: string) {
  const doc = `body: ${header}\n${lines.join('\n')}${tail}`;
  const tok = blockToken(doc);
  const yamlValue = CST.resolveAsScalar(tok, true, () => {})?.value;
  const chomp = header === '|-' ? '-' : header === '|+' ? '+' : '';
  return { fast: resolveLiteralFast(tok.source, tok.indent, chomp), yamlValue };
}

describe('resolveLiteralFast', () => {
  it('matches yaml on SSE-shaped bodies for every chomping mode', () => {
    const lines = ['  data: {"a":1}', '', '  data: {"b":2}', '', '  data: [DONE]'];
    for (const h of ['|', '|-', '|+'] as const)
      for (const tail of ['\n', '\n\n', '\n\n\n', '\nnext: 1\n', '\n\nnext: 1\n']) {
        const { fast, yamlValue } = both(h, lines, tail);
        expect(fast, `${h} ${JSON.stringify(tail)}`).toBe(yamlValue);
      }
  });

  it('keeps extra indentation and spaces-only lines like yaml', () => {
    const { fast, yamlValue } = both('|', ['    a', '      b', '      ', '    c'], '\n');
    expect(fast).toBe(yamlValue);
  });

  it('declines shapes it does not handle', () => {
    expect(both('|', ['  a', ' ', '  b'], '\n').fast).toBeNull(); // short spaces-only line
    expect(both('|', ['', '  a'], '\n').fast).toBeNull(); // leading empty line
    expect(both('|', ['  a', '  b  '], '\n').fast).toBeNull(); // trailing spaces on the last line
    expect(resolveLiteralFast('  a\r\n  b\r\n', 0, '')).toBeNull();
  });

  it('agrees with yaml on random line shapes', () => {
    const line = fc.oneof(
      fc.constant(''),
      fc.stringMatching(/^ {0,6}$/),
      fc.stringMatching(/^ {2,5}[a-z:"{}\t #]{1,8}$/),
    );
    fc.assert(
      fc.property(fc.constantFrom('|', '|-', '|+'), fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\n\n', '', '\nx: 1\n'), (h, ls, tail) => {
        const first = `  ${ls[0].trim() || 'x'}`;
        let tok: CST.BlockScalar;
        try {
          tok = blockToken(`body: ${h}\n${[first, ...ls.slice(1)].join('\n')}${tail}`);
        } catch {
          return; // not a block scalar at all (e.g. the lines ended the mapping)
        }
        let errors = 0;
        const yamlValue = CST.resolveAsScalar(tok, true, () => errors++)?.value;
        const fast = resolveLiteralFast(tok.source, tok.indent, h === '|-' ? '-' : h === '|+' ? '+' : '');
        if (fast !== null) {
          expect(errors).toBe(0);
          expect(fast).toBe(yamlValue);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
