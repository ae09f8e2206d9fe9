import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/lint');

/** `tool-call/duplicate-id` → the text of `test/fixtures/lint/tool-call/duplicate-id.<kind>.yaml`. */
export function fixture(code: string, kind: 'bad' | 'good'): string {
  return readFileSync(fixturePath(code, kind), 'utf8');
}

export function fixturePath(code: string, kind: 'bad' | 'good'): string {
  return path.join(FIXTURES, `${code}.${kind}.yaml`);
}

/** Every code that has a fixture pair. */
export function fixtureCodes(): string[] {
  const out: string[] = [];
  for (const fam of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!fam.isDirectory()) continue;
    for (const f of readdirSync(path.join(FIXTURES, fam.name))) {
      const m = /^(.+)\.bad\.yaml$/.exec(f);
      if (m) out.push(`${fam.name}/${m[1]}`);
    }
  }
  return out.sort();
}

/** Line-level diff (LCS): old line numbers removed and new lines added, 1-based. */
export function lineDiff(a: string, b: string): { removed: number[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = x[i] === y[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const removed: number[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || dp[i][j + 1] >= dp[i + 1][j])) added.push(y[j++]);
    else removed.push(++i);
  }
  return { removed, added };
}
