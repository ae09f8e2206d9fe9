#!/usr/bin/env node
// `npm run bench [-- --json] [-- FILTER]`: runs every scripts/bench/*.bench.ts module. Each
// module measures its figures and a baseline in the same run, so numbers from this slow,
// shared 2-core machine are read as ratios, not absolutes.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const filters = args.filter((a) => !a.startsWith('--'));
const benchDir = join(root, 'scripts/bench');
const modules = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));

// Workspace and viewer benches run the built app (workers, renderer).
if (!existsSync(join(root, 'app/dist/main/cli.mjs')) || !existsSync(join(root, 'app/dist/renderer/index.html'))) {
  spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: json ? 'ignore' : 'inherit' });
}

// Bundles live inside the repo so their external imports resolve from our node_modules.
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
const outDir = mkdtempSync(join(root, 'node_modules/.cache/tapedeck-bench-'));
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
const requireShim = "import { createRequire as __tdCreateRequire } from 'node:module'; const require = __tdCreateRequire(import.meta.url);";
let failures = 0;
// With --json, stdout carries only figure lines; anything a bench module logs goes to stderr.
const printFigure = (line) => process.stdout.write(line + '\n');
if (json) console.log = (...a) => console.error(...a);
for (const file of modules) {
  const outfile = join(outDir, file.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(benchDir, file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    banner: { js: requireShim },
    define: { 'import.meta.dirname': JSON.stringify(benchDir) },
    logLevel: 'warning',
  });
  const mod = await import(pathToFileURL(outfile).href);
  const report = (f) => {
    const fig = { ...f };
    if (typeof f.baselineValue === 'number' && f.baselineValue !== 0) fig.ratio = Number((f.value / f.baselineValue).toFixed(4));
    if (json) printFigure(JSON.stringify(fig));
    else {
      const base = fig.baseline ? `   baseline ${fig.baseline}: ${fmt(fig.baselineValue)} ${fig.unit}   ratio ${fig.ratio}` : '';
      console.log(`${fig.name.padEnd(32)} ${fmt(fig.value).padStart(12)} ${fig.unit}${base}`);
    }
  };
  try {
    if (!json) console.log(`\n# ${file}`);
    await mod.run(report);
  } catch (err) {
    failures++;
    console.error(`bench ${file} failed: ${err?.stack ?? err}`);
  }
}
function fmt(v) {
  return typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(4)) : String(v);
}
process.exit(failures ? 1 : 0);
