/** `tapedeck match` through the real CLI in a child process, on the match fixtures. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useCli } from './cli-child';

const fixtures = fileURLToPath(new URL('../../fixtures/match/', import.meta.url));

const cli = useCli('tapedeck-match-', { cwd: fixtures });
const run = cli.run;

const CHAT = `curl https://api.openai.com/v1/chat/completions -H 'Content-Type: application/json' -H 'User-Agent: openai-go/1.8.2' -d '{"model":"gpt-4o-mini","messages":[],"stream":false}'`;

describe('tapedeck match', () => {
  it('exit 0 and the interaction the cassette\'s own recorder replays', async () => {
    const r = await run('match', 'go-vcr-repeat.yaml', '--curl', CHAT);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(
      'go-vcr (match on method, url, headers, body, form): replays interaction 0: POST https://api.openai.com/v1/chat/completions\n' +
        '  also matches 1: the recorder tells them apart only by replay order\n',
    );
  });

  it('exit 1 with near-miss diffs when nothing matches; --match-on and --ignore-header change the verdict', async () => {
    const other = CHAT.replace('openai-go/1.8.2', 'openai-go/2.0.0');
    const miss = await run('match', 'go-vcr-repeat.yaml', '--curl', other);
    expect(miss.code).toBe(1);
    expect(miss.out).toContain('go-vcr (match on method, url, headers, body, form): no interaction matches\n  near miss: interaction 0 (POST https://api.openai.com/v1/chat/completions) fails headers\n      headers:\n        User-Agent: recorded "openai-go/1.8.2", request "openai-go/2.0.0"\n');
    expect((await run('match', 'go-vcr-repeat.yaml', '--curl', other, '--ignore-header', 'User-Agent')).code).toBe(0);
    expect((await run('match', 'go-vcr-repeat.yaml', '--curl', other, '--match-on', 'method,url')).code).toBe(0);
  });

  it('--request FILE reads JSON; --recorder all explains every recorder; --json is machine-readable', async () => {
    const file = join(cli.dir, 'req.json');
    writeFileSync(file, JSON.stringify({ method: 'POST', url: 'https://api.anthropic.com/v1/messages', headers: { 'Content-Type': 'application/json' }, body: { model: 'claude-3-5-haiku-latest', max_tokens: 64, messages: [{ role: 'user', content: 'bye' }] } }));
    const r = await run('match', 'ruby-json-body.yml', '--request', file, '--recorder', 'all', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { results: { recorder: string; chosen: number | null; nearMisses: { index: number; failed: string[] }[] }[] };
    expect(out.results.map((e) => [e.recorder, e.chosen])).toEqual([['go-vcr', null], ['vcrpy', 0], ['ruby-vcr', 0]]);
    // go-vcr also compares headers: the recorded Anthropic-Version header is missing from the request.
    expect(out.results[0].nearMisses[0]).toMatchObject({ index: 1, failed: ['headers'] });
    const json = await run('match', 'ruby-json-body.yml', '--request', file, '--recorder', 'ruby-vcr', '--match-on', 'method,uri,body_as_json');
    expect(json).toMatchObject({ code: 0, out: 'ruby-vcr (match on method, uri, body_as_json): replays interaction 1: POST https://api.anthropic.com/v1/messages\n' });
  });

  it('exit 2 on bad usage, with one clear line for bad input', async () => {
    expect((await run('match', 'go-vcr-repeat.yaml', '--curl', 'x', '--request', 'y')).code).toBe(2);
    const bad = await run('match', 'go-vcr-repeat.yaml', '--curl', CHAT, '--match-on', 'uri');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^tapedeck match: unknown go-vcr matcher "uri" \(known: method, url, headers, body, form, or v3\)/);
    expect(await run('match', 'go-vcr-repeat.yaml', '--curl', "curl 'https://x")).toEqual({ code: 2, out: '', err: 'tapedeck match: curl command: unterminated single quote at column 6\n' });
    expect(await run('match', 'missing.yaml', '--curl', CHAT)).toEqual({ code: 2, out: '', err: 'tapedeck match: cannot read cassette missing.yaml: no such file or directory\n' });
  });
});
