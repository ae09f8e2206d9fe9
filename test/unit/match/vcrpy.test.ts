import { describe, expect, it } from 'vitest';
import { createSession, explainOnce } from '../../../shared/match';
import { loadRecorded, req } from './helpers';

const recorded = loadRecorded('vcrpy-query-body.yaml');
const URL_SWAPPED = 'https://api.openai.com/v1/chat/completions?trace=on&api-version=2024-06-01';
const json = { 'Content-Type': 'application/json' };

describe('vcrpy matching', () => {
  it('default match_on ignores the body and query order, so identical-looking requests replay in order', () => {
    const s = createSession(recorded, 'vcrpy');
    expect(s.matchers).toEqual(['method', 'scheme', 'host', 'port', 'path', 'query']);
    const r = req('POST', URL_SWAPPED, json, '{}');
    expect(s.next(r).chosen).toBe(0);
    expect(s.next(r).chosen).toBe(1);
    expect(s.next(r).chosen).toBeNull();
  });

  it('query drops blank values (parse_qsl) and an explicit default port equals none', () => {
    const r = req('POST', 'https://api.openai.com:443/v1/chat/completions?trace=on&empty=&api-version=2024-06-01', json, '{}');
    expect(explainOnce(recorded, r, 'vcrpy').chosen).toBe(0);
    expect(explainOnce(recorded, r, 'vcrpy', { matchOn: ['uri'] }).chosen).toBeNull();
  });

  it('body compares parsed JSON (key order free) when both sides are application/json; raw_body compares bytes', () => {
    const body = '{"messages":[{"content":"hi","role":"user"}],"temperature":1.0,"model":"gpt-4o-mini"}';
    const r = req('POST', URL_SWAPPED, json, body);
    expect(explainOnce(recorded, r, 'vcrpy', { matchOn: ['method', 'path', 'body'] }).chosen).toBe(1);
    expect(explainOnce(recorded, r, 'vcrpy', { matchOn: ['method', 'path', 'raw_body'] }).chosen).toBeNull();
    // Without a JSON content type on the request the transformers differ and the bytes are compared.
    expect(explainOnce(recorded, req('POST', URL_SWAPPED, {}, body), 'vcrpy', { matchOn: ['body'] }).chosen).toBeNull();
  });

  it('near misses carry a JSON path diff of the body', () => {
    const r = req('POST', URL_SWAPPED, json, '{"model":"gpt-4o-mini","temperature":0.5,"messages":[{"role":"user","content":"hi"}]}');
    const e = explainOnce(recorded, r, 'vcrpy', { matchOn: ['method', 'path', 'body'] });
    expect(e.chosen).toBeNull();
    expect(e.nearMisses.map((n) => n.index)).toEqual([0, 1]);
    const body = e.nearMisses[0].diff.find((d) => d.field === 'body');
    expect(body?.rows).toEqual([{ key: '$.temperature', recorded: '0', request: '0.5' }]);
  });

  it('headers compares a case-insensitive dict; allow_playback_repeats replays the first match again', () => {
    const r = req('POST', URL_SWAPPED, { 'content-type': 'application/json', 'user-agent': 'OpenAI/Python 1.50.0' }, '{}');
    const s = createSession(recorded, 'vcrpy', { matchOn: ['method', 'headers'], allowRepeats: true });
    expect([s.next(r).chosen, s.next(r).chosen, s.next(r).chosen]).toEqual([0, 0, 0]);
  });
});
