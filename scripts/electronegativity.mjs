#!/usr/bin/env node
// Runs @doyensec/electronegativity over main/ and fails on any finding at MEDIUM or above.
// The tool always exits 0, so its CSV report is read instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(mkdtempSync(join(tmpdir(), 'tapedeck-eneg-')), 'report.csv');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const r = spawnSync(process.execPath, [join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', join(root, 'main'), '-e', electronVersion, '-o', out], {
  cwd: root,
  encoding: 'utf8',
});
let csv;
try {
  csv = readFileSync(out, 'utf8');
} catch {
  console.error(`electronegativity produced no report:\n${r.stdout}\n${r.stderr}`);
  process.exit(1);
}
const rows = csv.trim().split('\n').slice(1).filter(Boolean);
const blocking = rows.filter((row) => /^[A-Z_]+,"(MEDIUM|HIGH|CRITICAL)"/.test(row));
for (const row of rows) console.log(`  ${row.split(',').slice(0, 5).join(' ')}`);
console.log(`electronegativity: ${rows.length} finding(s), ${blocking.length} at MEDIUM or above (Electron ${electronVersion})`);
process.exit(blocking.length ? 1 : 0);
