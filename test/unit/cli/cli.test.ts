import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { parseArgs } from '../../../main/cli/args';
import { UsageError } from '../../../main/cli/io';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), cwd: process.cwd() }, out, err };
}

describe('tapedeck CLI', () => {
  it('--help prints usage and exits 0', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/tapedeck serve \[PATH\.\.\.\] \[--port N\] \[--no-open\]/);
    expect(c.out.join('')).toMatch(/tapedeck inspect/);
  });

  it('no command, unknown commands and bad flags print usage and exit 2', async () => {
    for (const argv of [[], ['frobnicate'], ['serve', '--bogus'], ['inspect'], ['serve', '--port', 'abc'], ['inspect', '-x', 'a']]) {
      const c = capture();
      expect(await runCli(argv, c.io), argv.join(' ')).toBe(2);
      expect(c.err.join('')).toMatch(/Usage:/);
    }
  });

  it('parses repeatable and valued flags strictly', () => {
    const a = parseArgs(['--header', 'A', '--header=B', '--write', 'x', '--', '--y'], { repeat: ['header'], booleans: ['write'] });
    expect(a.lists.header).toEqual(['A', 'B']);
    expect(a.flags.has('write')).toBe(true);
    expect(a.positionals).toEqual(['x', '--y']);
    expect(() => parseArgs(['--write=1'], { booleans: ['write'] })).toThrow(UsageError);
    expect(() => parseArgs(['--port'], { values: ['port'] })).toThrow(/needs a value/);
  });
});
