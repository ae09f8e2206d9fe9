/**
 * Semantic diff on golden pairs (test/fixtures/diff/<a>+<b>.expected.json holds the whole diff;
 * UPDATE_GOLDEN=1 rewrites them, review by eye) plus the properties the issue names.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCassettes } from '../../../shared/diff/diff-cassettes';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';
import { fixtureDir, load } from './load';

registerNodeCodecs();

const PAIRS: [string, string][] = [
  ['go-vcr-base.yaml', 'go-vcr-rerecord.yaml'],
  ['go-vcr-base.yaml', 'go-vcr-tool-arg.yaml'],
  ['vcrpy-base.yaml', 'vcrpy-model.yaml'],
  ['vcrpy-base.yaml', 'vcrpy-added.yaml'],
  ['har-base.har', 'har-reordered.har'],
];

const strip = (f: string) => f.replace(/\.(yaml|har)$/, '');

describe('semantic diff golden pairs', () => {
  for (const [a, b] of PAIRS) {
    it(`${a} → ${b}`, () => {
      const got = JSON.parse(JSON.stringify(diffCassettes(load(a), load(b)))) as unknown;
      const file = path.join(fixtureDir, `${strip(a)}+${strip(b)}.expected.json`);
      if (!process.env.UPDATE_GOLDEN && !existsSync(file)) throw new Error(`missing ${file}: run with UPDATE_GOLDEN=1 and review it`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, JSON.stringify(got, null, 2) + '\n');
      expect(got).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});

describe('semantic diff', () => {
  it('a re-record that only changes ids, dates, request ids, rate limits and chunking is no semantic change', () => {
    const d = diffCassettes(load('go-vcr-base.yaml'), load('go-vcr-rerecord.yaml'));
    expect(d.changed).toBe(false);
    expect(d.pairs.map((p) => [p.a, p.b, p.status, p.moved])).toEqual([[0, 0, 'same', false], [1, 1, 'same', false]]);
    // Timing and chunking are reported as information only.
    expect(d.pairs[1].info.map((c) => c.field)).toEqual(['stream.events', 'timing.durationMs']);
    expect(d.pairs[1].info[0]).toMatchObject({ before: 4, after: 5 });
    expect(d.tokens).toEqual({ input: 0, output: 0 });
  });

  it('shows the volatile fields on request, as information that does not count', () => {
    const d = diffCassettes(load('go-vcr-base.yaml'), load('go-vcr-rerecord.yaml'), { showVolatile: true });
    expect(d.changed).toBe(false);
    const fields = d.pairs[0].info.map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['response.id', 'response.toolCalls[0].id', 'response.header date', 'response.header x-request-id', 'response.header x-ratelimit-remaining-tokens', 'response.header openai-processing-ms', 'request.header x-stainless-retry-count']));
  });

  it('a changed tool argument shows as a JSON diff of the call and of its history copy', () => {
    const d = diffCassettes(load('go-vcr-base.yaml'), load('go-vcr-tool-arg.yaml'));
    expect(d.changed).toBe(true);
    expect(d.pairs[0].changes).toEqual([
      { field: 'response.toolCalls[0].arguments', kind: 'json', entries: [{ path: '$.city', before: 'Paris', after: 'Paris, FR' }, { path: '$.unit', after: 'celsius' }] },
    ]);
    // The next request carries the call in its history: still paired (same conversation), and the copy is shown.
    expect(d.pairs[1]).toMatchObject({ a: 1, b: 1, status: 'changed' });
    expect(d.pairs[1].changes.map((c) => c.field)).toEqual(['request.messages[1].toolCalls[0].arguments']);
  });

  it('a changed model shows in the request and the response, with the cost delta', () => {
    const d = diffCassettes(load('vcrpy-base.yaml'), load('vcrpy-model.yaml'));
    const fields = d.pairs[0].changes.map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['request.model', 'response.model', 'cost.usd']));
    expect(d.pairs[0].changes.find((c) => c.field === 'request.model')).toMatchObject({ before: 'claude-sonnet-4-5', after: 'claude-haiku-4-5' });
    expect(d.pairs[0].costUsd).toBeLessThan(0);
    expect(d.pairs[0].label).toBe('POST /v1/messages · claude-haiku-4-5');
  });

  it('an added interaction is reported as added, the rest unchanged', () => {
    const d = diffCassettes(load('vcrpy-base.yaml'), load('vcrpy-added.yaml'));
    expect(d.changed).toBe(true);
    expect(d.pairs.map((p) => [p.a, p.b, p.status])).toEqual([[0, 0, 'same'], [null, 1, 'added']]);
    const back = diffCassettes(load('vcrpy-added.yaml'), load('vcrpy-base.yaml'));
    expect(back.pairs.map((p) => [p.a, p.b, p.status])).toEqual([[0, 0, 'same'], [1, null, 'removed']]);
  });

  it('a reordered pair is matched by conversation, not position: moved, not changed', () => {
    const d = diffCassettes(load('har-base.har'), load('har-reordered.har'));
    expect(d.changed).toBe(false);
    expect(d.pairs.map((p) => [p.a, p.b, p.status])).toEqual([[1, 0, 'same'], [0, 1, 'same']]);
    expect(d.pairs.filter((p) => p.moved)).toHaveLength(1);
  });
});
