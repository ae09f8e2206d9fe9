#!/usr/bin/env node
// `npm test`: typecheck, lint, electronegativity (Electron security scan) and build side by side,
// then unit + corpus tests (Vitest) beside e2e (Playwright in an installed Chromium). Each runner
// reports through JSON so we can print one `N passed, N failed` line per runner and a total line,
// the form CI reads, with each step's time. Exits non-zero on any failure.
//   node scripts/test.mjs [step...]   steps: typecheck lint security build unit corpus e2e
// `unit` alone runs the fast unit project; `corpus` the corpus suites; both by default.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'test-results');
mkdirSync(out, { recursive: true });
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const bin = (name) => join(root, 'node_modules/.bin', name);
const only = process.argv.slice(2);
const want = (step) => only.length === 0 || only.includes(step);
const results = [];
const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(0);

/**
 * Busy CPU-seconds of the whole machine so far (Linux /proc/stat; null elsewhere). Counted
 * machine-wide because most of the work is in processes no runner reports: the browsers'
 * renderer and GPU processes, serve children, CLI children.
 */
function machineBusySeconds() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal, in USER_HZ (100 on Linux): all but idle
    // and iowait are busy.
    return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / 100;
  } catch {
    return null;
  }
}
const run0 = { t: performance.now(), busy: machineBusySeconds() };

/**
 * Runs one step. `quiet` steps run side by side, so their output is held and printed whole when
 * the step ends (interleaved lines from four tools would be unreadable).
 */
function run(step, cmd, args, { extraEnv = {}, quiet = false } = {}) {
  const t0 = performance.now();
  if (!quiet) console.log(`\n=== ${step}: ${[cmd, ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...env, ...extraEnv } });
    const held = [];
    child.stdout?.on('data', (d) => held.push(d));
    child.stderr?.on('data', (d) => held.push(d));
    child.on('error', (e) => held.push(Buffer.from(`${e.message}\n`)));
    child.on('close', (code) => {
      if (quiet) {
        console.log(`\n=== ${step}: ${[cmd, ...args].join(' ')}`);
        process.stdout.write(Buffer.concat(held));
      }
      console.log(`--- ${step}: ${code === 0 ? 'ok' : `exit ${code}`} in ${seconds(t0)} s`);
      resolve(code === 0);
    });
  });
}

const passFail = (name, ok) => results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });

// Single-threaded checks and the build share the machine; the build is what e2e waits for.
const early = [];
if (want('typecheck')) early.push(run('typecheck', bin('tsc'), ['-b'], { quiet: true }).then((ok) => passFail('typecheck', ok)));
if (want('lint')) early.push(run('lint', bin('eslint'), ['.', '--max-warnings', '0'], { quiet: true }).then((ok) => passFail('lint', ok)));
if (want('security')) early.push(run('security', process.execPath, [join(root, 'scripts/electronegativity.mjs')], { quiet: true }).then((ok) => passFail('electronegativity', ok)));
// The packaging test reads the build, so unit waits for it too.
if (want('build') || want('e2e') || want('unit')) early.push(run('build', process.execPath, [join(root, 'scripts/build.mjs')], { quiet: true }).then((ok) => passFail('build', ok)));
await Promise.all(early);

// Vitest and Playwright side by side: alone, neither keeps both cores busy (Vitest's tail is
// one long corpus file, Playwright's two browsers mostly wait on each other), so together they
// finish well before one after the other. Vitest's output is held and printed whole.
const projects = ['unit', 'corpus'].filter(want);
await Promise.all([projects.length ? vitest(projects) : null, want('e2e') ? e2e() : null]);

async function vitest(projects) {
  const file = join(out, 'vitest.json');
  const args = ['run', '--config', 'vitest.config.ts', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${file}`];
  const ok = await run(projects.join('+'), bin('vitest'), args, { quiet: want('e2e') });
  if (existsSync(file)) {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    results.push({ name: projects.join('+'), passed: j.numPassedTests, failed: j.numFailedTests + (ok || j.numFailedTests ? 0 : 1), skipped: j.numPendingTests + j.numTodoTests });
  } else results.push({ name: projects.join('+'), passed: 0, failed: 1 });
}

async function e2e() {
  let chromium = null;
  try {
    chromium = ensureChromium();
  } catch (e) {
    console.log(`\n=== e2e: ${e.message}`);
  }
  if (!chromium) return results.push({ name: 'e2e', passed: 0, failed: 1 });
  const file = join(out, 'playwright.json');
  const ok = await run('e2e', bin('playwright'), ['test', '--config', 'test/e2e/playwright.config.ts'], { extraEnv: { PW_JSON_OUTPUT: file, CHROMIUM_PATH: chromium } });
  if (existsSync(file)) {
    const s = JSON.parse(readFileSync(file, 'utf8')).stats;
    const failed = s.unexpected + s.flaky;
    results.push({ name: 'e2e', passed: s.expected, failed: failed + (ok || failed ? 0 : 1), skipped: s.skipped });
  } else results.push({ name: 'e2e', passed: 0, failed: 1 });
  if (!ok) printErrorContexts(join(out, 'e2e'));
}

/**
 * CI keeps only the log, so a failed e2e test's error (from Playwright's error-context.md) and
 * what was on screen (page-snapshot.md, written by test/e2e/helpers/test.ts) are printed here
 * rather than left in test-results/. The test's source, also in error-context.md, is left out:
 * the report above already points at the failing line.
 */
function printErrorContexts(dir) {
  if (!existsSync(dir)) return;
  const cap = (text, n) => {
    const lines = text.trimEnd().split('\n');
    return lines.slice(0, n).join('\n') + (lines.length > n ? `\n… ${lines.length - n} more lines` : '');
  };
  for (const name of readdirSync(dir)) {
    const context = join(dir, name, 'error-context.md');
    const snapshot = join(dir, name, 'page-snapshot.md');
    if (!existsSync(context) && !existsSync(snapshot)) continue;
    console.log(`\n=== ${name} failed (${join(dir, name)}):`);
    if (existsSync(context)) {
      const md = readFileSync(context, 'utf8');
      const error = /^# Error details\n([\s\S]*?)(?=^# |(?![\s\S]))/m.exec(md)?.[1];
      console.log(cap(error ?? md, 60));
    }
    if (existsSync(snapshot)) console.log(cap(readFileSync(snapshot, 'utf8'), 150));
  }
}

console.log('');
const busy = machineBusySeconds();
if (busy !== null && run0.busy !== null) {
  const wall = (performance.now() - run0.t) / 1000;
  const cores = availableParallelism();
  console.log(`whole run: ${wall.toFixed(0)} s, ${(busy - run0.busy).toFixed(0)} CPU-s busy on ${cores} cores (${(((busy - run0.busy) / (wall * cores)) * 100).toFixed(0)}% of the machine)`);
}
let passed = 0;
let failed = 0;
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
