/** Plain-text rendering of a diff report (the CLI's default), word diffs as [-old-]{+new+}. */
import { changeLines, compactWords, pairCounts, pairName, signed, usd } from './describe';
import type { Change, DiffReport, FileDiff, PairDiff } from './types';

export function renderText(r: DiffReport): string {
  if (r.files.length === 0) return `No changed cassettes (against ${r.against}).\n`;
  return r.files.map(fileText).join('\n');
}

function fileText(f: FileDiff): string {
  const d = f.diff;
  const lines = [`${f.path} (${f.status}): ${pairCounts(d.pairs)} · tokens ${signed(d.tokens.input)} in ${signed(d.tokens.output)} out · cost ${usd(d.costUsd)}`];
  for (const e of f.errors) lines.push(`  error: ${e}`);
  for (const p of d.pairs) if (p.status !== 'same' || p.moved || p.info.length) lines.push(...pairText(p));
  return lines.join('\n') + '\n';
}

function pairText(p: PairDiff): string[] {
  const status = p.status === 'same' ? (p.moved ? 'moved' : 'same') : p.moved ? `${p.status}, moved` : p.status;
  const out = [`  ${pairName(p)} ${p.label}: ${status}`];
  for (const c of p.changes) out.push(...changeText(c).map((l) => `    ${l}`));
  for (const c of p.info) out.push(...changeText(c).map((l) => `    (info) ${l}`));
  return out;
}

function changeText(c: Change): string[] {
  const lines = changeLines(c);
  if (c.kind !== 'text' || !c.words) return lines;
  const body = compactWords(c.words)
    .map((w) => (w.op === 'same' ? w.text : w.op === 'add' ? `{+${w.text}+}` : `[-${w.text}-]`))
    .join('');
  return [...lines, ...body.split('\n').map((l) => `  ${l}`)];
}
