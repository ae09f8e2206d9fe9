import { describe, expect, it } from 'vitest';
import { createSession, explainOnce } from '../../../shared/match';
import { loadRecorded, req } from './helpers';

const recorded = loadRecorded('go-vcr-repeat.yaml');
const BODY = '{"model":"gpt-4o-mini","messages":[],"stream":false}';
const chat = (body = BODY, headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'openai-go/1.8.2' }) =>
  req('POST', 'https://api.openai.com/v1/chat/completions', headers, body);

describe('go-vcr matching', () => {
  it('replays identical requests in file order, then finds nothing (replayed interactions are skipped)', () => {
    const s = createSession(recorded, 'go-vcr');
    expect(s.next(chat()).chosen).toBe(0);
    expect(s.next(chat()).chosen).toBe(1);
    const third = s.next(chat());
    expect(third.chosen).toBeNull();
    expect(third.alreadyPlayed).toEqual([0, 1]);
  });

  it('ReplayableInteractions always replays the first match', () => {
    const s = createSession(recorded, 'go-vcr', { allowRepeats: true });
    expect([s.next(chat()).chosen, s.next(chat()).chosen, s.next(chat()).chosen]).toEqual([0, 0, 0]);
  });

  it('v4 DefaultMatcher compares every header; WithIgnoreUserAgent lifts that', () => {
    const other = chat(BODY, { 'content-type': 'application/json', 'User-Agent': 'openai-go/2.0.0' });
    const miss = explainOnce(recorded, other, 'go-vcr');
    expect(miss.chosen).toBeNull();
    expect(miss.nearMisses[0].failed).toEqual(['headers']);
    expect(miss.nearMisses[0].diff).toEqual([{ field: 'headers', rows: [{ key: 'User-Agent', recorded: 'openai-go/1.8.2', request: 'openai-go/2.0.0' }] }]);
    // Header names are canonicalized (content-type == Content-Type), so only the agent mattered.
    expect(explainOnce(recorded, other, 'go-vcr', { ignoreHeaders: ['user-agent'] }).chosen).toBe(0);
  });

  it('compares the body byte for byte: JSON key order counts; v3 DefaultMatcher ignores the body', () => {
    const reordered = chat('{"messages":[],"model":"gpt-4o-mini","stream":false}');
    const miss = explainOnce(recorded, reordered, 'go-vcr');
    expect(miss.chosen).toBeNull();
    expect(miss.nearMisses[0].failed).toEqual(['body']);
    expect(explainOnce(recorded, reordered, 'go-vcr', { matchOn: ['v3'] }).chosen).toBe(0);
  });

  it('compares the URL as a string: query parameter order counts', () => {
    const ua = { 'User-Agent': 'openai-go/1.8.2' };
    expect(explainOnce(recorded, req('GET', 'https://api.openai.com/v1/models?limit=2&order=asc', ua), 'go-vcr').chosen).toBe(2);
    const swapped = explainOnce(recorded, req('GET', 'https://api.openai.com/v1/models?order=asc&limit=2', ua), 'go-vcr');
    expect(swapped.chosen).toBeNull();
    expect(swapped.nearMisses[0]).toMatchObject({ index: 2, failed: ['url'] });
    // The query rows are empty: same parameters, only their order differs.
    expect(swapped.nearMisses[0].diff).toEqual([{ field: 'query', recorded: 'limit=2&order=asc', request: 'order=asc&limit=2', rows: [] }]);
  });

  it('rejects unknown matcher names with the list of known ones', () => {
    expect(() => createSession(recorded, 'go-vcr', { matchOn: ['uri'] })).toThrow(/unknown go-vcr matcher "uri" \(known: method, url/);
  });
});
