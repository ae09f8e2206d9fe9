#!/usr/bin/env node
// Builds everything the two shells run: Node bundles with esbuild (CLI, Electron main,
// preload, index worker) and the renderer with Vite. `--main` builds only the Node bundles.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}app/dist/main`;
const onlyMain = process.argv.includes('--main');
// `--production` (npm run dist): the renderer without its test hooks (renderer/src/test-hooks.ts).
const production = process.argv.includes('--production');

// ESM bundles that inline CommonJS dependencies need a real `require` for Node built-ins.
const requireShim = "import { createRequire as __tdCreateRequire } from 'node:module'; const require = __tdCreateRequire(import.meta.url);";

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  external: ['electron', 'fsevents'],
  absWorkingDir: root,
};

const started = Date.now();
await mkdir(out, { recursive: true });
const esm = [
  ['main/cli/main.ts', 'cli.mjs'],
  ['main/electron/electron-main.ts', 'electron-main.mjs'],
];
if (existsSync(`${root}main/workspace/index-worker.ts`)) esm.push(['main/workspace/index-worker.ts', 'index-worker.js']);
await Promise.all([
  ...esm.map(([entry, file]) =>
    build({ ...node, entryPoints: [entry], outfile: `${out}/${file}`, format: 'esm', banner: { js: requireShim } }),
  ),
  build({ ...node, entryPoints: ['main/electron/preload.ts'], outfile: `${out}/preload.cjs`, format: 'cjs', platform: 'node' }),
]);
if (!onlyMain) {
  execFileSync(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, TAPEDECK_BUILD: production ? 'production' : 'test' } });
}
await writeFile(`${root}app/dist/.build-stamp`, new Date().toISOString() + '\n');
console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
