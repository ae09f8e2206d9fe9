import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { parseCassetteForIndex } from '../../../shared/cassette/parse-index';

const enc = (s: string) => new TextEncoder().encode(s);

describe('an alias without its anchor', () => {
  it('`interactions: *undefined-alias` is a YAML error at the alias, not "no interactions"', () => {
    const text = 'version: 2\ninteractions: *undefined-alias\n';
    for (const c of [parseCassette({ path: 'a.yaml', bytes: enc(text) }), parseCassetteForIndex({ path: 'a.yaml', bytes: enc(text) }).cassette]) {
      expect(c.diagnostics.map((d) => [d.severity, d.code, d.line, d.column])).toEqual([['error', 'yaml.syntax', 2, 15]]);
      expect(c.diagnostics[0].message).toContain('Unresolved alias *undefined-alias');
    }
  });

  it('an alias used before its anchor is an error too; one after it reads normally', () => {
    const late = 'interactions:\n- request: *r\n  response: &r {status: {code: 200}}\nversion: 1\n';
    expect(parseCassette({ path: 'b.yaml', bytes: enc(late) }).diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['yaml.syntax', 2, 12]]);
    const ok = 'x: &u https://a.io/v1\ninteractions:\n- request: {method: GET, uri: *u, headers: {}, body: {string: ""}}\n  response: {status: {code: 200, message: OK}, headers: {}, body: {string: hi}}\nversion: 1\n';
    const c = parseCassette({ path: 'c.yaml', bytes: enc(ok) });
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(c.interactions[0].request.url).toBe('https://a.io/v1');
  });
});
