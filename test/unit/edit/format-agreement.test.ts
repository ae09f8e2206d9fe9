/**
 * The editor (and `redact`) and the parser must call the same files cassettes, in the same
 * format: before #19 the editor took an `interactions:` list without `version` for go-vcr
 * while the parser called it no cassette, so `redact` rewrote files the app would not show.
 */
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { openEditable } from '../../../shared/edit/document';
import { editFormatOf } from '../../../shared/edit/layout';
import { locate, side } from '../../../shared/edit/ops';

const parsed = (text: string) => parseCassette({ path: 'x.yaml', bytes: new TextEncoder().encode(text) }).format;
const edited = (text: string) => editFormatOf(openEditable(text).doc);

const CASES: [string, string, string | null][] = [
  ['interactions without version (a JSON report)', 'interactions:\n- request:\n    url: https://a.test/\n    method: GET\n  response:\n    code: 200\n', null],
  ['go-vcr with version', '---\nversion: 2\ninteractions:\n- request:\n    url: https://a.test/\n    method: GET\n  response:\n    code: 200\n', 'go-vcr'],
  ['vcrpy with uri', 'interactions:\n- request:\n    uri: https://a.test/\n    method: GET\n  response:\n    status: {code: 200, message: OK}\nversion: 1\n', 'vcrpy'],
  ['vcrpy fields but no uri (status map)', 'interactions:\n- request:\n    method: GET\n  response:\n    status: {code: 200, message: OK}\nversion: 1\n', 'vcrpy'],
  ['version 1 with go-vcr fields', 'version: 1\ninteractions:\n- request:\n    url: https://a.test/\n  response:\n    code: 200\n', 'go-vcr'],
  ['gRPC samples (not HTTP)', 'interactions:\n- request_sample: abc\n  response_sample: def\n', null],
  ['log without entries', 'log:\n  version: "1.2"\n', null],
  ['HAR', '{"log":{"version":"1.2","entries":[]}}', 'har'],
  ['ruby-vcr', 'http_interactions: []\nrecorded_with: VCR 6.1.0\n', 'ruby-vcr'],
  ['requests without responses', 'requests: []\n', null],
];

describe('one detectFormat for parser and editor', () => {
  it.each(CASES)('%s', (_name, text, format) => {
    expect(parsed(text)).toBe(format);
    expect(edited(text)).toBe(format);
  });

  it('edit ops refuse an interactions list without version, as the parser does', () => {
    expect(locate(openEditable(CASES[0][1]))).toBe('not a recognised cassette layout');
  });

  // go-vcr's `uncompressed` flag: the editor (lint fixes, content-length) reads it as the parser
  // does, by the YAML core schema: True is true, a quoted "true" is text.
  it.each([
    ['true', true],
    ['True', true],
    ['"true"', false],
    ['false', false],
  ] as const)('uncompressed: %s', (flag, on) => {
    const text = `---\nversion: 2\ninteractions:\n- request:\n    url: https://a.test/\n    method: GET\n  response:\n    code: 200\n    uncompressed: ${flag}\n`;
    const ref = side(openEditable(text), 0, 'response');
    if (typeof ref === 'string') throw new Error(ref);
    expect(ref.uncompressed).toBe(on);
    const res = parseCassette({ path: 'x.yaml', bytes: new TextEncoder().encode(text) }).interactions[0].response;
    expect(res.goVcr?.uncompressed === true).toBe(on);
  });
});
