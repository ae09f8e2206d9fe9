/**
 * Runs electron-builder's real `--dir` packaging for Linux, offline, against a stand-in
 * Electron: the Electron binary cannot be downloaded on every machine that runs the tests,
 * and electron-builder accepts a local unpacked Electron (`electronDist`). The stand-in's
 * executable carries a fuse wire laid out as @electron/fuses expects (sentinel, version,
 * length, one byte per fuse) with Electron's default states, so the packaging run really
 * flips the fuses configured in electron-builder.yml.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const { SENTINEL, FuseState } = require('@electron/fuses/dist/constants.js') as { SENTINEL: string; FuseState: Record<'ENABLE' | 'DISABLE', number> };

/** Electron's own defaults, in wire order (RunAsNode … GrantFileProtocolExtraPrivileges). */
export const ELECTRON_DEFAULT_FUSES = [true, false, true, true, false, false, false, true];

function writeStandIn(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.from([1, ELECTRON_DEFAULT_FUSES.length, ...ELECTRON_DEFAULT_FUSES.map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE))]);
  const body = Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron: never launched by the tests" >&2\nexit 1\n'), Buffer.from(SENTINEL), wire]);
  writeFileSync(join(dir, 'electron'), body, { mode: 0o755 });
}

export interface Packed {
  /** The unpacked app folder (linux-unpacked). */
  appDir: string;
  /** Everything this run wrote (stand-in, config, output): the caller removes it. */
  workDir: string;
  log: string;
}

export async function packLinuxDir(root: string, executableName: string): Promise<Packed> {
  const work = mkdtempSync(join(tmpdir(), 'tapedeck-pack-'));
  const standIn = join(work, 'electron-dist');
  writeStandIn(standIn);
  const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  const configFile = join(work, 'electron-builder.json');
  writeFileSync(
    configFile,
    JSON.stringify({ ...config, electronDist: standIn, electronVersion, npmRebuild: false, directories: { ...config.directories, output: join(work, 'out') } }),
  );
  // Nothing may reach the network: no signing identity lookup, no publishing, and any HTTP
  // client that still tried would hit a closed local port.
  const dead = 'http://127.0.0.1:9';
  const env = {
    ...process.env,
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
    ELECTRON_BUILDER_OFFLINE: 'true',
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    HTTP_PROXY: dead,
    HTTPS_PROXY: dead,
    http_proxy: dead,
    https_proxy: dead,
    NO_PROXY: '',
    no_proxy: '',
    ELECTRON_BUILDER_CACHE: join(work, 'cache'),
  };
  const cli = join(root, 'node_modules/electron-builder/cli.js');
  const args = [cli, '--linux', 'dir', '--config', configFile, '--projectDir', root, '--publish', 'never'];
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d));
  child.stderr.on('data', (d: Buffer) => (log += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`electron-builder exited with ${code}:\n${log}`);
  const appDir = join(work, 'out', 'linux-unpacked');
  readFileSync(join(appDir, executableName)); // fails clearly when the layout is not what we expect
  return { appDir, workDir: work, log };
}
