#!/usr/bin/env node
// `npm start [-- PATH...]`: builds when sources are newer than the last build, then opens the
// Electron app. Where the Electron binary is missing (its download is blocked on some
// machines), it says so in one line and starts the browser host instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const paths = process.argv.slice(2);

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const stamp = join(root, 'app/dist/.build-stamp');
const sourcesTime = Math.max(...['main', 'renderer', 'shared'].map((d) => newest(join(root, d))));
if (!existsSync(stamp) || statSync(stamp).mtimeMs < sourcesTime) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function electronBinary() {
  try {
    const require = createRequire(import.meta.url);
    const dir = join(require.resolve('electron/package.json'), '..');
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
const child = bin
  ? spawn(bin, [join(root, 'app/dist/main/electron-main.mjs'), ...paths], { stdio: 'inherit' })
  : (console.log('Electron binary not installed (its download is blocked here); starting the browser host instead.'),
    spawn(process.execPath, [join(root, 'app/bin/tapedeck.mjs'), 'serve', ...paths], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
