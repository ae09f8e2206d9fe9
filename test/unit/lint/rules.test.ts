import { describe, expect, it } from 'vitest';
import { lintCassette } from '../../../shared/lint/engine';
import { RULES } from '../../../shared/lint/catalog';
import { fixture, fixtureCodes } from './helpers';

const codes = fixtureCodes();

describe('each rule has a fixture that triggers it and one that does not', () => {
  it('covers every catalogued rule (plus at least one secret rule)', () => {
    const missing = RULES.map((r) => r.code).filter((c) => c !== 'lint/internal' && !codes.includes(c));
    expect(missing).toEqual([]);
    expect(codes.some((c) => c.startsWith('secret/'))).toBe(true);
  });

  for (const code of codes) {
    it(`${code}: bad fixture triggers it with a position`, () => {
      const found = lintCassette(fixture(code, 'bad'), `${code}.bad.yaml`).filter((f) => f.code === code);
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) {
        expect(f.line).toBeGreaterThan(0);
        expect(f.column).toBeGreaterThan(0);
        expect(f.message.length).toBeGreaterThan(10);
      }
    });
    it(`${code}: good fixture does not`, () => {
      const all = lintCassette(fixture(code, 'good'), `${code}.good.yaml`);
      expect(all.filter((f) => f.code === code)).toEqual([]);
      expect(all.filter((f) => f.code === 'lint/internal')).toEqual([]);
    });
  }
});

describe('what the findings say', () => {
  it('reports the rewritten ids by position', () => {
    const f = lintCassette(fixture('tool-result/unknown-id', 'bad'), 'x.yaml').filter((x) => x.code === 'tool-result/unknown-id');
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining('"test-3" answers no call of interaction 0; by position it answers "add:0" (add)'),
      expect.stringContaining('"test-4" answers no call of interaction 0; by position it answers "multiply:1" (multiply)'),
    ]);
    expect(f[0].severity).toBe('error');
    expect(f[0].interaction).toBe(1);
  });

  it('points a stream finding at the event line', () => {
    const text = fixture('stream/split-json', 'bad');
    const f = lintCassette(text, 'x.yaml').find((x) => x.code === 'stream/split-json')!;
    expect(text.split('\n')[f.line! - 1].trim()).toMatch(/^data: \{"id":"chatcmpl-s1".*"delta":\{"con$/);
  });

  it('names the schema problems', () => {
    const f = lintCassette(fixture('tool-call/schema-mismatch', 'bad'), 'x.yaml').find((x) => x.code === 'tool-call/schema-mismatch')!;
    expect(f.message).toContain('missing required property "b"');
    expect(f.message).toContain('$.a: expected integer, got string');
  });

  it('honours --rule levels, exact and by family', () => {
    const text = fixture('tool-call/duplicate-id', 'bad');
    const codesOf = (rules: Record<string, 'off' | 'info' | 'warning' | 'error'>) => lintCassette(text, 'x.yaml', { rules }).map((f) => `${f.code}:${f.severity}`);
    expect(codesOf({})).toContain('tool-call/duplicate-id:error');
    expect(codesOf({ 'tool-call/duplicate-id': 'off' }).some((c) => c.startsWith('tool-call/duplicate-id'))).toBe(false);
    expect(codesOf({ 'tool-call': 'off' })).toEqual([]);
    expect(codesOf({ 'tool-call': 'off', 'tool-call/positional-id': 'error' })).toEqual(['tool-call/positional-id:error', 'tool-call/positional-id:error']);
  });

  it('never throws on garbage', () => {
    for (const junk of ['', '{', 'interactions: [1, 2]', '\u0000\u0001', 'version: 2\ninteractions:\n- request: 5\n']) {
      expect(() => lintCassette(junk, 'junk.yaml')).not.toThrow();
    }
    expect(lintCassette(new Uint8Array([0x1f, 0x8b, 1, 2, 3]), 'x.yaml.gz').map((f) => f.code)).toEqual(['cassette/parse-error']);
  });
});
