import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getBodyText, setBody } from '../../../shared/edit/ops';
import { openEditable } from '../../../shared/edit/document';
import { findSecrets, redactText } from '../../../shared/redact/redact';
import { builtinRules, isPlaceholder, makeRules } from '../../../shared/redact/rules';
import { patternHits } from '../../../shared/redact/scan';
import { validateCassetteText } from '../../../shared/edit/validate';

const fx = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/edit', name), 'utf8');
const rules = builtinRules();
const secretsIn = (s: string, where: 'body' | 'url' | 'header' = 'body') => patternHits(s, where, rules).map((h) => s.slice(h.start, h.end));

describe('rules', () => {
  it('finds key shapes', () => {
    expect(secretsIn('key sk-proj-Abc123def456GHI789jkl012MNO345 end')).toEqual(['sk-proj-Abc123def456GHI789jkl012MNO345', 'sk-proj-Abc123def456GHI789jkl012MNO345']);
    expect(secretsIn('"sk-ant-api03-AbCdEf0123456789GhIjKl"')).toContain('sk-ant-api03-AbCdEf0123456789GhIjKl');
    expect(secretsIn('x=AIzaSyB1234567890abcdefghijklmnopqrstuv;')).toEqual(['AIzaSyB1234567890abcdefghijklmnopqrstuv']);
    expect(secretsIn('{"h":"Bearer abcdef0123456789"}')).toEqual(['abcdef0123456789']);
    expect(secretsIn('https://x.io/v1?alt=sse&key=abc123&api_key=zzz', 'url')).toEqual(['abc123', 'zzz']);
    expect(secretsIn('https://s3.aws/o?X-Amz-Signature=deadbeef&X-Amz-Date=1', 'url')).toEqual(['deadbeef']);
  });
  it('has no false positives on ordinary text', () => {
    const prose =
      'The task-management-system-architecture-design is a risk-assessment-framework. ' +
      'Ask-me-anything sessions, sk-learn, AIza is a name, a Bearer of news, monkey=1, ?keyboard=us, ' +
      '{"id":"chatcmpl-DuLdInI48CUMPbcraGuxW2KFhK3CM","object":"chat.completion.chunk","obfuscation":"I4YePAoyJgMnS"}';
    expect(secretsIn(prose)).toEqual([]);
    expect(secretsIn('https://api.openai.com/v1/chat/completions?monkey=1&keyboard=2', 'url')).toEqual([]);
  });
  it('recognises placeholders', () => {
    for (const p of ['<AUTH_TOKEN>', '**REDACTED**', 'REDACTED', 'X-USER-AGENT-XXX', '********', '{{API_KEY}}']) expect(isPlaceholder(p)).toBe(true);
    expect(isPlaceholder('sk-abc123')).toBe(false);
  });
  it('rejects bad custom rules', () => {
    expect(makeRules({ patterns: ['('] })).toHaveProperty('error');
    expect(makeRules({ patterns: ['a*'] })).toHaveProperty('error');
    expect(makeRules({ patterns: ['tok_[0-9]+'], headers: ['X-Secret'] })).not.toHaveProperty('error');
  });
});

describe('findSecrets', () => {
  it('reports header, url and body findings with positions', () => {
    const f = findSecrets(fx('go-vcr-tools.yaml'));
    expect(f.map((x) => [x.where, x.ruleId, x.line, x.column, x.header])).toEqual([
      ['header', 'header:authorization', 14, 16, 'Authorization'],
      ['url', 'google-api-key', 17, 57, undefined],
    ]);
    const g = findSecrets(fx('vcrpy-gzip.yaml'));
    expect(g.map((x) => [x.where, x.ruleId, x.line])).toEqual([['header', 'header:x-goog-api-key', 11]]);
  });
  it('skips placeholders', () => {
    const f = findSecrets(fx('ruby-crlf.yml'));
    expect(f.map((x) => x.ruleId)).toEqual(['header:x-api-key']);
  });
});

describe('redactText', () => {
  it('changes only the secret lines and is idempotent', () => {
    const t = fx('go-vcr-tools.yaml');
    const r = redactText(t);
    expect(r.error).toBeUndefined();
    const a = t.split('\n');
    const b = r.text.split('\n');
    expect(b.length).toBe(a.length);
    expect(a.flatMap((l, i) => (l !== b[i] ? [i + 1] : []))).toEqual([14, 17]);
    expect(b[13]).toBe('      - Bearer REDACTED');
    expect(b[16]).toBe('    url: https://api.openai.com/v1/chat/completions?key=REDACTED');
    expect(redactText(r.text).text).toBe(r.text);
    expect(validateCassetteText(r.text, 'x.yaml').ok).toBe(true);
  });
  it('redacts inside gzip !!binary bodies and SSE streams', () => {
    const gz = fx('vcrpy-gzip.yaml').replace('x-goog-api-key', 'x-other');
    const ed = openEditable(gz);
    const body = getBodyText(ed, { interaction: 0, side: 'response' }) as string;
    // Put a key into the gzip body by round-tripping through the edit path.
    const withKey = setBody(ed, { interaction: 0, side: 'response', text: body.replace('Hello', 'key sk-Zz0123456789abcdefghijKL') });
    if (!withKey.ok) throw new Error(withKey.error);
    const r = redactText(withKey.text);
    expect(r.findings.map((f) => f.where)).toEqual(['header', 'body']);
    expect(getBodyText(openEditable(r.text), { interaction: 0, side: 'response' })).toContain('key REDACTED from Gemini');
    const sse = fx('go-vcr-tools.yaml').replace('"id":"call_abc123"', '"id":"call_abc123","k":"sk-ant-api03-AbCdEf0123456789GhIjKl"');
    const r2 = redactText(sse, makeRules({ replacement: '<KEY>' }) as never);
    expect(r2.text).toContain('"k":"<KEY>"');
    expect(r2.text.split('\n').length).toBe(sse.split('\n').length);
  });
  it('applies custom header and pattern rules with a custom replacement', () => {
    const t = fx('polly.har');
    const rules2 = makeRules({ headers: ['content-type'], patterns: ['"prompt":"([a-z]+)"'], replacement: 'XX-HIDDEN' });
    if ('error' in rules2) throw new Error(rules2.error);
    const r = redactText(t, rules2);
    const j = JSON.parse(r.text).log.entries[0];
    expect(j.request.headers.map((h: { value: string }) => h.value)).toEqual(['Bearer XX-HIDDEN', 'XX-HIDDEN']);
    expect(j.request.postData.text).toBe('{"prompt":"XX-HIDDEN"}');
  });
});
