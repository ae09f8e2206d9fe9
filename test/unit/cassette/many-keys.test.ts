import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { parseCassetteForIndex } from '../../../shared/cassette/parse-index';

const enc = (s: string) => new TextEncoder().encode(s);

/** A vcrpy cassette whose request headers are one mapping of the given `key: value` lines. */
function withHeaders(lines: string[]): string {
  return `interactions:
- request:
    body: ''
    headers:
${lines.map((l) => `      ${l}`).join('\n')}
    method: GET
    uri: https://example.com/
  response:
    body: {string: ok}
    headers: {}
    status: {code: 200, message: OK}
version: 1
`;
}

// yaml's duplicate-key check is turned off for speed (it was quadratic); ours must still catch them.
describe('mappings with many keys', () => {
  it('reads a 5,000-key mapping in full, on both parsers', () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `x-h${i}: v${i}`);
    const bytes = enc(withHeaders(keys));
    for (const c of [parseCassette({ path: 'many.yaml', bytes }), parseCassetteForIndex({ path: 'many.yaml', bytes }).cassette]) {
      expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(c.interactions[0].request.headers.length).toBe(5_000);
    }
  });

  it('still reports a duplicate key, at the repeated key, on both parsers', () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `x-h${i}: v${i}`);
    keys.push('x-h17: again');
    const text = withHeaders(keys);
    const line = text.split('\n').findIndex((l) => l.includes('x-h17: again')) + 1;
    for (const c of [parseCassette({ path: 'dup.yaml', bytes: enc(text) }), parseCassetteForIndex({ path: 'dup.yaml', bytes: enc(text) }).cassette]) {
      const err = c.diagnostics.find((d) => d.severity === 'error');
      expect(err?.code).toBe('yaml.syntax');
      expect(err?.message).toMatch(/unique/);
      expect(err?.line).toBe(line);
      expect(err?.column).toBe(7);
    }
  });

  it('reports duplicates in flow mappings and between two empty keys too', () => {
    for (const text of ['version: 1\ninteractions: []\nx: {a: 1, b: 2, a: 3}\n', 'version: 1\ninteractions: []\nx:\n  : 1\n  : 2\n']) {
      const c = parseCassette({ path: 'dup.yaml', bytes: enc(text) });
      expect(c.diagnostics.map((d) => d.message).join()).toMatch(/unique/);
    }
  });
});
