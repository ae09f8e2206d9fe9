/** Human-readable `tapedeck inspect FILE` summary. */
import type { CassetteAnalysis } from '../model/analysis';
import type { Cassette } from '../model/cassette';
import type { Cost } from '../model/llm';
import { allDiagnostics } from './inspect-json';

function usd(v: number | null): string {
  return v === null ? '–' : `$${Number(v.toPrecision(4))}`;
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** Says what the estimate leaves out and which date's prices it used when the cassette has none. */
function priceNote(c: Cost): string {
  const notes = [c.unpriced ? `tokens only: ${c.unpriced.join(', ')} not in the price table` : '', c.todayPrices && c.estimatedUsd !== null ? "no recording date: today's prices" : ''].filter(Boolean);
  return notes.length ? ` (${notes.join('; ')})` : '';
}

export function inspectText(c: Cassette, a: CassetteAnalysis): string {
  const lines: string[] = [];
  const version = c.formatVersion === null ? '' : ` v${c.formatVersion}`;
  lines.push(`${c.path}  (${c.format ?? 'unknown format'}${version}, ${c.interactions.length} interaction${c.interactions.length === 1 ? '' : 's'})`);
  c.interactions.forEach((i, n) => {
    const x = a.interactions[n];
    const head = [`#${i.index}`, i.request.method, i.request.url, i.response.status ?? '—'].join(' ');
    const llm = x?.provider ? `  ${x.provider}${x.vendor ? ` via ${x.vendor}` : ''}${x.model ? ` ${x.model}` : ''}${x.streaming ? ` stream(${x.stream?.events.length ?? 0} events)` : ''}` : '';
    lines.push(`  ${head}${llm}`);
    const m = x?.message;
    if (m) {
      if (m.reasoning) lines.push(`      reasoning: ${clip(m.reasoning, 100)}`);
      if (m.text) lines.push(`      text: ${clip(m.text, 100)}`);
      for (const t of m.toolCalls) lines.push(`      tool ${t.name}(${clip(t.arguments, 80)})${t.id ? ` id=${t.id}` : ''}${t.parse === 'complete' ? '' : ` [${t.parse}]`}`);
      if (m.finishReason) lines.push(`      finish: ${m.finishReason}`);
    }
    if (x?.usage) {
      const u = x.usage;
      const extra = [u.cacheReadTokens ? `${u.cacheReadTokens} cache read` : '', u.cacheWriteTokens ? `${u.cacheWriteTokens} cache write` : '', u.reasoningTokens ? `${u.reasoningTokens} reasoning` : ''].filter(Boolean).join(', ');
      lines.push(`      usage: ${u.inputTokens} in / ${u.outputTokens} out${extra ? ` (${extra})` : ''}; cost reported ${usd(x.cost.reportedUsd)}, estimated ${usd(x.cost.estimatedUsd)}${x.cost.formula ? ` = ${x.cost.formula}` : ''}${priceNote(x.cost)}`);
    }
  });
  for (const l of a.links) lines.push(`  link: #${l.fromInteraction} call ${l.callSlot} (${l.callId ?? 'no id'}) → #${l.toInteraction} message ${l.messageIndex} (${l.resultId ?? 'no id'}) by ${l.by}`);
  const t = a.totals;
  lines.push(`  totals: ${t.inputTokens} in / ${t.outputTokens} out; reported ${usd(t.reportedUsd)}, estimated ${usd(t.estimatedUsd)}`);
  for (const d of allDiagnostics(c, a)) {
    const where = [d.line !== undefined ? `line ${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : '', d.interaction !== undefined ? `#${d.interaction}` : ''].filter(Boolean).join(' ');
    lines.push(`  ${d.severity}: ${d.code}${where ? ` (${where})` : ''}: ${d.message}`);
  }
  return lines.join('\n');
}
