/**
 * Secrets planted in every format (headers, URLs, HAR cookies[]/queryString[], plain, gzip and
 * base64 bodies) are all found, and after redaction none survives anywhere while the file still
 * parses to the same interactions. Cloudflare bot cookies are information, left in place.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { lintCassette } from '../../../shared/lint/engine';
import { findSecrets, redactText } from '../../../shared/redact/redact';

const DIR = path.join(__dirname, '../../fixtures/redact');
const read = (f: string) => readFileSync(path.join(DIR, f), 'utf8');
const S = JSON.parse(read('secrets.json')) as Record<string, string>;
/** Whole header values and cookie values that are secret as a whole (replaced entirely). */
const WHOLE = ['sid=Rw8Tq4Ny2Mx6Lv0Kb3Jc; Path=/; HttpOnly', 'session=Jm5Ph8Qt2Vw4Xz6Bc; __cf_bm=Ab1Cd2Ef3Gh4', 'Rw8Tq4Ny2Mx6Lv0Kb3Jc', 'Jm5Ph8Qt2Vw4Xz6Bc'];
const SECRETS = [...WHOLE, ...Object.values(S), S.slack.replace('xoxb', 'xoxp')].sort((a, b) => b.length - a.length);

function interactions(file: string, text: string) {
  const c = parseCassette({ path: file, bytes: new TextEncoder().encode(text) });
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return c.interactions.map((i) => ({
    method: i.request.method,
    url: i.request.url,
    status: i.response.status,
    headers: [...i.request.headers, ...i.response.headers].map((h) => `${h.name}: ${h.value}`),
    bodies: [i.request.body.text, i.response.body.text],
  }));
}

const CASES: [string, string[]][] = [
  ['go-vcr.yaml', ['aws-access-key-id', 'aws-secret-key', 'github-token', 'google-api-key', 'header:authorization', 'header:set-cookie', 'url-query-key']],
  ['vcrpy-gzip.yaml', ['github-token', 'header:x-api-key', 'slack-token', 'stripe-key']],
  ['ruby-vcr.yml', ['aws-access-key-id', 'aws-secret-key', 'header:authorization']],
  ['polly.har', ['google-api-key', 'header:cookie', 'header:set-cookie', 'huggingface-token', 'stripe-key', 'url-query-key']],
  ['langchain.yaml', ['anthropic-key', 'header:authorization', 'slack-token']],
];

describe('planted secrets in every format', () => {
  for (const [file, rules] of CASES) {
    it(`${file}: every secret found, none left after redaction, same interactions`, () => {
      const text = read(file);
      const found = findSecrets(text);
      expect([...new Set(found.filter((f) => !f.info).map((f) => f.ruleId))].sort()).toEqual(rules);
      const before = interactions(file, text);
      expect(SECRETS.some((s) => JSON.stringify(before).includes(s))).toBe(true);
      const r = redactText(text);
      expect(r.error).toBeUndefined();
      const after = interactions(file, r.text);
      const leaked = SECRETS.filter((s) => r.text.includes(s) || JSON.stringify(after).includes(s));
      expect(leaked).toEqual([]);
      let expected = JSON.stringify(before);
      for (const s of SECRETS) expected = expected.split(s).join('REDACTED');
      expect(JSON.parse(expected)).toEqual(after);
      expect(redactText(r.text).text).toBe(r.text);
    });
  }

  it('Cloudflare bot cookies are info, left in place, and do not fail a lint gate', () => {
    const text = read('vcrpy-gzip.yaml').replace(/X-Api-Key:\n {6}- \S+/, 'X-Other: [a]').replace(/string: !!binary[^]*?(?=\n {4}headers)/, "string: '{}'").replace(/body: '[^']*'/, "body: ''");
    expect(findSecrets(text).map((f) => [f.ruleId, f.info, f.preview])).toEqual([['cloudflare-bot-cookie', true, 'Pn4Lm7…gh']]);
    const r = redactText(text);
    expect(r).toMatchObject({ text, findings: [] });
    const lint = lintCassette(text, 'c.yaml').filter((f) => f.code.startsWith('cookie/') || f.code.startsWith('secret'));
    expect(lint.map((f) => [f.code, f.severity, f.line])).toEqual([['cookie/cloudflare-bot', 'info', 19]]);
  });
});
