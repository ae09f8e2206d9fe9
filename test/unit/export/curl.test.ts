import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { shellQuote, toCurl } from '../../../shared/export/curl';

const load = (rel: string) => parseCassette({ path: rel, bytes: new Uint8Array(readFileSync(path.join(__dirname, '../../fixtures', rel))) });

/** What a real POSIX shell makes of the command: the argv curl would receive. */
function argvOf(cmd: string): string[] {
  const out = execFileSync('sh', ['-c', `set -- ${cmd.replace(/^curl /, '')}\nprintf '%s\\0' "$@"`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('copy as cURL', () => {
  const c = load('export/openai-keyed.yaml');

  it('masks secret headers and URL keys by default; the shell sees the recorded body exactly', () => {
    const cmd = toCurl(c.interactions[0]);
    expect(cmd).not.toMatch(/sk-proj-|AIza/);
    expect(argvOf(cmd)).toEqual([
      'https://api.openai.com/v1/chat/completions?key=REDACTED&trace=a%20b',
      '-H', 'Authorization: Bearer REDACTED',
      '-H', 'Content-Type: application/json',
      '-H', 'Accept-Encoding: gzip',
      '--compressed',
      '--data-raw', '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"It\'s 2+2?"}],"stream":true}',
    ]);
  });

  it('puts the recorded secrets in when asked, and names a non-default method', () => {
    const cmd = toCurl(c.interactions[0], { revealSecrets: true });
    expect(argvOf(cmd)).toContain('Authorization: Bearer sk-proj-abcdefghij0123456789ABCDEFGHIJ');
    expect(argvOf(cmd)[0]).toContain('key=AIzaSyA1234567890abcdefghijklmnopqrstuv');
    expect(argvOf(toCurl(c.interactions[1]))).toEqual(['https://api.openai.com/v1/models', '-H', 'Authorization: Bearer REDACTED']);
    const del = { ...c.interactions[1], request: { ...c.interactions[1].request, method: 'delete' } };
    expect(argvOf(toCurl(del))).toContain('DELETE');
  });

  it('quotes anything a shell would expand', () => {
    for (const s of ["it's", '$HOME `id` "x"', 'a\nb', '']) expect(argvOf(`curl ${shellQuote(s)}`)).toEqual([s]);
  });
});
