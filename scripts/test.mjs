#!/usr/bin/env node
// `npm test`: typecheck, lint, electronegativity (Electron security scan), build, unit + corpus tests (Vitest), e2e (Playwright in Debian's
// Chromium). Each runner reports through JSON so we can print one `N passed, N failed` line per
// runner and a total line, the form CI reads. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'test-results');
mkdirSync(out, { recursive: true });
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const bin = (name) => join(root, 'node_modules/.bin', name);
const only = process.argv.slice(2);
const want = (step) => only.length === 0 || only.includes(step);
const results = [];

function run(step, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${step}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status === 0;
}

if (want('typecheck')) {
  const ok = run('typecheck', bin('tsc'), ['-b']);
  results.push({ name: 'typecheck', passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}
if (want('lint')) {
  const ok = run('lint', bin('eslint'), ['.', '--max-warnings', '0']);
  results.push({ name: 'lint', passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}
if (want('security')) {
  const ok = run('security', process.execPath, [join(root, 'scripts/electronegativity.mjs')]);
  results.push({ name: 'electronegativity', passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}
if (want('build') || want('e2e')) {
  const ok = run('build', process.execPath, [join(root, 'scripts/build.mjs')]);
  results.push({ name: 'build', passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}
if (want('unit')) {
  const file = join(out, 'vitest.json');
  const ok = run('unit', bin('vitest'), ['run', '--config', 'vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  if (existsSync(file)) {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    results.push({ name: 'unit', passed: j.numPassedTests, failed: j.numFailedTests + (ok || j.numFailedTests ? 0 : 1), skipped: j.numPendingTests + j.numTodoTests });
  } else results.push({ name: 'unit', passed: 0, failed: 1 });
}
if (want('e2e')) {
  const file = join(out, 'playwright.json');
  const ok = run('e2e', bin('playwright'), ['test', '--config', 'test/e2e/playwright.config.ts'], { PW_JSON_OUTPUT: file });
  if (existsSync(file)) {
    const s = JSON.parse(readFileSync(file, 'utf8')).stats;
    const failed = s.unexpected + s.flaky;
    results.push({ name: 'e2e', passed: s.expected, failed: failed + (ok || failed ? 0 : 1), skipped: s.skipped });
  } else results.push({ name: 'e2e', passed: 0, failed: 1 });
}

console.log('');
let passed = 0;
let failed = 0;
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
