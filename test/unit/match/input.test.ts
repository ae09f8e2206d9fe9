import { describe, expect, it } from 'vitest';
import { parseCurl, parseRequestInput } from '../../../shared/match';

describe('request input', () => {
  it('parses a multi-line curl command with quoting, continuations and $-quotes', () => {
    const cmd = `curl https://api.openai.com/v1/chat/completions \\\n  -H 'Content-Type: application/json' \\\n  -H "Authorization: Bearer \\$KEY" \\\n  --data-raw $'{"model":"gpt-4o","messages":[{"role":"user","content":"it\\'s"}]}'`;
    const r = parseCurl(cmd);
    expect(r).toEqual({
      request: {
        method: 'POST',
        url: 'https://api.openai.com/v1/chat/completions',
        headers: [{ name: 'Content-Type', value: 'application/json' }, { name: 'Authorization', value: 'Bearer $KEY' }],
        body: '{"model":"gpt-4o","messages":[{"role":"user","content":"it\'s"}]}',
      },
      warnings: [],
    });
  });

  it('joins -d values with &, defaults the form content type, honours -X, -G and --json', () => {
    expect(parseCurl(`curl -XPUT -d a=1 --data b=2 example.test/x`)).toMatchObject({
      request: { method: 'PUT', url: 'http://example.test/x', body: 'a=1&b=2', headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }] },
    });
    expect(parseCurl(`curl -G -d q=1 https://x.test/s?a=0`)).toMatchObject({ request: { method: 'GET', url: 'https://x.test/s?a=0&q=1', body: null } });
    expect(parseCurl(`curl --json '{"a":1}' https://x.test`)).toMatchObject({
      request: { method: 'POST', body: '{"a":1}', headers: [{ name: 'Content-Type', value: 'application/json' }, { name: 'Accept', value: 'application/json' }] },
    });
  });

  it('reports what it cannot do instead of guessing', () => {
    expect(parseCurl(`curl -d @body.json https://x.test`)).toEqual({ error: expect.stringMatching(/reads a file/) });
    expect(parseCurl(`curl 'https://x.test`)).toEqual({ error: 'curl command: unterminated single quote at column 6', line: 1, column: 6 });
    expect(parseCurl(`curl -s`)).toEqual({ error: 'curl command: no URL' });
  });

  it('reads JSON requests and HAR entries', () => {
    expect(parseRequestInput('{"url":"https://x.test/a","headers":{"X-A":["1","2"]},"body":{"k":1}}')).toEqual({
      request: { method: 'POST', url: 'https://x.test/a', headers: [{ name: 'X-A', value: '1' }, { name: 'X-A', value: '2' }], body: '{"k":1}' },
      warnings: [],
    });
    const har = { log: { entries: [{ request: { method: 'POST', url: 'https://x.test/b', headers: [{ name: 'A', value: 'b' }], postData: { mimeType: 'text/plain', text: 'hi' } } }, {}] } };
    expect(parseRequestInput(JSON.stringify(har))).toEqual({
      request: { method: 'POST', url: 'https://x.test/b', headers: [{ name: 'A', value: 'b' }], body: 'hi' },
      warnings: ['HAR file has 2 entries; using the first'],
    });
    expect(parseRequestInput('{"url": 3}')).toEqual({ error: 'request JSON needs a "url" string' });
    expect(parseRequestInput('GET /x')).toMatchObject({ error: expect.stringMatching(/curl command or a JSON request/) });
  });

  it('says what is wrong with pasted text and where, on the text as pasted', () => {
    // A curl command pasted over several lines: the quote that never closes is on line 3.
    const curl = `\n  curl https://x.test/v1 \\\n  -H 'A: b' \\\n  -d '{"a":1}`;
    expect(parseRequestInput(curl)).toEqual({ error: 'curl command: unterminated single quote at line 4, column 6', line: 4, column: 6 });
    // JSON with a trailing comma on line 3; the position is the engine-independent one of our scanner.
    const json = '{\n  "url": "https://x.test",\n  "body": {"a": 1,}\n}';
    expect(parseRequestInput(json)).toEqual({
      error: 'request JSON: expected a double-quoted property name but found "}" at line 3, column 19',
      line: 3,
      column: 19,
    });
    expect(parseRequestInput('{"url": "https://x.test"')).toMatchObject({ error: 'request JSON: expected \',\' or \'}\' but the text ends at column 25', column: 25 });
    expect(parseRequestInput('  GET /x HTTP/1.1')).toEqual({
      error: 'expected a curl command or a JSON request ({method, url, headers, body} or a HAR entry), but the text starts with "GET /x HTTP/1.1"',
      line: 1,
      column: 3,
    });
  });
});
