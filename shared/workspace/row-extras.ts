/**
 * The index row's figures for the folder dashboard beyond counts and totals: recording dates,
 * reported against estimated cost, and today's prices. Computed while indexing, so the
 * dashboard of 2,000 files is one pass over rows and never reads a body.
 */
import { headerValue, type Cassette, type CassetteFormat } from '../model/cassette';
import type { CassetteAnalysis } from '../model/analysis';
import type { CassetteSummary, DateSource } from '../model/summary';
import { httpDate } from '../llm/analyze';

/** What the format calls its own per-interaction timestamp (go-vcr and vcrpy keep none). */
const OWN_DATE: Partial<Record<CassetteFormat, DateSource>> = { har: 'startedDateTime', 'ruby-vcr': 'recorded_at' };

/** Oldest and newest recording date of the file, and how many interactions have none. */
export function recordingDates(c: Cassette): Pick<CassetteSummary, 'recorded' | 'undated'> {
  let oldest: string | null = null;
  let newest: string | null = null;
  let undated = 0;
  const sources = new Set<DateSource>();
  for (const it of c.interactions) {
    let when: string | null = null;
    let source: DateSource = 'Date header';
    const own = it.recordedAt ? Date.parse(it.recordedAt) : NaN;
    if (!Number.isNaN(own)) {
      when = new Date(own).toISOString();
      source = (c.format && OWN_DATE[c.format]) ?? 'recorded_at';
    } else {
      when = httpDate(headerValue(it.response.headers, 'date'));
    }
    if (!when) {
      undated++;
      continue;
    }
    sources.add(source);
    if (oldest === null || when < oldest) oldest = when;
    if (newest === null || when > newest) newest = when;
  }
  const out: Pick<CassetteSummary, 'recorded' | 'undated'> = {};
  if (oldest && newest) out.recorded = { oldest, newest, sources: [...sources].sort() };
  if (undated) out.undated = undated;
  return out;
}

/** Dialects, the reported/estimated pair, today's prices and the unpriced count. */
export function costFigures(a: CassetteAnalysis): Pick<CassetteSummary, 'dialects' | 'costPair' | 'todayUsd' | 'unpriced'> {
  const dialects = new Set<string>();
  const pair = { interactions: 0, reportedUsd: 0, estimatedUsd: 0 };
  let today: number | null = null;
  let unpriced = 0;
  for (const ia of a.interactions) {
    if (ia.dialect) dialects.add(ia.dialect);
    const c = ia.cost;
    if (c.reportedUsd !== null && c.estimatedUsd !== null) {
      pair.interactions++;
      pair.reportedUsd += c.reportedUsd;
      pair.estimatedUsd += c.estimatedUsd;
    }
    if (c.todayUsd !== undefined) today = (today ?? 0) + c.todayUsd;
    // Ollama runs locally: no price is the right answer, not a gap in the table.
    else if (ia.usage && ia.provider !== 'ollama') unpriced++;
  }
  const out: Pick<CassetteSummary, 'dialects' | 'costPair' | 'todayUsd' | 'unpriced'> = {};
  if (dialects.size) out.dialects = [...dialects].sort();
  if (pair.interactions) out.costPair = pair;
  if (today !== null) out.todayUsd = today;
  if (unpriced) out.unpriced = unpriced;
  return out;
}
