/**
 * consistency/content-length and the go-vcr fields it reads from the one parse (issue #19.2:
 * lint no longer opens the file a second time as an editable document to find them). The
 * parser carries `content_length` and `uncompressed: true` per side, the index fast path reads
 * the same values, and the finding points at the `content_length` scalar.
 */
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { parseCassetteForIndex } from '../../../shared/cassette/parse-index';
import { lintCassette } from '../../../shared/lint';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';

registerNodeCodecs();

const side = (body: string, extra: string) => `    body: '${body}'\n    headers:\n      Content-Type:\n      - application/json\n${extra}`;
const TEXT = [
  '---',
  'version: 2',
  'interactions:',
  '- id: 0',
  '  request:',
  side('{"a":1}', '    url: https://api.example.com/v1/x\n    method: POST\n    content_length: 99\n'),
  '  response:',
  side('{"ok":true}', '    status: 200 OK\n    code: 200\n    content_length: -1\n'),
  '- id: 1',
  '  request:',
  side('{"a":2}', '    url: https://api.example.com/v1/x\n    method: POST\n    content_length: 7\n'),
  '  response:',
  // Go's transport gunzipped this body: neither the length nor the gzip header is judged.
  side('{"ok":false}', '      Content-Encoding:\n      - gzip\n    status: 200 OK\n    code: 200\n    uncompressed: true\n    content_length: 5\n'),
].join('\n');
const bytes = new TextEncoder().encode(TEXT);

describe('go-vcr content_length', () => {
  it('is carried by the parser per side, with uncompressed, and equally by the index fast path', () => {
    const full = parseCassette({ path: 'c.yaml', bytes });
    expect(full.interactions.map((it) => [it.request.goVcr, it.response.goVcr])).toEqual([
      [{ contentLength: '99' }, { contentLength: '-1' }],
      [{ contentLength: '7' }, { contentLength: '5', uncompressed: true }],
    ]);
    expect(full.interactions[0].ranges.requestContentLength?.start).toMatchObject({ line: 12, column: 21 });
    const fast = parseCassetteForIndex({ path: 'c.yaml', bytes });
    expect(fast.path).toBe('scan');
    expect(fast.cassette.interactions.map((it) => [it.request.goVcr, it.response.goVcr])).toEqual(full.interactions.map((it) => [it.request.goVcr, it.response.goVcr]));
  });

  it('lints a wrong length at its scalar and leaves -1, a right length and an uncompressed side alone', () => {
    const found = lintCassette(TEXT, 'c.yaml').filter((f) => f.code.startsWith('consistency/'));
    expect(found.map((f) => [f.code, f.interaction, f.line, f.column, f.message])).toEqual([
      ['consistency/content-length', 0, 12, 21, 'request content_length is 99 but the recorded body has 7 bytes'],
    ]);
    expect(found[0].fix).toBeDefined();
  });
});
