/**
 * Child-process entry for the hostile-input tests: opens each file the way `inspect`, `lint`
 * and the folder index do, then prints one JSON line with what broke and the peak RSS. A crash
 * is anything that reaches the CLI's catch-all (stderr) or a reader's internal-error diagnostic.
 */
import { readFileSync } from 'node:fs';
import { runCli } from '../../../main/cli/index';
import { parseCassetteForIndex } from '../../../shared/cassette/parse-index';

const crashes: string[] = [];
for (const file of process.argv.slice(2)) {
  for (const argv of [['inspect', '--json', file], ['lint', '--format', 'json', file]]) {
    let out = '';
    let err = '';
    await runCli(argv, { stdout: (s) => void (out += s), stderr: (s) => void (err += s), cwd: process.cwd() });
    if (err) crashes.push(`${argv[0]} ${file}: ${err.trim().slice(0, 500)}`);
    if (out.includes('parse.internal')) crashes.push(`${argv[0]} ${file}: internal error diagnostic`);
  }
  const index = parseCassetteForIndex({ path: file, bytes: new Uint8Array(readFileSync(file)) }).cassette;
  if (index.diagnostics.some((d) => d.code === 'parse.internal')) crashes.push(`index ${file}: internal error diagnostic`);
}
process.stdout.write(JSON.stringify({ crashes, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
