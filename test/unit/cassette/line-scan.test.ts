/**
 * The index line scanner reads recorder-shaped YAML exactly like yaml's composer, and
 * declines (null) whatever it does not model, so the slower paths decide those files.
 */
import { describe, expect, it } from 'vitest';
import { scanRoot } from '../../../shared/cassette/line-scan';
import { scanVsYaml } from './scan-compare';

/** Accepted, no yaml problem, and the same tree as yaml. */
function same(text: string) {
  const r = scanVsYaml(text);
  expect(r.yamlProblem, text).toBeNull();
  expect(r.scanned, text).not.toBeNull();
  expect(r.scanned, text).toEqual(r.yaml);
}

const goVcr = `---
version: 2
interactions:
- id: 0
  request:
    proto: HTTP/1.1
    content_length: -1
    transfer_encoding: []
    trailer: {}
    body: '{"model":"gpt-4o","messages":[{"role":"user","content":"it''s"}]}'
    form: {}
    headers:
      Content-Type:
      - application/json
    url: https://api.openai.com/v1/chat/completions?a=b:c
    method: POST
  response:
    body: "data: {\\"a\\":\\"\\u00e9\\\\n\\"}\\n\\ndata: [DONE]\\n\\n"
    headers: {}
    status: 200 OK
    code: 200
    duration: 1.5s
`;

const vcrpy = `interactions:
- request:
    body: '{"max_tokens":4096,"messages":[{"role":"user","content":"What is the temperature
      in San Francisco?"}],"model":"claude"}'
    headers:
      set-cookie:
      - __cf_bm=abc; path=/; expires=Thu, 01-Jan-25 00:00:00 GMT; domain=.api.openai.com;
        HttpOnly; Secure; SameSite=None
    method: POST
    uri: https://api.anthropic.com/v1/messages
  response:
    body:
      string: 'event: message_start

        data: {"type":"message_start"}


        event: ping

        '
    status:
      code: 200
      message: OK
- request:
    body: "first line\\n  \\
      \\ second part \\"quoted\\" \\tend"
    headers: {}
    method: GET
    uri: http://x
  response:
    body:
      string: ''
    status:
      code: 204
      message: No Content
version: 1
...
`;

const ruby = `---
http_interactions:
- request:
    method: post
    uri: https://x/y
    body:
      encoding: ASCII-8BIT
      string: !binary |-
        eyJhIjoxfQ==
    headers:
      Accept:
      - "*/*"
  response:
    status:
      code: 200
      message: ''
    body:
      encoding: UTF-8
      string: |+
        line one

          indented
        last


  recorded_at: Wed, 19 Aug 2026 14:38:17 GMT
recorded_with: VCR 6.4.0
`;

describe('line scanner', () => {
  it('reads go-vcr, vcrpy and Ruby VCR shapes like yaml', () => {
    same(goVcr);
    same(vcrpy);
    same(ruby);
  });

  it('reads literal blocks in every chomping mode, also at the end of the file', () => {
    for (const h of ['|', '|-', '|+'])
      for (const tail of ['\n', '\n\n', '\n\n\n', '', '\nnext: 1\n', '\n\nnext: 1\n']) {
        same(`a:\n  body: ${h}\n    data: x\n\n      more\n    end${tail}`);
        same(`a:\n- ${h}\n  data: x\n  end${tail}`);
      }
  });

  it('reads empty values, indentless and indented sequences, compact mappings, quoted keys', () => {
    same('a:\nb: x\nc:\n- \n-\n- y\nd:\n  - k: v\n    j: w\n  - "q": 1\n\'e\': "f"\n');
    same('a:\n  b:\n  c: -1\n  d: ~\n  e: 0x1F\n');
  });

  it('declines what it does not model', () => {
    const base = 'a: 1\nb:\n  c: x\n  d:\n  - y\n';
    expect(scanRoot(base)).not.toBeNull();
    const cases: Record<string, string> = {
      comment: '# c\na: 1\n',
      trailingComment: 'a: 1 # c\n',
      indentedComment: 'a:\n  # c\n  b: 1\n',
      anchor: 'a: &x 1\n',
      alias: 'a: &x 1\nb: *x\n',
      otherTag: 'a: !!int 1\n',
      localTag: 'a: !foo x\n',
      tagOwnLine: 'a: !!binary\n  eA==\n',
      flowSeq: 'a: [1]\n',
      flowMap: 'a: {b: 1}\n',
      folded: 'a: >\n  x\n',
      indentIndicator: 'a: |2\n   x\n',
      tab: 'a:\t1\n',
      crlf: 'a: 1\r\nb: 2\r\n',
      duplicateKey: 'a: 1\nb: 2\na: 3\n',
      duplicateQuotedKey: "a: 1\n'a': 2\n",
      multiLineKey: "'a\n  b': 1\n",
      nestedMapping: 'a: b: c\n',
      plainEndsInColon: 'a: b:\n',
      plainContinuationKey: 'a: b\n  c: d\n',
      plainContinuationDash: 'a: b\n  - c\n',
      compactNestedSeq: 'a:\n- - b\n',
      seqAsValueOnKeyLine: 'a: - b\n',
      deeperKey: 'a: 1\n  b: 2\n',
      shallowerThanSeq: 'a:\n  - x\n b: 1\n',
      secondDocument: 'a: 1\n---\nb: 2\n',
      afterDocumentEnd: 'a: 1\n...\nb: 2\n',
      directive: '%YAML 1.2\n---\na: 1\n',
      explicitKey: '? a\n: 1\n',
      blockLeadingEmptyLine: 'a: |\n\n  x\n',
      blockShortSpacesLine: 'a: |\n    x\n  \n    y\n',
      blockTrailingSpaces: 'a: |\n  x  \n',
      blockUnderIndented: 'a:\n  b: |\n  x\n',
      quotedUnderIndented: "a:\n  b: 'x\n  y'\n",
      quotedAtColumnZero: "a: 'x\n---\n y'\n",
      badEscape: 'a: "\\q"\n',
      shortHexEscape: 'a: "\\x4"\n',
      unclosedQuote: "a: 'x\n",
      textAfterQuote: "a: 'x' y\n",
      rootSequence: '- a\n',
      rootScalar: 'hello\n',
      indentedRoot: '  a: 1\n',
      reservedStart: 'a: @x\n',
      longKey: `${'k'.repeat(1100)}: 1\n`,
    };
    for (const [name, text] of Object.entries(cases)) expect(scanRoot(text), name).toBeNull();
  });
});
