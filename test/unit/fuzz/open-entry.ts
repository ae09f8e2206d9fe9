/**
 * Child-process entry for the hostile-input tests: opens each file the way `inspect`, `lint`
 * and the folder index do (and, with TAPEDECK_FUZZ_REDACT=1, plans its redaction), then prints
 * one JSON line with what broke, which files took long, and the peak RSS. A crash is anything
 * that reaches the CLI's catch-all (stderr), a thrown exception, or an internal-error
 * diagnostic or finding.
 */
import { existsSync, readFileSync } from 'node:fs';
import { runCli } from '../../../main/cli/index';
import { parseCassetteForIndex } from '../../../shared/cassette/parse-index';
import { decodeCassetteFile } from '../../../shared/edit/cassette-file';
import { redactText } from '../../../shared/redact/redact';

const crashes: string[] = [];
const slow: { file: string; ms: number }[] = [];
const redact = process.env.TAPEDECK_FUZZ_REDACT === '1';
for (const file of process.argv.slice(2)) {
  const t0 = performance.now();
  for (const argv of [['inspect', '--json', file], ['lint', '--format', 'json', file]]) {
    let out = '';
    let err = '';
    await runCli(argv, { stdout: (s) => void (out += s), stderr: (s) => void (err += s), cwd: process.cwd() });
    // inspect names an unreadable/binary file on stderr by design; anything else there is a crash.
    if (err && !(argv[0] === 'inspect' && /: (not a cassette|cannot read)/.test(err) && !err.includes('\n', err.indexOf('\n') + 1))) crashes.push(`${argv[0]} ${file}: ${err.trim().slice(0, 500)}`);
    if (out.includes('parse.internal') || out.includes('lint/internal')) crashes.push(`${argv[0]} ${file}: internal error ${out.slice(0, 500)}`);
  }
  const bytes = new Uint8Array(readFileSync(file));
  try {
    const index = parseCassetteForIndex({ path: file, bytes }).cassette;
    if (index.diagnostics.some((d) => d.code === 'parse.internal')) crashes.push(`index ${file}: internal error diagnostic`);
    const decoded = decodeCassetteFile(file, bytes);
    if (redact && !('error' in decoded)) redactText(decoded.text);
  } catch (e) {
    crashes.push(`index/redact ${file}: threw ${(e as Error).stack?.slice(0, 500)}`);
  }
  const ms = performance.now() - t0;
  if (ms > 2_000) slow.push({ file, ms: Math.round(ms) });
}
process.stdout.write(JSON.stringify({ crashes, slow, maxRssKb: peakRssKb() }) + '\n');

/**
 * This process's own peak RSS. Not `resourceUsage().maxRSS`: Linux carries ru_maxrss across
 * fork and exec, so a child spawned by a big parent (Vitest's thread pool is one process of
 * ~900 MB) reports the parent's size. VmHWM is the high-water mark of this image alone.
 */
function peakRssKb(): number {
  if (existsSync('/proc/self/status')) {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  }
  return process.resourceUsage().maxRSS;
}
