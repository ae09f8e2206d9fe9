import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';
import { parseCassette } from '../../../shared/cassette/parse';
import { toHar, type Har } from '../../../shared/export/har';
import { base64Decode, utf8Decode } from '../../../shared/util/bytes';

registerNodeCodecs();
const FX = path.join(__dirname, '../../fixtures');
const schema = JSON.parse(readFileSync(path.join(__dirname, 'har-1.2.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const load = (rel: string) => parseCassette({ path: rel, bytes: new Uint8Array(readFileSync(path.join(FX, rel))) });
const opts = { creator: { name: 'Tapedeck', version: '0.0.0-test' }, fallbackDate: '2026-01-02T03:04:05.000Z' };

function expectValid(har: Har) {
  // A round trip through text: what is written to the file is what DevTools reads.
  const parsed = JSON.parse(JSON.stringify(har)) as Har;
  expect(validate(parsed) ? [] : validate.errors).toEqual([]);
  for (const e of parsed.log.entries) {
    const t = e.timings as Record<string, number>;
    // HAR 1.2: `time` is the sum of the timings that are not -1.
    expect(e.time).toBe(Object.values(t).filter((v) => typeof v === 'number' && v >= 0).reduce((a, b) => a + b, 0));
  }
}

describe('HAR 1.2 export', () => {
  it('is valid HAR for every recorder format the app reads', () => {
    for (const rel of ['export/openai-keyed.yaml', 'formats/go-vcr-v1.yaml', 'formats/ruby-binary.yml', 'formats/vcrpy-gzip.yaml', 'formats/har-base64.har', 'formats/langchain.yaml.gz', 'viewer/tool-calls-stream.yaml']) {
      const c = load(rel);
      expect(c.format, rel).not.toBeNull();
      const har = toHar(c, opts);
      expect(har.log.entries, rel).toHaveLength(c.interactions.length);
      expectValid(har);
    }
  });

  it('the schema rejects what DevTools would not import', () => {
    const har = JSON.parse(JSON.stringify(toHar(load('export/openai-keyed.yaml'), opts))) as { log: { entries: Record<string, unknown>[] } };
    delete (har.log.entries[0].response as Record<string, unknown>).content;
    har.log.entries[1].startedDateTime = 'yesterday';
    expect(validate(har)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/log/entries/0/response', '/log/entries/1/startedDateTime']));
  });

  it('masks secrets unless asked, and keeps bodies, query and timing as recorded', () => {
    const c = load('export/openai-keyed.yaml');
    const [e0, e1] = toHar(c, opts).log.entries;
    const auth = e0.request.headers.find((h) => h.name === 'Authorization');
    expect(auth?.value).toBe('Bearer REDACTED');
    expect(e0.response.headers.find((h) => h.name === 'Set-Cookie')?.value).toBe('REDACTED');
    expect(e0.request.url).toBe('https://api.openai.com/v1/chat/completions?key=REDACTED&trace=a%20b');
    expect(e0.request.queryString).toEqual([{ name: 'key', value: 'REDACTED' }, { name: 'trace', value: 'a b' }]);
    expect(e0.request.postData).toEqual({ mimeType: 'application/json', text: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"It\'s 2+2?"}],"stream":true}' });
    expect(e0.response.content.mimeType).toBe('text/event-stream');
    expect((e0.response.content as { text: string }).text).toContain('data: [DONE]');
    expect(e0.time).toBe(850);
    expect(e0.startedDateTime).toBe(opts.fallbackDate); // go-vcr records no date
    expect(e1.response.status).toBe(429);
    expect(e1.response.statusText).toBe('Too Many Requests');
    expect(JSON.stringify(toHar(c, opts))).not.toMatch(/sk-proj-|AIza|abc123secret/);

    const raw = toHar(c, { ...opts, revealSecrets: true }).log.entries[0];
    expect(raw.request.headers.find((h) => h.name === 'Authorization')?.value).toBe('Bearer sk-proj-abcdefghij0123456789ABCDEFGHIJ');
    expect(raw.request.url).toContain('key=AIzaSyA1234567890abcdefghijklmnopqrstuv');
  });

  it('exports chosen interactions only, binary bodies as base64, recorded dates as ISO', () => {
    const c = load('export/openai-keyed.yaml');
    const only = toHar(c, { ...opts, interactions: [1] }).log.entries;
    expect(only.map((e) => e.request.method)).toEqual(['GET']);

    const ruby = load('formats/ruby-binary.yml');
    const entries = toHar(ruby, opts).log.entries;
    const binary = entries.find((e) => 'encoding' in e.response.content);
    expect(binary).toBeDefined();
    const content = binary!.response.content as { text: string; size: number };
    expect(base64Decode(content.text)!.length).toBe(content.size);
    expect(entries[0].startedDateTime).toBe(new Date(ruby.interactions[0].recordedAt!).toISOString());

    // A gzipped body is exported decoded, with the compression DevTools shows beside its size.
    const vcr = load('formats/vcrpy-gzip.yaml');
    const res = toHar(vcr, opts).log.entries[0].response;
    const gz = res.content as { text?: string; compression?: number; size: number };
    expect(vcr.interactions[0].response.body.contentEncoding).toEqual(['gzip']);
    expect(gz.text).toBe(utf8Decode(vcr.interactions[0].response.body.bytes));
    expect(gz.compression).toBe(gz.size - res.bodySize);
  });
});
