/** Text rendering of match explanations for `tapedeck match`. */
import type { Explanation, FieldDiff, MatchRequest } from '../../shared/match';

const show = (v: string | null | undefined): string => (v === null || v === undefined ? '(none)' : JSON.stringify(v));

function summary(r: MatchRequest): string {
  return `${r.method} ${r.url}`;
}

function diffLines(d: FieldDiff): string[] {
  const head = d.recorded !== undefined || d.request !== undefined ? `      ${d.field}: recorded ${show(d.recorded)}, request ${show(d.request)}` : `      ${d.field}:`;
  const rows = (d.rows ?? []).map((r) => `        ${r.key}: recorded ${show(r.recorded)}, request ${show(r.request)}`);
  if (d.rows && d.rows.length === 0 && d.field !== 'headers') rows.push(`        (same ${d.field === 'body' ? 'JSON' : 'parameters'}, different bytes or order)`);
  return [head, ...rows];
}

export function explanationText(e: Explanation, recorded: MatchRequest[]): string {
  const lines: string[] = [];
  const title = `${e.recorder} (match on ${e.matchers.join(', ')}${e.allowRepeats ? '; repeats allowed' : ''})`;
  if (e.chosen !== null) {
    lines.push(`${title}: replays interaction ${e.chosen}: ${summary(recorded[e.chosen])}`);
    const others = e.candidates.filter((i) => i !== e.chosen);
    if (others.length) lines.push(`  also matches ${others.join(', ')}: the recorder tells them apart only by replay order`);
    return lines.join('\n');
  }
  lines.push(`${title}: no interaction matches`);
  if (e.alreadyPlayed.length) lines.push(`  matching interactions already played: ${e.alreadyPlayed.join(', ')}`);
  for (const n of e.nearMisses) {
    lines.push(`  near miss: interaction ${n.index} (${summary(recorded[n.index])}) fails ${n.failed.join(', ')}`);
    for (const d of n.diff) lines.push(...diffLines(d));
  }
  return lines.join('\n');
}
