import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeCassettePath, parseCassette } from '../../../shared/cassette/parse';
import { goDurationMs } from '../../../shared/cassette/read-util';
import type { SourceRange } from '../../../shared/model/diagnostics';

const dir = path.resolve(__dirname, '../../fixtures/formats');
const read = (f: string) => readFileSync(path.join(dir, f));
const parseText = (text: string, p = 'x.yaml', decodeBodies = true) => parseCassette({ path: p, bytes: new Uint8Array(Buffer.from(text)) }, { decodeBodies });
const at = (src: string, r: SourceRange | undefined) => (r ? src.slice(r.start.offset, r.end.offset) : undefined);

describe('source positions', () => {
  it('point at the interaction, request, response, body and header nodes (go-vcr)', () => {
    const src = read('go-vcr-v2.yaml').toString();
    const c = parseText(src);
    const [i0, , i2] = c.interactions;
    expect(at(src, i0.range)).toMatch(/^id: 0\n/);
    expect(at(src, i0.ranges.request)).toMatch(/^proto: HTTP\/1.1/);
    expect(at(src, i0.ranges.response)).toMatch(/^proto: HTTP\/2.0/);
    expect(at(src, i0.ranges.responseBody)).toMatch(/^\|\+\n {6}data: /);
    expect(i0.response.body.range).toEqual(i0.ranges.responseBody);
    const ua = i0.request.headers.filter((h) => h.name === 'User-Agent');
    expect(ua.map((h) => h.value)).toEqual(['Charm-Fantasy/0.12.2 (https://charm.land/fantasy)', 'openai-go/1.8.2']);
    expect(ua[1].range!.start).toMatchObject({ line: 19, column: 9 });
    // Ranges cover the scalar itself; a !!binary tag sits just before it.
    expect(src.slice(i2.ranges.responseBody!.start.offset - 9)).toMatch(/^!!binary \|\n {6}AAAAhw/);
  });

  it('works for HAR (JSON parsed as YAML)', () => {
    const src = read('har-base64.har').toString();
    const c = parseText(src, 'r.har');
    expect(at(src, c.interactions[0].ranges.responseBody)).toMatch(/^"\[\\"H4sI/);
    expect(at(src, c.interactions[0].request.headers[0].range)).toBe('"application/json"');
  });

  it('counts CRLF files by lines', () => {
    const src = read('crlf.yaml').toString();
    const c = parseText(src);
    expect(c.interactions[0].ranges.responseBody!.start).toMatchObject({ line: 14, column: 11 });
  });
});

describe('diagnostics', () => {
  it('reports body decode failures when decoding eagerly, not when lazy', () => {
    const src = `interactions:
- request: {body: null, headers: {}, method: GET, uri: 'https://x.test/'}
  response:
    body: {string: !!binary "H4sIAP/+AIE="}
    headers: {Content-Encoding: [gzip]}
    status: {code: 200, message: OK}
version: 1
`;
    const eager = parseText(src);
    expect(eager.diagnostics.map((d) => [d.code, d.line, d.interaction])).toEqual([['body.decode-failed', 4, 0]]);
    expect(parseText(src, 'x.yaml', false).diagnostics).toEqual([]);
  });

  it('reads Ruby !binary without unresolved-tag warnings', () => {
    const c = parseCassette({ path: 'r.yml', bytes: read('ruby-binary.yml') });
    expect(c.diagnostics).toEqual([]);
    expect(c.interactions[0].response.body.text).toContain('まつもと');
  });

  it('gives YAML syntax errors a line and column', () => {
    const c = parseText('interactions:\n- request:\n    uri: "https://x\n');
    expect(c.format).toBeNull();
    expect(c.diagnostics).toHaveLength(1);
    expect(c.diagnostics[0]).toMatchObject({ severity: 'error', code: 'yaml.syntax' });
    expect(c.diagnostics[0].line).toBeGreaterThan(0);
  });

  it('treats multi-document files as broken, not as the first document', () => {
    expect(parseText('version: 2\ninteractions: []\n---\nversion: 2\n').diagnostics[0].code).toBe('yaml.syntax');
  });

  it('recognises the two non-HTTP custom cassettes', () => {
    const grpc = parseText('version: 1\ninteractions:\n- request_sample: {json: {}}\n  response_sample: {json: {}}\n');
    expect(grpc.format).toBeNull();
    expect(grpc.diagnostics.map((d) => d.code)).toEqual(['format.not-http']);
    expect(grpc.diagnostics[0].message).toMatch(/gRPC/);
    const ws = parseCassette({ path: 'w.yaml', bytes: read('websocket.yaml') });
    expect(ws.diagnostics[0].message).toMatch(/WebSocket/);
  });

  it('labels other documents as not-cassette (JSON too)', () => {
    for (const src of ['{"name":"tapedeck","version":"1.0.0"}', '- a\n- b\n', 'just a string', '42']) {
      const c = parseText(src, 'p.json');
      expect(c.format).toBeNull();
      expect(c.diagnostics.map((d) => [d.severity, d.code])).toEqual([['info', 'format.not-cassette']]);
    }
  });

  it('reports an empty cassette as a cassette with an info', () => {
    const c = parseText('---\nversion: 2\ninteractions: []\n');
    expect(c.format).toBe('go-vcr');
    expect(c.diagnostics.map((d) => d.code)).toEqual(['cassette.empty']);
    expect(parseText('interactions: []\nversion: 1\n').format).toBe('vcrpy');
  });
});

describe('scalar bodies', () => {
  it('keeps plain bodies as written and treats plain null as absent', () => {
    const c = parseText(`interactions:
- request: {body: 1e3, headers: {}, method: post, uri: 'https://x.test/'}
  response: {body: {string: 0x1F}, headers: {}, status: {code: 200, message: OK}}
- request: {body: ~, headers: {}, method: get, uri: 'https://x.test/'}
  response: {body: {string: ''}, headers: {}, status: {code: '204', message: No Content}}
`);
    const [a, b] = c.interactions;
    expect([a.request.body.text, a.response.body.text, a.request.method]).toEqual(['1e3', '0x1F', 'POST']);
    expect([b.request.body.storage, b.response.body.storage, b.response.body.text, b.response.status]).toEqual(['absent', 'text', '', 204]);
    const h = parseText("interactions:\n- request: {headers: {X-Version: [0123, 1.0, true]}, method: GET, uri: 'https://x.test/'}\n  response: {status: {code: 200}}\n");
    expect(h.interactions[0].request.headers.map((x) => x.value)).toEqual(['0123', '1.0', 'true']);
  });
});

describe('JSON fallback', () => {
  it('reads a HAR whose JSON the YAML parser rejects (tab indentation)', () => {
    const har = JSON.stringify(
      { log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [{ request: { method: 'get', url: 'https://a.test/', headers: [] }, response: { status: 204, statusText: 'No Content', headers: [], content: { size: 0, mimeType: '' } }, time: 3 }] } },
      null,
      '\t',
    );
    const c = parseText(har, 'a.har');
    expect(c.format).toBe('har');
    expect(c.interactions[0]).toMatchObject({ durationMs: 3, request: { method: 'GET' }, response: { status: 204 } });
  });
});

describe('robustness', () => {
  const fixtures = readdirSync(dir).filter((f) => !f.endsWith('.json') || f.endsWith('.har'));
  it('never throws on truncated or corrupted fixtures', () => {
    const sources = fixtures.map((f) => new Uint8Array(read(f)));
    fc.assert(
      fc.property(fc.nat(sources.length - 1), fc.nat(), fc.nat(255), fc.boolean(), (which, cut, byte, truncate) => {
        const src = sources[which];
        const pos = src.length ? cut % src.length : 0;
        const bytes = truncate ? src.slice(0, pos) : Uint8Array.from(src, (b, i) => (i === pos ? byte : b));
        const c = parseCassette({ path: 'f.yaml', bytes });
        for (const it of c.interactions) void [it.request.body.text, it.response.body.text, it.response.body.decodeError];
        expect(c.diagnostics.every((d) => d.code !== 'parse.internal')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(parseCassette({ path: 'r.yaml', bytes }).diagnostics.every((d) => d.code !== 'parse.internal')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('gunzips by magic, even without a .gz name', () => {
    const gz = new Uint8Array(zlib.gzipSync(read('vcrpy-gzip.yaml')));
    expect(parseCassette({ path: 'no-ext', bytes: gz }).format).toBe('vcrpy');
  });
});

describe('helpers', () => {
  it('parses Go durations', () => {
    expect(goDurationMs('1.757821875s')).toBeCloseTo(1757.821875);
    expect(goDurationMs('1m21.9s')).toBeCloseTo(81900);
    expect(goDurationMs('850µs')).toBeCloseTo(0.85);
    expect(goDurationMs('1h0m0s')).toBe(3.6e6);
    expect(goDurationMs('0s')).toBe(0);
    expect(goDurationMs(2_000_000)).toBe(2);
    expect(goDurationMs('soon')).toBeNull();
  });
  it('recognises cassette paths', () => {
    for (const p of ['a.yaml', 'b.YML', 'c/d.yaml.gz', 'recording.har', 'x.json']) expect(looksLikeCassettePath(p)).toBe(true);
    for (const p of ['a.txt', 'yaml', 'b.gz', 'c.yaml.bak']) expect(looksLikeCassettePath(p)).toBe(false);
  });
});
