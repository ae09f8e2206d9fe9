import { describe, expect, it } from 'vitest';
import { createSession, explainOnce } from '../../../shared/match';
import { loadRecorded, req } from './helpers';

const recorded = loadRecorded('ruby-json-body.yml');
const URL = 'https://api.anthropic.com/v1/messages';
const H = { 'Content-Type': 'application/json', 'Anthropic-Version': '2023-06-01' };

describe('Ruby VCR matching', () => {
  it('default [:method, :uri]: method case and a standard port do not matter; identical requests replay in order', () => {
    const s = createSession(recorded, 'ruby-vcr');
    const r = req('POST', URL, H, '{}');
    expect(s.next(r).chosen).toBe(0); // recorded with :443, requested without
    expect(s.next(req('post', URL, H, '{}')).chosen).toBe(1);
    expect(s.next(r).chosen).toBeNull();
  });

  it('allow_playback_repeats replays the most recently used match once all are used', () => {
    const s = createSession(recorded, 'ruby-vcr', { allowRepeats: true });
    const r = req('POST', URL, H, '{}');
    expect([s.next(r).chosen, s.next(r).chosen, s.next(r).chosen, s.next(r).chosen]).toEqual([0, 1, 1, 1]);
  });

  it('body_as_json ignores key order where :body does not', () => {
    const r = req('POST', URL, H, '{"messages":[{"content":"bye","role":"user"}],"max_tokens":64,"model":"claude-3-5-haiku-latest"}');
    expect(explainOnce(recorded, r, 'ruby-vcr', { matchOn: ['method', 'uri', 'body_as_json'] }).chosen).toBe(1);
    const raw = explainOnce(recorded, r, 'ruby-vcr', { matchOn: ['method', 'uri', 'body'] });
    expect(raw.chosen).toBeNull();
    expect(raw.nearMisses[0].failed).toEqual(['body']);
    expect(raw.nearMisses.map((n) => n.index)).toEqual([0, 1]);
    expect(raw.nearMisses[0].diff.find((d) => d.field === 'body')?.rows).toEqual([{ key: '$.messages[0].content', recorded: '"hi"', request: '"bye"' }]);
    // Same JSON, other key order: no JSON rows, but both texts, so the byte difference shows.
    expect(raw.nearMisses[1].diff.find((d) => d.field === 'body')).toMatchObject({ rows: [], request: r.body });
  });

  it('query compares CGI.parse hashes: parameter order is free, :uri is not', () => {
    const rec = [req('GET', 'https://x.test/a?b=2&a=1')];
    expect(explainOnce(rec, req('GET', 'https://x.test/a?a=1&b=2'), 'ruby-vcr', { matchOn: ['method', 'host', 'path', 'query'] }).chosen).toBe(0);
    expect(explainOnce(rec, req('GET', 'https://x.test/a?a=1&b=2'), 'ruby-vcr').chosen).toBeNull();
  });
});
