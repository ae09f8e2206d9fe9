/**
 * Markdown for a pull-request comment: a summary table of the changed files with token and
 * cost deltas, then each file's details folded in <details> (GitHub renders <del>/<ins>).
 */
import { changeLines, compactWords, pairCounts, pairName, signed, usd } from './describe';
import type { Change, DiffReport, FileDiff, PairDiff } from './types';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cell = (s: string) => esc(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(r: DiffReport): string {
  const out = [`### Cassette changes against ${cell(r.against)}`, ''];
  if (r.files.length === 0) return `${out.join('\n')}No changed cassettes.\n`;
  out.push('| File | Status | Interactions | Δ input tokens | Δ output tokens | Δ cost |', '|---|---|---|--:|--:|--:|');
  for (const f of r.files) {
    const d = f.diff;
    out.push(`| <code>${cell(f.path)}</code> | ${f.status}: ${pairCounts(d.pairs)} | ${d.a.interactions} → ${d.b.interactions} | ${signed(d.tokens.input)} | ${signed(d.tokens.output)} | ${usd(d.costUsd)} |`);
  }
  out.push('');
  for (const f of r.files) if (f.errors.length || f.diff.pairs.some((p) => p.status !== 'same' || p.moved)) out.push(...details(f));
  return out.join('\n') + '\n';
}

function details(f: FileDiff): string[] {
  const out = [`<details><summary><code>${esc(f.path)}</code>: ${esc(pairCounts(f.diff.pairs))}</summary>`, ''];
  for (const e of f.errors) out.push(`> ⚠️ ${esc(e)}`, '');
  for (const p of f.diff.pairs) if (p.status !== 'same' || p.moved) out.push(...pairMd(p));
  out.push('</details>', '');
  return out;
}

function pairMd(p: PairDiff): string[] {
  const status = p.moved ? `${p.status === 'same' ? 'unchanged' : p.status}, moved` : p.status;
  const out = [`**${esc(pairName(p))}** <code>${esc(p.label)}</code>: ${status}`, ''];
  for (const c of p.changes) out.push(...changeMd(c));
  if (p.changes.length) out.push('');
  return out;
}

function changeMd(c: Change): string[] {
  const [first, ...rest] = changeLines(c);
  const out = [`- ${codeField(first)}`, ...rest.map((l) => `  - <code>${esc(l.trim())}</code>`)];
  if (c.kind === 'text' && c.words) {
    const html = compactWords(c.words)
      .map((w) => (w.op === 'same' ? esc(w.text) : w.op === 'add' ? `<ins>${esc(w.text)}</ins>` : `<del>${esc(w.text)}</del>`))
      .join('')
      .replace(/\n/g, '<br>');
    out.push(`  <blockquote>${html}</blockquote>`);
  }
  return out;
}

/** `field: rest` with the field as code. */
function codeField(line: string): string {
  const at = line.indexOf(':');
  if (at < 0) return `<code>${esc(line)}</code>`;
  return `<code>${esc(line.slice(0, at))}</code>${esc(line.slice(at))}`;
}
