import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCassette } from '../../../shared/cassette/parse';
import { lintCassette } from '../../../shared/lint';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { utf8Encode } from '../../../shared/util/bytes';

const dir = fileURLToPath(new URL('../../fixtures/lint/', import.meta.url));
const bad = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.bad.yaml'));

// The app's worker has already parsed and analysed the text for the views; lint must give the
// same findings from that parse as from its own.
describe('lint reusing a parse', () => {
  it('finds the same problems with a pre-parsed cassette as from the text alone', () => {
    expect(bad.length).toBeGreaterThan(10);
    for (const f of bad) {
      const text = readFileSync(join(dir, f), 'utf8');
      const cassette = parseCassette({ path: f, bytes: utf8Encode(text) });
      const parsed = { cassette, analysis: analyzeCassette(cassette) };
      const strip = (xs: ReturnType<typeof lintCassette>) => xs.map(({ fix, ...rest }) => ({ ...rest, fix: fix?.title }));
      const fresh = strip(lintCassette(text, f));
      expect(fresh.length, f).toBeGreaterThan(0);
      expect(strip(lintCassette(text, f, { parsed })), f).toEqual(fresh);
    }
  });

  it('really uses the given parse', () => {
    const text = readFileSync(join(dir, bad[0]), 'utf8');
    const empty = parseCassette({ path: 'x.yaml', bytes: utf8Encode('interactions: []\nversion: 2\n') });
    const findings = lintCassette(text, bad[0], { parsed: { cassette: empty, analysis: analyzeCassette(empty) } });
    // An empty cassette has nothing for the rules to find, except what is in the raw text (secrets).
    expect(findings.filter((x) => !x.code.startsWith('secret/'))).toEqual([]);
  });
});
