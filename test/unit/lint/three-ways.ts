/**
 * The three places a file's lint shows, computed as each really is: `tapedeck lint --format
 * json` over the folder (the CLI in-process), the index rows of a real workspace once its
 * lint pass is done (worker threads), and the app's lint worker (its request module, given
 * the editor's text and the parse the worker would reuse, with the tokenizer loaded as the
 * worker loads it). Returns, per cassette row, what each said.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintCommand } from '../../../main/cli/lint';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';
import { createWorkspace } from '../../../main/workspace/workspace';
import { parseCassette } from '../../../shared/cassette/parse';
import { decodeCassetteFile } from '../../../shared/edit/cassette-file';
import { lintCounts, type LintCounts } from '../../../shared/lint/counts';
import { lintPathOf } from '../../../shared/lint/file';
import { registerTokenizer } from '../../../shared/llm/estimate-usage';
import { analyzeCassette } from '../../../shared/llm/analyze';
import type { CassetteSummary } from '../../../shared/model/summary';
import { utf8Encode } from '../../../shared/util/bytes';
import { lintSource, toLintFindings } from '../../../renderer/src/workers/lint-request';

/** A finding as all three can show it (the CLI's JSON has no fix function, the worker no fix). */
export interface Shown {
  code: string;
  severity: string;
  message: string;
  line: number | null;
  column: number | null;
  interaction: number | null;
}

export interface ThreeWays {
  relPath: string;
  cli: Shown[] | null;
  row: LintCounts | null;
  worker: Shown[];
}

const shown = (f: { code: string; severity: string; message: string; line?: number | null; column?: number | null; interaction?: number | null }): Shown => ({
  code: f.code,
  severity: f.severity,
  message: f.message,
  line: f.line ?? null,
  column: f.column ?? null,
  interaction: f.interaction ?? null,
});

export const countsOf = (s: Shown[]): LintCounts => lintCounts(s as { severity: keyof LintCounts }[]);

export async function threeWays(dir: string): Promise<ThreeWays[]> {
  registerNodeCodecs();
  // 1. The CLI, over the folder as a user runs it.
  let out = '';
  await lintCommand(['--format', 'json', '.'], { cwd: dir, stdout: (s) => (out += s), stderr: () => {} });
  const cli = new Map<string, Shown[]>();
  for (const f of (JSON.parse(out) as { files: { path: string; findings: Shown[] }[] }).files) cli.set(f.path, f.findings.map(shown));

  // 2. The index: a real workspace, its rows once the lint pass has run.
  const configDir = mkdtempSync(join(tmpdir(), 'tapedeck-three-ways-'));
  const ws = createWorkspace({ configDir, emit: () => {}, workerCount: 2 });
  let rows: CassetteSummary[];
  try {
    await ws.openPath(dir);
    await ws.whenLinted();
    rows = (await ws.listCassettes()).filter((r) => r.kind === 'cassette');
  } finally {
    await ws.close();
    rmSync(configDir, { recursive: true, force: true });
  }

  // 3. The app's lint worker, on the editor's text with the parse it would reuse. The worker
  // loads the tokenizer once a file lacks usage, after which analyses carry estimates.
  await import('../../../shared/llm/tokenizer-tiktoken');
  try {
    return rows.map((row) => {
      const bytes = new Uint8Array(readFileSync(join(dir, ...row.relPath.split('/'))));
      const d = decodeCassetteFile(row.relPath, bytes);
      let worker;
      if ('error' in d) worker = lintSource(row.relPath, { bytes });
      else {
        const cassette = parseCassette({ path: lintPathOf(row.relPath), bytes: utf8Encode(d.text) });
        worker = lintSource(row.relPath, { text: d.text }, { cassette, analysis: analyzeCassette(cassette) });
      }
      return { relPath: row.relPath, cli: cli.get(row.relPath) ?? null, row: row.lint, worker: toLintFindings(worker).map(shown) };
    });
  } finally {
    registerTokenizer(null);
  }
}
