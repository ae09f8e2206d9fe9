/** `tapedeck serve` and a Chromium for the benches that measure the app in a browser. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { ensureChromium } from '../chromium.mjs';

export interface Served {
  url: string;
  child: ChildProcess;
  /** ms from spawn to the URL line on stdout. */
  urlMs: number;
  /** Peak RSS of the serve process so far (Linux VmHWM), in bytes; 0 where unknown. */
  peakRss(): number;
  /** Ends serve and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts the built CLI's `serve DIR` with a fresh config dir (so an empty summary cache). */
export async function serve(dir: string): Promise<Served> {
  const root = join(import.meta.dirname, '../..');
  // TAPEDECK_CLI: run another build of the CLI (e.g. while app/dist is being rebuilt).
  const cli = process.env.TAPEDECK_CLI ?? join(root, 'app/bin/tapedeck.mjs');
  const configDir = mkdtempSync(join(tmpdir(), 'tapedeck-bench-cfg-'));
  const t0 = performance.now();
  // TAPEDECK_BENCH_SERVE_ARGS: extra Node flags for serve, e.g. `--cpu-prof --cpu-prof-dir=DIR`.
  const nodeArgs = (process.env.TAPEDECK_BENCH_SERVE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, cli, 'serve', dir, '--no-open', '--port', '0'], {
    env: { ...process.env, TAPEDECK_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 120_000);
    const on = (d: Buffer) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/[\w-]{20,}\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
  });
  const urlMs = performance.now() - t0;
  return {
    url,
    child,
    urlMs,
    peakRss() {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Number(m[1]) * 1024 : 0;
      } catch {
        return 0;
      }
    },
    async stop() {
      const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}

/** The Chromium npm test uses (CHROMIUM_PATH, else the first installed one; see scripts/chromium.mjs). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** ms from spawning `node -e` to its first line on stdout: what starting any Node program costs. */
export async function nodeStartMs(): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', "console.log('ready')"], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  const ms = performance.now() - t0;
  await new Promise((r) => child.once('exit', r));
  return ms;
}
