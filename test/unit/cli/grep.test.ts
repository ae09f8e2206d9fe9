/**
 * `tapedeck grep` through the real CLI in a child process (bundled once), on a real folder:
 * one line per hit with its interaction and stream event, --json, -i, --regex, and the exit
 * codes (0 found, 1 none, 2 bad usage).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../fuzz/child';
import { goVcr } from '../workspace/helpers';
import { useCli } from './cli-child';

const fixture = fileURLToPath(new URL('../../fixtures/search/stream-tool.yaml', import.meta.url));

const cli = useCli('tapedeck-grep-', { args: ['grep'] });
const run = cli.run;

beforeAll(async () => {
  const dir = cli.dir;
  mkdirSync(join(dir, 'cassettes/sub'), { recursive: true });
  copyFileSync(fixture, join(dir, 'cassettes/sub/stream-tool.yaml'));
  mkdirSync(join(dir, 'runaway'));
  writeFileSync(join(dir, 'runaway/long-words.yaml'), goVcr([{ content: 'Extraordinarily complicated multiplication tables, unfortunately!' }]));
  // As in the built app, the index worker sits beside the CLI bundle (a --regex grep runs in it).
  const worker = await bundleEntry('main/workspace/index-worker.ts');
  copyFileSync(worker.script, join(dirname(cli.script), 'index-worker.js'));
  worker.dispose();
}, 180_000);

describe('tapedeck grep', () => {
  it('prints file:interaction:event: snippet for each hit and exits 0', async () => {
    const r = await run('Ouagadougou', 'cassettes');
    expect(r).toEqual({ code: 0, out: 'cassettes/sub/stream-tool.yaml:1:3: The capital is Ouagadougou.\n', err: '' });
    // Outside a stream the event is "-".
    expect((await run('zebra', 'cassettes')).out).toBe(
      'cassettes/sub/stream-tool.yaml:0:-: user: Say hello to the zebra\ncassettes/sub/stream-tool.yaml:0:-: Hello, zebra! Zebras are striped.\n',
    );
  });

  it('is case-sensitive unless -i; --regex and -w change the pattern', async () => {
    expect((await run('ouagadougou', 'cassettes')).code).toBe(1);
    expect((await run('-i', 'ouagadougou', 'cassettes')).code).toBe(0);
    expect((await run('--regex', 'Bobo-\\w+', 'cassettes')).out).toMatch(/^cassettes\/sub\/stream-tool\.yaml:1:5: lookup_city \{"city": "Bobo-Dioulasso"\}\n$/);
    expect((await run('-w', '-i', 'zebra', 'cassettes')).out.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('--json prints one object per hit, with the header line for headers', async () => {
    const r = await run('--json', 'nightly-canary', 'cassettes/sub/stream-tool.yaml');
    const hits = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(hits).toEqual([0, 1].map((interaction) => ({
      file: 'cassettes/sub/stream-tool.yaml', interaction, field: 'request-header', event: null, line: 2,
      snippet: 'X-Trace-Tag: nightly-canary', ranges: [[13, 27]],
    })));
  });

  it('never finds secret values; exits 1 on no hit and 2 on bad usage', async () => {
    expect(await run('SECRETTAIL', 'cassettes')).toEqual({ code: 1, out: '', err: '' });
    expect((await run('(', '--regex', 'cassettes')).code).toBe(2);
    expect((await run('pattern-only')).code).toBe(2);
    expect((await run('--bogus', 'x', 'cassettes')).code).toBe(2);
    expect(await run('x', 'missing')).toEqual({ code: 2, out: '', err: 'tapedeck grep: no such file or folder: missing\n' });
  });

  it('stops a regex that runs away inside one answer, with a message and exit 2', async () => {
    // Exponential backtracking in one exec: without the worker this would run for hours.
    const r = await run('--regex', '(\\w+\\s?)+$', 'runaway');
    expect(r).toEqual({ code: 2, out: '', err: expect.stringMatching(/^tapedeck grep: runaway\/long-words\.yaml: The search took longer than 2000 ms and was stopped/) });
    expect((await run('--regex', 'multipl\\w+', 'runaway')).code).toBe(0);
  }, 180_000);
});
