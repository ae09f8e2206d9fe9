/**
 * Search and filters over the index summaries. The search box matches path, model, provider,
 * host and format from the summaries (every file), plus body text for files whose content was
 * loaded this session (the backend index has no bodies; the sidebar says so).
 */
import type { CassetteSummary } from '../../../../shared/model/summary';
import { MIXED, NONE } from '../../../../shared/workspace/dashboard';
import { refKey } from './library-model';

export interface LibraryFilters {
  query: string;
  providers: string[];
  models: string[];
  errorStatus: boolean;
  hasDiagnostics: boolean;
  streaming: boolean;
  // Set by the dashboard's bars; no menu of their own, a chip under the search shows and clears them.
  formats: string[];
  dialects: string[];
  /** Newest recording in this period ("2025-03" or "2025"), or NO_DATE for files without one. */
  recorded: string | null;
  /** A folder or one file: the row's path is it or lies under it. */
  under: { rootId: string; path: string } | null;
}

export const NO_DATE = 'none';

export const emptyFilters: LibraryFilters = {
  query: '', providers: [], models: [], errorStatus: false, hasDiagnostics: false, streaming: false,
  formats: [], dialects: [], recorded: null, under: null,
};

export function isFiltering(f: LibraryFilters): boolean {
  return f.query.trim() !== '' || f.providers.length > 0 || f.models.length > 0 ||
    f.errorStatus || f.hasDiagnostics || f.streaming || hasDashboardFilter(f);
}

/** The filters only the dashboard sets (shown as one removable chip). */
export function hasDashboardFilter(f: LibraryFilters): boolean {
  return f.formats.length > 0 || f.dialects.length > 0 || f.recorded !== null || f.under !== null;
}

/** The dashboard's filters in words, for the chip that clears them ("format har · in a/b"). */
export function describeDashboardFilter(f: LibraryFilters): string {
  const parts: string[] = [];
  if (f.formats.length) parts.push(`format ${f.formats.join(', ')}`);
  if (f.dialects.length) parts.push(`dialect ${f.dialects.join(', ')}`);
  if (f.recorded === NO_DATE) parts.push('no recording date');
  else if (f.recorded) parts.push(`recorded ${f.recorded}`);
  if (f.under) parts.push(f.under.path ? `in ${f.under.path}` : 'in this folder');
  return parts.join(' · ');
}

/** True when the row lies in `under` (the folder itself, or the one file). */
export function isUnder(s: Pick<CassetteSummary, 'rootId' | 'relPath'>, under: { rootId: string; path: string }): boolean {
  if (s.rootId !== under.rootId) return false;
  return under.path === '' || s.relPath === under.path || s.relPath.startsWith(under.path + '/');
}

/**
 * A row's values against the wanted ones; the dashboard's "(several)" and "(none)" bars ask
 * for rows with more than one value, or none (`counted`: the list the dashboard counted).
 */
function listMatch(wanted: string[], values: string[], counted: string[] = values): boolean {
  return wanted.some((w) => (w === MIXED ? counted.length > 1 : w === NONE ? counted.length === 0 : values.includes(w)));
}

function dashboardMatch(s: CassetteSummary, f: LibraryFilters): boolean {
  if (f.under && !isUnder(s, f.under)) return false;
  if (f.formats.length && !f.formats.includes(s.format ?? 'unknown')) return false;
  if (f.dialects.length && !listMatch(f.dialects, s.dialects ?? [])) return false;
  if (f.recorded !== null) {
    const newest = s.recorded?.newest;
    if (f.recorded === NO_DATE ? newest !== undefined || s.kind !== 'cassette' : !newest?.startsWith(f.recorded)) return false;
  }
  return true;
}

/** Splits on whitespace: every term must match somewhere (AND), case-insensitive. */
export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

function haystack(s: CassetteSummary): string {
  return [s.relPath, s.format ?? '', ...s.models, ...s.providers, ...(s.vendors ?? []), ...s.hosts].join('\n').toLowerCase();
}

export function matchesSummary(
  s: CassetteSummary,
  f: LibraryFilters,
  terms: string[],
  bodyText?: ReadonlyMap<string, string>,
): boolean {
  if (f.providers.length && !listMatch(f.providers, [...s.providers, ...(s.vendors ?? [])], s.vendors?.length ? s.vendors : s.providers)) return false;
  if (f.models.length && !listMatch(f.models, s.models)) return false;
  if (f.errorStatus && !s.errorStatuses.some((c) => c >= 400)) return false;
  // Lint errors and warnings (a broken file has one before the lint pass reaches it).
  if (f.hasDiagnostics && (s.lint ? s.lint.error + s.lint.warning : s.diagnostics.error) === 0) return false;
  if (f.streaming && !s.streaming) return false;
  if (hasDashboardFilter(f) && !dashboardMatch(s, f)) return false;
  if (!terms.length) return true;
  const hay = haystack(s);
  const body = bodyText?.get(refKey(s));
  return terms.every((t) => hay.includes(t) || (body !== undefined && body.includes(t)));
}

export function filterSummaries(
  list: Iterable<CassetteSummary>,
  f: LibraryFilters,
  bodyText?: ReadonlyMap<string, string>,
): CassetteSummary[] {
  const terms = queryTerms(f.query);
  const out: CassetteSummary[] = [];
  for (const s of list) if (matchesSummary(s, f, terms, bodyText)) out.push(s);
  return out;
}

/** Distinct providers (who served them beside the dialect, when known) and models with counts, for the filter menus. */
export function facets(list: Iterable<CassetteSummary>): { providers: [string, number][]; models: [string, number][] } {
  const p = new Map<string, number>();
  const m = new Map<string, number>();
  for (const s of list) {
    for (const x of s.vendors?.length ? s.vendors : s.providers) p.set(x, (p.get(x) ?? 0) + 1);
    for (const x of s.models) m.set(x, (m.get(x) ?? 0) + 1);
  }
  const sort = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);
  return { providers: [...p].sort(sort), models: [...m].sort(sort) };
}

/**
 * Quick-open ranking (Ctrl/Cmd+P): fuzzy subsequence match on the path, preferring matches in
 * the file name and contiguous runs. Returns null when the query is not a subsequence.
 */
export function fuzzyScore(path: string, query: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return 0;
  const p = path.toLowerCase();
  const nameStart = p.lastIndexOf('/') + 1;
  let score = 0;
  let pi = 0;
  let prev = -2;
  for (const ch of q) {
    const at = p.indexOf(ch, pi);
    if (at < 0) return null;
    score += at === prev + 1 ? 3 : 1;
    if (at >= nameStart) score += 2;
    prev = at;
    pi = at + 1;
  }
  return score - p.length * 0.01;
}
