/**
 * `tapedeck diff --git` on the workspace bench's 2,000-cassette folder committed to a git
 * repository, after a re-record of 10% of its cassettes (new ids and durations everywhere,
 * one changed answer word in half of them). The baseline is `git diff --stat` on the same
 * change in the same run: git only compares bytes, the diff parses and pairs both versions.
 * The repository is built once and kept in os.tmpdir(); each run resets it to HEAD.
 * Plain Node (the lead bundles this with esbuild): no vitest imports.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffWorkTree } from '../../main/git/diff-report';
import { registerNodeCodecs } from '../../main/backend/node-codecs';
import { ensureCorpus } from './bench-folder';
import { CORPUS_VERSION } from './workspace-files';

type Report = (f: { name: string; value: number; unit: string; baseline?: string; baselineValue?: number }) => void;

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe', maxBuffer: 1 << 28 });

function ensureRepo(): string {
  const repo = join(tmpdir(), `tapedeck-bench-diff-v${CORPUS_VERSION}`);
  if (existsSync(join(repo, '.git', 'tapedeck-complete'))) return repo;
  rmSync(repo, { recursive: true, force: true });
  cpSync(ensureCorpus(), repo, { recursive: true });
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, '-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'commit', '-qm', 'recorded');
  writeFileSync(join(repo, '.git', 'tapedeck-complete'), '');
  return repo;
}

/** Re-records every 10th text cassette: new ids and durations; every other one also a new word. */
function reRecord(repo: string): number {
  const files = git(repo, 'ls-files', '-z').toString('utf8').split('\0').filter((f) => /\.(ya?ml|har)$/.test(f));
  let n = 0;
  files.forEach((rel, k) => {
    if (k % 10 !== 0) return;
    const abs = join(repo, rel);
    const before = readFileSync(abs, 'utf8');
    let text = before.replaceAll('chatcmpl-1', 'chatcmpl-rerecorded').replaceAll('msg_1', 'msg_rerecorded').replace(/duration: 1\.2s/g, 'duration: 1.7s');
    if (k % 20 === 0) text = text.replace(' fox ', ' cat ');
    if (text === before) return; // a YAML file that is no cassette has no ids to renew
    writeFileSync(abs, text);
    n++;
  });
  return n;
}

export async function run(report: Report): Promise<void> {
  registerNodeCodecs();
  const repo = ensureRepo();
  git(repo, 'checkout', '--', '.');
  try {
    const changed = reRecord(repo);
    const tg = performance.now();
    git(repo, 'diff', '--stat');
    const gitS = (performance.now() - tg) / 1000;
    const td = performance.now();
    const r = await diffWorkTree(repo, 'HEAD', [repo], {});
    const diffS = (performance.now() - td) / 1000;
    const semantic = r.files.filter((f) => f.diff.changed).length;
    console.log(`re-recorded ${changed} files; diff saw ${r.files.length} changed files, ${semantic} with a semantic change`);
    if (r.files.length !== changed) throw new Error(`diff --git found ${r.files.length} changed files, expected ${changed}`);
    report({ name: 'diff.git_2000_s', value: Number(diffS.toFixed(2)), unit: 's', baseline: 'git diff --stat', baselineValue: Number(gitS.toFixed(3)) });
  } finally {
    git(repo, 'checkout', '--', '.');
  }
}
