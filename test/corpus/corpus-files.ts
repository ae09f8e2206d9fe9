/**
 * Where the corpus is and which of its files a suite takes, shared by the corpus suites: a
 * recursive walk by extension, or the INDEX.tsv rows up to a size. A suite skips (and says so)
 * when ../shared/corpus is missing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const corpusDir = path.resolve(__dirname, '../../../shared/corpus');

/** Whether the corpus is there; warns once per suite when it is not. */
export function corpusExists(marker = ''): boolean {
  const ok = existsSync(path.join(corpusDir, marker));
  if (!ok) console.warn('corpus suite skipped: ../shared/corpus not found');
  return ok;
}

/** Every file under the corpus whose name matches `re`, by absolute path. */
export function walkCorpus(re: RegExp, dir = corpusDir, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) walkCorpus(re, p, out);
    else if (re.test(n)) out.push(p);
  }
  return out;
}

/** INDEX.tsv's YAML/JSON/HAR files of at most `maxBytes`, relative to the corpus. */
export function indexedCorpusFiles(maxBytes: number): string[] {
  return readFileSync(path.join(corpusDir, 'INDEX.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((c) => c[0] && /\.(ya?ml|json|har)$/.test(c[0]) && Number(c[5]) <= maxBytes)
    .map((c) => c[0]);
}
