/** The benches' generated 2,000-cassette folder, written once and kept in os.tmpdir(). */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { benchFiles, CORPUS_VERSION } from './workspace-files';

export function ensureCorpus(): string {
  const dir = join(tmpdir(), `tapedeck-bench-workspace-v${CORPUS_VERSION}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  for (const f of benchFiles()) {
    const abs = join(dir, f.rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, f.data);
  }
  writeFileSync(join(dir, '.complete'), '');
  return dir;
}
