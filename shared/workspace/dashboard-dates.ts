/**
 * How stale the fixtures are: each cassette counted once, in the month its newest interaction
 * was recorded (a file re-recorded last week is fresh, whatever else it kept), from the dates
 * the index rows carry (shared/workspace/row-extras.ts).
 */
import type { CassetteFormat } from '../model/cassette';
import type { CassetteSummary, DateSource } from '../model/summary';

export interface PeriodBar {
  /** "2025-03" (a month), or "2025" when the span is too long for months. */
  period: string;
  files: number;
}

export interface RecordingAges {
  oldest: string | null;
  newest: string | null;
  /** Chronological, gaps included (a zero bar shows a quiet period as one). */
  byPeriod: PeriodBar[];
  /** Files none of whose interactions has a date, by format (go-vcr and vcrpy keep none of their own). */
  undated: number;
  undatedByFormat: [string, number][];
  /** Files with some interactions dated and some not. */
  partlyDated: number;
  sources: DateSource[];
}

/** Past four years of months the chart would be a comb: it counts by year instead. */
const MAX_MONTHS = 48;

function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

function monthName(i: number): string {
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The period key a row falls in (for the library's filter), or null when it has no date. */
export function periodOf(r: Pick<CassetteSummary, 'recorded'>, byYear: boolean): string | null {
  const n = r.recorded?.newest;
  return n ? n.slice(0, byYear ? 4 : 7) : null;
}

export function recordingAges(rows: readonly CassetteSummary[]): RecordingAges {
  let oldest: string | null = null;
  let newest: string | null = null;
  let undated = 0;
  let partlyDated = 0;
  const undatedFormats = new Map<string, number>();
  const sources = new Set<DateSource>();
  const months = new Map<number, number>();
  for (const r of rows) {
    if (!r.recorded) {
      undated++;
      const f: CassetteFormat | 'unknown' = r.format ?? 'unknown';
      undatedFormats.set(f, (undatedFormats.get(f) ?? 0) + 1);
      continue;
    }
    if (r.undated) partlyDated++;
    for (const s of r.recorded.sources) sources.add(s);
    if (oldest === null || r.recorded.oldest < oldest) oldest = r.recorded.oldest;
    if (newest === null || r.recorded.newest > newest) newest = r.recorded.newest;
    const m = monthIndex(r.recorded.newest);
    months.set(m, (months.get(m) ?? 0) + 1);
  }
  const byPeriod: PeriodBar[] = [];
  if (months.size) {
    const first = Math.min(...months.keys());
    const last = Math.max(...months.keys());
    const byYear = last - first + 1 > MAX_MONTHS;
    for (let m = first; m <= last; m++) {
      const period = byYear ? String(Math.floor(m / 12)) : monthName(m);
      const prev = byPeriod[byPeriod.length - 1];
      if (prev?.period === period) prev.files += months.get(m) ?? 0;
      else byPeriod.push({ period, files: months.get(m) ?? 0 });
    }
  }
  const undatedByFormat = [...undatedFormats].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { oldest, newest, byPeriod, undated, undatedByFormat, partlyDated, sources: [...sources].sort() };
}

/** "2025-03" → "Mar 2025"; a year stays as it is. */
export function periodLabel(period: string): string {
  if (period.length === 4) return period;
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${names[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
}
