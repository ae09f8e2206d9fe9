/** The stable JSON shape of `tapedeck inspect --json` (one object per file). */
import type { CassetteAnalysis } from '../model/analysis';
import type { Cassette } from '../model/cassette';
import type { Diagnostic } from '../model/diagnostics';
import type { Cost } from '../model/llm';

function diag(d: Diagnostic): Record<string, unknown> {
  const o: Record<string, unknown> = { severity: d.severity, code: d.code, message: d.message };
  if (d.line !== undefined) o.line = d.line;
  if (d.column !== undefined) o.column = d.column;
  if (d.interaction !== undefined) o.interaction = d.interaction;
  return o;
}

/** File-level, then per-interaction, then cassette-level (links) diagnostics. */
export function allDiagnostics(c: Cassette, a: CassetteAnalysis): Diagnostic[] {
  return [...c.diagnostics, ...a.interactions.flatMap((x) => x.diagnostics), ...a.diagnostics];
}

export function inspectJson(c: Cassette, a: CassetteAnalysis): Record<string, unknown> {
  return {
    file: c.path,
    format: c.format,
    formatVersion: c.formatVersion,
    diagnostics: allDiagnostics(c, a).map(diag),
    interactions: c.interactions.map((i, n) => {
      const x = a.interactions[n];
      const m = x?.message ?? null;
      return {
        index: i.index,
        method: i.request.method,
        url: i.request.url,
        status: i.response.status,
        provider: x?.provider ?? null,
        vendor: x?.vendor ?? null,
        model: x?.model ?? null,
        streaming: x?.streaming ?? false,
        events: x?.stream ? x.stream.events.length : 0,
        message: m && {
          text: m.text,
          reasoning: m.reasoning,
          toolCalls: m.toolCalls.map((t) => ({ id: t.id, name: t.name, arguments: t.arguments })),
          finishReason: m.finishReason,
        },
        usage: x?.usage
          ? {
              inputTokens: x.usage.inputTokens,
              outputTokens: x.usage.outputTokens,
              totalTokens: x.usage.totalTokens,
              cacheReadTokens: x.usage.cacheReadTokens,
              cacheWriteTokens: x.usage.cacheWriteTokens,
              reasoningTokens: x.usage.reasoningTokens,
            }
          : null,
        cost: x ? costJson(x.cost) : { reportedUsd: null, estimatedUsd: null },
      };
    }),
    totals: {
      inputTokens: a.totals.inputTokens,
      outputTokens: a.totals.outputTokens,
      reportedUsd: a.totals.reportedUsd,
      estimatedUsd: a.totals.estimatedUsd,
    },
  };
}

/** Reported and estimated cost; with an estimate, its parts, unpriced fees and the price date's basis. */
function costJson(c: Cost): Record<string, unknown> {
  const o: Record<string, unknown> = { reportedUsd: c.reportedUsd, estimatedUsd: c.estimatedUsd };
  if (c.parts) o.parts = c.parts.map((p) => ({ label: p.label, detail: p.detail, usd: p.usd }));
  if (c.unpriced) o.tokensOnly = c.unpriced;
  // A recorded date is stable; today's is not, so only the fact is printed.
  if (c.todayPrices) o.todayPrices = true;
  else if (c.priceDate) o.priceDate = c.priceDate;
  return o;
}

export function hasErrors(c: Cassette, a: CassetteAnalysis): boolean {
  return allDiagnostics(c, a).some((d) => d.severity === 'error');
}
