/**
 * The folder dashboard's figures, from the index rows the library already has (no bodies, no
 * re-parse), so it is one pass over 2,000 rows. Tokens and cost of a file that used several
 * providers or models go to a "mixed" bar: the rows keep totals per file, not per model, and
 * splitting them by guess would show numbers nobody recorded.
 */
import type { CassetteSummary } from '../model/summary';
import { recordingAges, type RecordingAges } from './dashboard-dates';

export interface Bar {
  key: string;
  files: number;
  tokens: number;
  reportedUsd: number;
  estimatedUsd: number;
  /** On the per-cassette bars: the root the path is under. */
  rootId?: string;
}

export interface Dashboard {
  cassettes: number;
  interactions: number;
  streams: number;
  httpErrors: number;
  /** Lint findings of the cassettes linted so far; `pending`: cassettes the lint pass has not reached yet. */
  lint: { error: number; warning: number; info: number; pending: number };
  reportedUsd: number;
  estimatedUsd: number;
  /** Over the interactions that have both a reported and an estimated cost. */
  pair: { interactions: number; reportedUsd: number; estimatedUsd: number };
  /** Every priced interaction's usage at the price table's current prices. */
  todayUsd: number;
  /** LLM interactions the table cannot price, and those with no usage at all: in no estimate. */
  unpriced: number;
  usageMissing: number;
  /** Who served the calls ("Together AI (openai-chat)"), else the dialect's provider. */
  byProvider: Bar[];
  byModel: Bar[];
  /** The 20 costliest cassettes (estimate, else reported), then by tokens. */
  byCassette: Bar[];
  byFormat: Bar[];
  byDialect: Bar[];
  dates: RecordingAges;
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
const byFiles = (a: Bar, b: Bar) => b.files - a.files || a.key.localeCompare(b.key);

export function folderDashboard(rows: Iterable<CassetteSummary>): Dashboard {
  const d: Dashboard = {
    cassettes: 0, interactions: 0, streams: 0, httpErrors: 0, lint: { error: 0, warning: 0, info: 0, pending: 0 },
    reportedUsd: 0, estimatedUsd: 0, pair: { interactions: 0, reportedUsd: 0, estimatedUsd: 0 }, todayUsd: 0, unpriced: 0, usageMissing: 0,
    byProvider: [], byModel: [], byCassette: [], byFormat: [], byDialect: [], dates: recordingAges([]),
  };
  const providers = new Map<string, Bar>();
  const models = new Map<string, Bar>();
  const formats = new Map<string, Bar>();
  const dialects = new Map<string, Bar>();
  const files: Bar[] = [];
  const cassettes: CassetteSummary[] = [];
  for (const r of rows) {
    if (r.kind !== 'cassette') continue;
    cassettes.push(r);
    d.cassettes++;
    d.interactions += r.interactions;
    if (r.streaming) d.streams++;
    if (r.errorStatuses.length) d.httpErrors++;
    if (r.lint) {
      d.lint.error += r.lint.error;
      d.lint.warning += r.lint.warning;
      d.lint.info += r.lint.info;
    } else d.lint.pending++;
    d.reportedUsd += r.reportedUsd ?? 0;
    d.estimatedUsd += r.estimatedUsd ?? 0;
    if (r.costPair) {
      d.pair.interactions += r.costPair.interactions;
      d.pair.reportedUsd += r.costPair.reportedUsd;
      d.pair.estimatedUsd += r.costPair.estimatedUsd;
    }
    d.todayUsd += r.todayUsd ?? 0;
    d.unpriced += r.unpriced ?? 0;
    d.usageMissing += r.usageMissing ?? 0;
    add(providers, one(r.vendors?.length ? r.vendors : r.providers), r);
    add(models, one(r.models), r);
    add(formats, r.format ?? 'unknown', r);
    add(dialects, one(r.dialects ?? []), r);
    const f = new Map<string, Bar>();
    add(f, r.relPath, r);
    files.push({ ...f.get(r.relPath)!, rootId: r.rootId });
  }
  d.byProvider = [...providers.values()].sort(byWeight);
  d.byModel = [...models.values()].sort(byWeight);
  d.byFormat = [...formats.values()].sort(byFiles);
  d.byDialect = [...dialects.values()].sort(byFiles);
  d.byCassette = files.sort(byWeight).slice(0, 20);
  d.dates = recordingAges(cassettes);
  return d;
}

const CSV_HEAD = [
  'file', 'format', 'interactions', 'providers', 'dialects', 'models', 'input_tokens', 'output_tokens', 'reported_usd', 'estimated_usd',
  'today_usd', 'oldest_recorded', 'newest_recorded', 'http_errors', 'errors', 'warnings',
];

/** RFC 4180: quote a field that has a comma, quote or line break; double its quotes. */
export function csvField(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line per cassette, for a spreadsheet. */
export function dashboardCsv(rows: Iterable<CassetteSummary>): string {
  const lines = [CSV_HEAD.join(',')];
  for (const r of rows) {
    if (r.kind !== 'cassette') continue;
    lines.push([
      r.relPath, r.format, r.interactions, r.providers.join(' '), (r.dialects ?? []).join(' '), r.models.join(' '), r.inputTokens, r.outputTokens,
      r.reportedUsd, r.estimatedUsd, r.todayUsd, r.recorded?.oldest, r.recorded?.newest, r.errorStatuses.join(' '), r.lint?.error ?? null, r.lint?.warning ?? null,
    ].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
