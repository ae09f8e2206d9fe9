/**
 * The match panel's model on the e2e fixture, parsed with the real parser: the recorder that
 * wrote the file is preselected, the default and chosen matchers give their own answers (the
 * chosen one left out when it is the default), and pasted text that is no request is an error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { comparedFields, recordedRequest, SPECS } from '../../../shared/match';
import { matchView } from '../../../renderer/src/features/match/match-model';

const path = join(__dirname, '../../fixtures/match-panel/colour-twins.yaml');
const cassette = parseCassette({ path, bytes: readFileSync(path) });
const recorded = cassette.interactions.map(recordedRequest);
const json = (temperature: number) =>
  JSON.stringify({
    method: 'POST',
    url: 'https://api.openai.com/v1/chat/completions?api-version=2024-06-01',
    headers: { 'Content-Type': 'application/json', 'User-Agent': 'OpenAI/Python 1.50.0' },
    body: `{"model": "gpt-4o-mini", "temperature": ${temperature}, "messages": [{"role": "user", "content": "Name a colour."}]}`,
  });

describe('matchView', () => {
  it('uses the recorder that wrote the cassette and its defaults until told otherwise', () => {
    const v = matchView(recorded, cassette.format, { input: '', recorder: null, matchOn: null });
    expect(v).toMatchObject({ recorder: 'vcrpy', own: 'vcrpy', chosen: SPECS.vcrpy.defaults, input: null, byDefault: null, byChosen: null });
  });

  it('answers under the default matchers and under the chosen ones', () => {
    const v = matchView(recorded, cassette.format, { input: json(1), recorder: null, matchOn: ['body', 'method', 'path'] });
    expect(v.chosen).toEqual(['method', 'path', 'body']); // the recorder's order, not the ticking order
    expect(v.byDefault).toMatchObject({ chosen: 0, candidates: [0, 1] });
    expect(v.byChosen).toMatchObject({ chosen: 1, candidates: [1], matchers: ['method', 'path', 'body'] });

    const miss = matchView(recorded, cassette.format, { input: json(0.5), recorder: 'ruby-vcr', matchOn: ['method', 'uri', 'body_as_json'] });
    expect(miss.byDefault).toMatchObject({ recorder: 'ruby-vcr', chosen: 0 });
    expect(miss.byChosen?.chosen).toBeNull();
    expect(miss.byChosen?.nearMisses.map((n) => [n.index, n.failed])).toEqual([[0, ['body_as_json']], [1, ['body_as_json']]]);
    expect(miss.byChosen?.nearMisses[0].diff).toEqual([{ field: 'body', rows: [{ key: '$.temperature', recorded: '0', request: '0.5' }] }]);
  });

  it('shows the chosen matchers once when they are the defaults, and not at all when none is ticked', () => {
    expect(matchView(recorded, cassette.format, { input: json(1), recorder: null, matchOn: [...SPECS.vcrpy.defaults] }).byChosen).toBeNull();
    expect(matchView(recorded, cassette.format, { input: json(1), recorder: null, matchOn: [] })).toMatchObject({ chosen: [], byChosen: null });
  });

  it('passes the parser\'s error through instead of answering', () => {
    const v = matchView(recorded, cassette.format, { input: '{"url": ', recorder: null, matchOn: null });
    expect(v.input).toEqual({ error: "request JSON: expected a value but the text ends at column 9", line: 1, column: 9 });
    expect(v.byDefault).toBeNull();
  });
});

describe('comparedFields', () => {
  it('knows the fields of every matcher each recorder offers', () => {
    for (const spec of Object.values(SPECS)) for (const n of spec.names) expect(comparedFields([n]).size, `${spec.recorder} ${n}`).toBeGreaterThan(0);
    expect([...comparedFields(['method', 'url'])]).toEqual(['method', 'scheme', 'host', 'port', 'path', 'query']);
  });
});
