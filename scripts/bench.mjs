#!/usr/bin/env node
// `npm run bench [-- GROUP...] [-- --json] [-- --list]`: runs the bench groups named (all of
// them when none is), one scripts/bench/GROUP.bench.ts module each. Each module measures its
// figures and a baseline in the same run, so numbers from this slow, shared 2-core machine are
// read as ratios, not absolutes; a figure with a target says whether it is met, and the run
// ends with a table of every targeted figure.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const benchDir = join(root, 'scripts/bench');
const groups = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();
if (args.includes('--list')) {
  console.log(groups.join('\n'));
  process.exit(0);
}
const asked = args.filter((a) => !a.startsWith('--'));
const unknown = asked.filter((g) => !groups.includes(g));
if (unknown.length) {
  console.error(`unknown bench group: ${unknown.join(', ')} (groups: ${groups.join(', ')})`);
  process.exit(2);
}
const selected = asked.length ? groups.filter((g) => asked.includes(g)) : groups;

// Workspace, app and viewer benches run the built app (workers, renderer, CLI).
if (!existsSync(join(root, 'app/dist/main/cli.mjs')) || !existsSync(join(root, 'app/dist/renderer/index.html'))) {
  spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: json ? 'ignore' : 'inherit' });
}

// Bundles live inside the repo so their external imports resolve from our node_modules.
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
const outDir = mkdtempSync(join(root, 'node_modules/.cache/tapedeck-bench-'));
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
const requireShim = "import { createRequire as __tdCreateRequire } from 'node:module'; const require = __tdCreateRequire(import.meta.url);";
let failures = 0;
const targeted = [];
// With --json, stdout carries only figure lines; anything a bench module logs goes to stderr.
const printFigure = (line) => process.stdout.write(line + '\n');
if (json) console.log = (...a) => console.error(...a);
for (const group of selected) {
  const file = `${group}.bench.ts`;
  const outfile = join(outDir, `${group}.bench.mjs`);
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
    const fig = { group, ...f };
    if (typeof f.baselineValue === 'number' && f.baselineValue !== 0) fig.ratio = Number((f.value / f.baselineValue).toFixed(4));
    if (f.target) {
      const x = f.target.of === 'value' ? fig.value : fig.ratio;
      fig.met = typeof x === 'number' && (f.target.max === undefined || x <= f.target.max) && (f.target.min === undefined || x >= f.target.min);
      targeted.push(fig);
    }
    if (json) printFigure(JSON.stringify(fig));
    else {
      const base = fig.baseline ? `   baseline ${fig.baseline}: ${fmt(fig.baselineValue)} ${fig.unit}   ratio ${fig.ratio}` : '';
      const target = f.target ? `   target ${targetText(f)} ${fig.met ? 'met' : 'NOT MET'}` : '';
      console.log(`${fig.name.padEnd(32)} ${fmt(fig.value).padStart(12)} ${fig.unit}${base}${target}`);
      if (f.note) console.log(`${''.padEnd(32)} (${f.note})`);
    }
  };
  try {
    if (!json) console.log(`\n# ${group}`);
    await mod.run(report);
  } catch (err) {
    failures++;
    console.error(`bench ${group} failed: ${err?.stack ?? err}`);
  }
}
if (!json && targeted.length) {
  console.log('\n# targets');
  console.log(`${'figure'.padEnd(32)} ${'value'.padStart(10)} ${'baseline'.padStart(10)} ${'ratio'.padStart(8)}  ${'target'.padEnd(14)} met`);
  for (const f of targeted) {
    const ratio = f.ratio === undefined ? '' : String(f.ratio);
    const base = f.baselineValue === undefined ? '' : fmt(f.baselineValue);
    console.log(`${f.name.padEnd(32)} ${fmt(f.value).padStart(10)} ${base.padStart(10)} ${ratio.padStart(8)}  ${targetText(f).padEnd(14)} ${f.met ? 'yes' : 'NO'}`);
  }
}
function targetText(f) {
  const t = f.target;
  const suffix = t.of === 'value' ? ` ${f.unit}` : '×';
  return [t.max !== undefined ? `≤ ${t.max}${suffix}` : '', t.min !== undefined ? `≥ ${t.min}${suffix}` : ''].filter(Boolean).join(', ');
}
function fmt(v) {
  return typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(4)) : String(v);
}
process.exit(failures ? 1 : 0);
