/**
 * The real CLI for a test file: bundled once (Node cannot run the .ts sources), run in a child
 * process, with a fresh temp folder removed afterwards. Register it at the top of a test file;
 * the file's own beforeAll hooks run after it, so they can fill `cli.dir`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { bundleEntry } from '../fuzz/child';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface CliOptions {
  /** Where the CLI runs (default: the temp folder). */
  cwd?: string;
  /** Arguments put before every call's own (a subcommand). */
  args?: string[];
}

export function useCli(prefix: string, opts: CliOptions = {}) {
  let bundled: Awaited<ReturnType<typeof bundleEntry>> | null = null;
  let dir = '';
  beforeAll(async () => {
    bundled = await bundleEntry('main/cli/main.ts');
    dir = mkdtempSync(join(tmpdir(), prefix));
  }, 180_000);
  afterAll(() => {
    bundled?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir(): string {
      return dir;
    },
    get script(): string {
      return bundled!.script;
    },
    run(...argv: string[]): Promise<CliRun> {
      return new Promise((resolve) => {
        execFile(process.execPath, [bundled!.script, ...(opts.args ?? []), ...argv], { cwd: opts.cwd ?? dir, timeout: 30_000 }, (e, out, err) => {
          resolve({ code: e ? ((e as { code?: number }).code ?? -1) : 0, out, err });
        });
      });
    },
  };
}
