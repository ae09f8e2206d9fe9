/**
 * Secrets never reach the search index: one sample per built-in redaction rule, in an answer
 * text, a request message, secret headers and a URL query key, indexed by the real engine.
 * A rule added without a sample here fails the first test, so the index's cheap pre-check
 * cannot silently fall behind the rules.
 */
import { describe, expect, it } from 'vitest';
import { runEngineTask } from '../../../main/workspace/engine';
import { BUILTIN_PATTERNS } from '../../../shared/redact/rules';
import { searchFiles } from '../../../shared/search/search-files';
import { goVcr } from '../workspace/helpers';

const alnum = (n: number, seed: string) => Array.from({ length: n }, (_, i) => 'aB3dE5gH7jK9mN1pQ2sT4vW6yZ8'[(i * 7 + seed.length) % 27]).join('');

/** A shaped, non-placeholder sample per rule id, each ending in a distinct searchable tail. */
const SAMPLES: Record<string, string> = {
  'anthropic-key': `sk-ant-api03-${alnum(24, 'a')}TAILANTH`,
  'openai-project-key': `sk-proj-${alnum(24, 'bb')}TAILPROJ`,
  'openai-key': `sk-${alnum(24, 'ccc')}TAILOPEN`,
  'google-api-key': `AIza${alnum(27, 'd')}TAILGOOG`,
  'aws-access-key-id': 'AKIAQWERTY12TAILAKID',
  'aws-secret-key': `aws_secret_access_key=${alnum(32, 'e')}TAILAWSS`,
  'github-token': `ghp_${alnum(30, 'f')}TAILGITHUB`,
  'huggingface-token': `hf_${alnum(30, 'g')}TAILHUGG`,
  'slack-token': `xoxb-1234567890-${alnum(12, 'h')}TAILSLACK`,
  'stripe-key': `sk_live_${alnum(20, 'i')}TAILSTRIPE`,
  'bearer-token': `Bearer ${alnum(16, 'j')}TAILBEARER`,
  'url-query-key': '', // URLs only: see the URL case below
};

const tail = (s: string) => /TAIL\w+$/.exec(s)![0];

function index(yaml: string) {
  const bytes = new TextEncoder().encode(yaml);
  const res = runEngineTask({ kind: 'bytes', bytes, ref: { rootId: 'r', relPath: 's.yaml' }, stat: { size: bytes.length, mtimeMs: 0 } });
  if (res.kind !== 'indexed') throw new Error(res.kind);
  return res.docs;
}
const found = (docs: ReturnType<typeof index>, pattern: string) =>
  searchFiles([{ file: 's.yaml', docs }], { pattern }).files.flatMap((f) => f.interactions.flatMap((i) => i.hits.map((h) => h.snippet)));

describe('the search index keeps no secret', () => {
  it('has a sample for every built-in rule', () => {
    expect(BUILTIN_PATTERNS.map((p) => p.id).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it('masks every rule’s secret in answer text, alone and inside a sentence', () => {
    const secrets = Object.entries(SAMPLES).filter(([id]) => id !== 'url-query-key');
    // One interaction per secret: alone (the pre-check's best case) and mid-sentence.
    const docs = index(goVcr(secrets.flatMap(([, s]) => [{ content: s }, { content: `please use ${s} for the call` }])));
    for (const [id, s] of secrets) expect([id, found(docs, tail(s))]).toEqual([id, []]);
    // The text around them is still indexed.
    expect(found(docs, 'for the call')).toHaveLength(secrets.length);
  });

  it('masks secret header values and URL keys, keeping the header names', () => {
    const key = `AIza${alnum(27, 'k')}TAILURLKEY`;
    const yaml = goVcr([{ content: 'hello' }])
      .replace('url: https://api.openai.com/v1/chat/completions', `url: https://api.openai.com/v1/chat/completions?key=${key}&alt=sse`)
      .replace(
        /headers:\n {6}Content-Type:\n {6}- application\/json\n {4}url/,
        `headers:\n      Content-Type:\n      - application/json\n      X-Api-Key:\n      - plainvalue123456TAILXAPI\n      Cookie:\n      - session=abcdef123456TAILCOOKIE\n    url`,
      );
    const docs = index(yaml);
    expect(found(docs, 'TAILURLKEY')).toEqual([]);
    expect(found(docs, 'TAILXAPI')).toEqual([]);
    expect(found(docs, 'TAILCOOKIE')).toEqual([]);
    expect(found(docs, 'alt=sse')).toHaveLength(1);
    expect(found(docs, 'X-Api-Key')).toEqual([expect.stringMatching(/^X-Api-Key: \*+$/)]);
  });

  // The index runs the rules over a header value or URL only when a cheap pre-check says it
  // may hold a secret: every rule that applies there must still be found.
  it('masks every rule’s secret in plain header values and in a URL path', () => {
    const rules = BUILTIN_PATTERNS.filter((p) => p.where.includes('header'));
    const headers = rules.map((r, i) => `      X-Sample-${i}:\n      - ${SAMPLES[r.id]}\n`).join('');
    const urlRules = BUILTIN_PATTERNS.filter((p) => p.where.includes('url') && SAMPLES[p.id]);
    const yaml = goVcr(urlRules.map(() => ({ content: 'hi' })))
      .replace(/headers:\n {6}Content-Type:\n {6}- application\/json\n {4}url/, `headers:\n      Content-Type:\n      - application/json\n${headers}    url`);
    let n = 0;
    const withUrls = yaml.replace(/url: https:\/\/api\.openai\.com\/v1\/chat\/completions/g, (u) => `${u}/${SAMPLES[urlRules[n++].id]}`);
    const docs = index(withUrls);
    for (const r of [...rules, ...urlRules]) expect([r.id, found(docs, tail(SAMPLES[r.id]))]).toEqual([r.id, []]);
    expect(found(docs, 'X-Sample-0')).not.toEqual([]);
    expect(found(docs, 'chat/completions/')).toHaveLength(urlRules.length);
  });
});
