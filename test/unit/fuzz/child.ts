/**
 * Runs test/unit/fuzz/open-entry.ts in a child Node process, bundled once with esbuild (the
 * child has no TypeScript loader), with a heap ceiling and a wall-clock timeout, and reports
 * its peak RSS: a parser that blows up memory or hangs must show up as such, not take the
 * test runner down with it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface ChildResult {
  /** null when the child was killed at the timeout. */
  code: number | null;
  timedOut: boolean;
  crashes: string[];
  /** Files that took over 2 s to open, with their time. */
  slow: { file: string; ms: number }[];
  maxRssMb: number;
  stderr: string;
}

/**
 * Bundles an entry (default: open-entry.ts; main/cli/main.ts for the real CLI) into a folder
 * inside the repo, so its bare imports resolve; returns it and a cleanup.
 */
export async function bundleEntry(entry = 'test/unit/fuzz/open-entry.ts'): Promise<{ script: string; dispose: () => void }> {
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, 'node_modules/.cache/tapedeck-fuzz-'));
  const script = join(dir, 'entry.mjs');
  await build({
    entryPoints: [join(root, entry)],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    banner: { js: "import { createRequire as __c } from 'node:module'; const require = __c(import.meta.url);" },
    logLevel: 'warning',
  });
  return { script, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function runChild(script: string, files: string[], opts: { timeoutMs: number; heapMb: number; env?: Record<string, string> }): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${opts.heapMb}`, script, ...files], {
      cwd: root,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      let parsed: { crashes: string[]; slow: { file: string; ms: number }[]; maxRssKb: number } = { crashes: [], slow: [], maxRssKb: 0 };
      try {
        parsed = JSON.parse(last) as typeof parsed;
      } catch {
        /* no report: the exit code and stderr say why */
      }
      resolve({ code: timedOut ? null : code, timedOut, crashes: parsed.crashes, slow: parsed.slow, maxRssMb: parsed.maxRssKb / 1024, stderr: err.slice(0, 2000) });
    });
  });
}
