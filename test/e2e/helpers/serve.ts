/**
 * Starts a real `tapedeck serve` (the built CLI, as a user runs it) on 127.0.0.1 with its own
 * config dir, and returns the tokened URL it printed.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const samplesDir = join(repoRoot, 'app/samples');
export const fixturesDir = join(repoRoot, 'test/fixtures');
export const corpusDir = resolve(repoRoot, '../shared/corpus');

export interface Served {
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

/** Copies folders/files into a fresh temp dir (tests never touch the originals). */
export function tempCopy(...sources: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tapedeck-e2e-'));
  for (const s of sources) cpSync(s, join(dir, basename(s)), { recursive: true });
  return dir;
}

export interface Launched {
  url: string;
  /** SIGTERM, and a thrown error if serve is still running 8 s later. */
  stop(): Promise<void>;
}

/**
 * The serve process itself, on `port` (0: any) with its config in `configDir`; `token` sets
 * the per-launch token through the test-only TAPEDECK_SERVE_TOKEN (for a restart on the same URL).
 */
export async function launchServe(paths: string[], opts: { configDir: string; port?: number; token?: string }): Promise<Launched> {
  const env: NodeJS.ProcessEnv = { ...process.env, TAPEDECK_CONFIG_DIR: opts.configDir };
  if (opts.token) env.TAPEDECK_SERVE_TOKEN = opts.token;
  const child = spawn(process.execPath, [join(repoRoot, 'app/bin/tapedeck.mjs'), 'serve', ...paths, '--no-open', '--port', String(opts.port ?? 0)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 30_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/[\w-]{20,}\/)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      // serve exits by itself within 5 s of SIGTERM; past that it is a bug worth a red test,
      // not a hung run, so kill it and say so.
      const exitedInTime = await new Promise<boolean>((done) => {
        if (child.exitCode !== null) return done(true);
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          done(false);
        }, 8_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done(true);
        });
        child.kill('SIGTERM');
      });
      if (!exitedInTime) throw new Error(`tapedeck serve did not exit within 8 s of SIGTERM:\n${output}`);
    },
  };
}

export async function startServe(paths: string[]): Promise<Served> {
  const configDir = mkdtempSync(join(tmpdir(), 'tapedeck-cfg-'));
  const launched = await launchServe(paths, { configDir });
  const u = new URL(launched.url);
  return {
    url: launched.url,
    origin: u.origin,
    token: u.pathname.split('/')[1],
    stop: async () => {
      try {
        await launched.stop();
      } finally {
        // Our own temp folders only: the config dir and copies made by tempCopy().
        for (const dir of [configDir, ...paths.filter((p) => basename(p).startsWith('tapedeck-e2e-'))]) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
