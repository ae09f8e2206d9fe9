/**
 * The folder dashboard's figures, from the index rows the library already has (no bodies, no
 * re-parse), so it is one pass over 2,000 rows. Tokens and cost of a file that used several
 * providers or models go to a "mixed" bar: the rows keep totals per file, not per model, and
 * splitting them by guess would show numbers nobody recorded.
 */
import type { CassetteSummary } from '../model/summary';

export interface Bar {
  key: string;
  files: number;
  tokens: number;
  reportedUsd: number;
  estimatedUsd: number;
}

export interface Dashboard {
  cassettes: number;
  interactions: number;
  streams: number;
  httpErrors: number;
  lint: { error: number; warning: number; info: number };
  reportedUsd: number;
  estimatedUsd: number;
  byProvider: Bar[];
  byModel: Bar[];
  /** The 20 costliest cassettes (estimate, else reported), then by tokens. */
  byCassette: Bar[];
  byFormat: Bar[];
}

export const MIXED = '(several)';
export const NONE = '(none)';

function add(map: Map<string, Bar>, key: string, r: CassetteSummary): void {
  let b = map.get(key);
  if (!b) map.set(key, (b = { key, files: 0, tokens: 0, reportedUsd: 0, estimatedUsd: 0 }));
  b.files++;
  b.tokens += r.inputTokens + r.outputTokens;
  b.reportedUsd += r.reportedUsd ?? 0;
  b.estimatedUsd += r.estimatedUsd ?? 0;
}

const one = (xs: string[]): string => (xs.length === 1 ? xs[0] : xs.length ? MIXED : NONE);
const weight = (b: Bar) => b.estimatedUsd || b.reportedUsd;
const byWeight = (a: Bar, b: Bar) => weight(b) - weight(a) || b.tokens - a.tokens || a.key.localeCompare(b.key);

export function folderDashboard(rows: Iterable<CassetteSummary>): Dashboard {
  const d: Dashboard = {
    cassettes: 0, interactions: 0, streams: 0, httpErrors: 0, lint: { error: 0, warning: 0, info: 0 },
    reportedUsd: 0, estimatedUsd: 0, byProvider: [], byModel: [], byCassette: [], byFormat: [],
  };
  const providers = new Map<string, Bar>();
  const models = new Map<string, Bar>();
  const formats = new Map<string, Bar>();
  const files: Bar[] = [];
  for (const r of rows) {
    if (r.kind !== 'cassette') continue;
    d.cassettes++;
    d.interactions += r.interactions;
    if (r.streaming) d.streams++;
    if (r.errorStatuses.length) d.httpErrors++;
    d.lint.error += r.diagnostics.error;
    d.lint.warning += r.diagnostics.warning;
    d.lint.info += r.diagnostics.info;
    d.reportedUsd += r.reportedUsd ?? 0;
    d.estimatedUsd += r.estimatedUsd ?? 0;
    add(providers, one(r.providers), r);
    add(models, one(r.models), r);
    add(formats, r.format ?? 'unknown', r);
    const f = new Map<string, Bar>();
    add(f, r.relPath, r);
    files.push(f.get(r.relPath)!);
  }
  d.byProvider = [...providers.values()].sort(byWeight);
  d.byModel = [...models.values()].sort(byWeight);
  d.byFormat = [...formats.values()].sort((a, b) => b.files - a.files || a.key.localeCompare(b.key));
  d.byCassette = files.sort(byWeight).slice(0, 20);
  return d;
}

const CSV_HEAD = ['file', 'format', 'interactions', 'providers', 'models', 'input_tokens', 'output_tokens', 'reported_usd', 'estimated_usd', 'http_errors', 'errors', 'warnings'];

/** RFC 4180: quote a field that has a comma, quote or line break; double its quotes. */
export function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line per cassette, for a spreadsheet. */
export function dashboardCsv(rows: Iterable<CassetteSummary>): string {
  const lines = [CSV_HEAD.join(',')];
  for (const r of rows) {
    if (r.kind !== 'cassette') continue;
    lines.push([
      r.relPath, r.format, r.interactions, r.providers.join(' '), r.models.join(' '), r.inputTokens, r.outputTokens,
      r.reportedUsd, r.estimatedUsd, r.errorStatuses.join(' '), r.diagnostics.error, r.diagnostics.warning,
    ].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
