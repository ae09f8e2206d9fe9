/** Bundles save-child.ts once per test file (Node cannot run .ts) and runs it. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

let bundled: string | null = null;

export function childScript(): string {
  if (bundled) return bundled;
  const dir = mkdtempSync(join(tmpdir(), 'tapedeck-child-'));
  chmodSync(dir, 0o755); // readable by the other user the script may run as
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'save-child.cjs');
  buildSync({ entryPoints: [join(dirname(fileURLToPath(import.meta.url)), 'save-child.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'silent' });
  return (bundled = out);
}

/** `nobody` through setpriv: a real non-root process, without a login or a password. */
export const AS_NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];

export function runOnce(args: string[], asUser: string[] = []): { ok?: number; code?: string; message?: string } {
  const cmd = [...asUser, process.execPath, childScript(), ...args];
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Saves the contents of files a and b over `file` in turn until killed. */
export async function spawnLoop(file: string, a: string, b: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [childScript(), file, 'loop', a, b], { stdio: ['ignore', 'pipe', 'ignore'] });
  // Resolves once the child has read both contents and is about to save (it prints "ready").
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`save loop exited early (${code})`)));
  });
  child.stdout.resume();
  return child;
}
