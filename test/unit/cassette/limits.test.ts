import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { parseCassetteForIndex } from '../../../shared/cassette/parse-index';

const enc = (s: string) => new TextEncoder().encode(s);
const codes = (c: { diagnostics: { code: string }[] }) => c.diagnostics.map((d) => d.code);

function vcrpy(parsedBody: string, extra = ''): string {
  return `${extra}interactions:
- request:
    headers: {}
    method: POST
    parsed_body:
${parsedBody}
    uri: https://api.openai.com/v1/chat/completions
  response:
    headers: {}
    status: {code: 200, message: OK}
    body: {string: ok}
version: 1
`;
}

// Hostile or broken files must give a diagnostic, never take the process down or hang it.
describe('limits against hostile files', () => {
  it('a 20,000-deep JSON/HAR file is refused as too deep (V8 used to abort the process)', () => {
    const n = 20_000;
    const text = `{"log":{"version":"1.2","entries":[${'['.repeat(n)}${']'.repeat(n)}]}}`;
    for (const c of [parseCassette({ path: 'deep.har', bytes: enc(text) }), parseCassetteForIndex({ path: 'deep.har', bytes: enc(text) }).cassette]) {
      expect(codes(c)).toContain('yaml.too-deep');
      expect(c.interactions).toEqual([]);
    }
  });

  it('deep YAML, flow or block, is refused as too deep', () => {
    const flow = `version: 2\ninteractions: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    let block = 'version: 2\ninteractions:\n';
    for (let i = 0; i < 600; i++) block += `${' '.repeat(i)}k${i}:\n`;
    // Reported where the 501st level opens: the 501st `[`, or the key indented 501 levels.
    for (const [text, line, column] of [[flow, 2, 515], [block, 504, 502]] as const) {
      const deep = parseCassette({ path: 'deep.yaml', bytes: enc(text) }).diagnostics.find((d) => d.code === 'yaml.too-deep');
      expect(deep).toMatchObject({ severity: 'error', line, column });
      expect(deep?.message).toContain(`at line ${line}, column ${column}`);
      // The index path may stop earlier (this shape is no cassette); it must never read it as one.
      const indexed = parseCassetteForIndex({ path: 'deep.yaml', bytes: enc(text) }).cassette;
      expect(indexed.format).toBeNull();
      expect(codes(indexed).some((c) => c === 'yaml.too-deep' || c === 'format.not-cassette')).toBe(true);
    }
  });

  // "Quickly" is the test timeout: without the budget this file takes minutes and gigabytes.
  it('an alias bomb in a parsed_body stops at the expansion budget', () => {
    // a9 would expand to 10^9 strings.
    let anchors = '';
    for (let i = 0; i < 10; i++) anchors += `      a${i}: &a${i} [${Array(10).fill(i === 0 ? 'x' : `*a${i - 1}`).join(', ')}]\n`;
    const c = parseCassette({ path: 'bomb.yaml', bytes: enc(vcrpy(anchors)) });
    expect(codes(c)).toContain('yaml.alias-expansion');
  });

  it('thousands of aliases to one anchor resolve in one pass, to the right target', () => {
    const uses = Array.from({ length: 4000 }, (_, i) => `      - role: user\n        content: *h\n        n: ${i}`).join('\n');
    const body = `      shared: &h hello\n      messages:\n${uses}\n      model: gpt-4o-mini`;
    const c = parseCassette({ path: 'aliases.yaml', bytes: enc(vcrpy(body)) });
    expect(codes(c).filter((x) => x.startsWith('yaml.') || x === 'parse.internal')).toEqual([]);
    const parsed = JSON.parse(c.interactions[0].request.body.text!);
    expect(parsed.messages).toHaveLength(4000);
    expect(parsed.messages[3999].content).toBe('hello');
  });

  it('an alias resolves to the latest anchor of that name before it', () => {
    const body = '      a: &x one\n      b: *x\n      c: &x two\n      d: *x';
    const c = parseCassette({ path: 'redefined.yaml', bytes: enc(vcrpy(body)) });
    expect(JSON.parse(c.interactions[0].request.body.text!)).toMatchObject({ a: 'one', b: 'one', c: 'two', d: 'two' });
  });
});

describe('limits in the edit and CLI paths', () => {
  it('openEditable refuses a too-deep file with an error instead of composing it', async () => {
    const { openEditable } = await import('../../../shared/edit/document');
    const n = 20_000;
    const doc = openEditable(`{"log":{"entries":[${'['.repeat(n)}${']'.repeat(n)}]}}`);
    expect(doc.doc).toBeNull();
    expect(doc.errors.join(" ")).toMatch(/deeper than 500 levels \(501\+\) at line 1, column \d+/);
  });
});
