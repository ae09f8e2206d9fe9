import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { describeDashboardFilter, hasDashboardFilter, type LibraryFilters } from './filter';

interface Props {
  filters: LibraryFilters;
  facets: { providers: [string, number][]; models: [string, number][] };
  openedCount: number;
}

/** The dashboard's "(several)" / "(none)" picks are no facet: an option so the menu shows them. */
function extraOption(value: string | undefined, list: [string, number][]) {
  return value && !list.some(([v]) => v === value) ? <option value={value}>{value}</option> : null;
}

/** Search box plus filter controls; the hint says exactly what the search covers. */
export function LibraryFilterBar({ filters, facets, openedCount }: Props) {
  const store = useAppStoreApi();
  const set = (patch: Partial<LibraryFilters>) => store.getState().setFilters(patch);
  const toggle = (k: 'errorStatus' | 'hasDiagnostics' | 'streaming', label: string, testId: string) => (
    <button
      type="button"
      className={`chip ${filters[k] ? 'is-on' : ''}`}
      aria-pressed={filters[k]}
      onClick={() => set({ [k]: !filters[k] })}
      data-testid={testId}
    >
      {label}
    </button>
  );
  const libraryReady = useAppStore((s) => s.libraryStatus === 'ready');
  return (
    <div className="library-filters">
      <input
        id="library-search"
        className="search"
        type="search"
        placeholder="Search path, model, provider…  (/)"
        value={filters.query}
        disabled={!libraryReady}
        onChange={(e) => set({ query: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            set({ query: '' });
            (e.target as HTMLInputElement).blur();
          } else if (e.key === 'ArrowDown') {
            // Into the full-text hits when there are any, else the file list.
            (document.querySelector<HTMLElement>('[data-search-hit]') ?? document.querySelector<HTMLElement>('[data-testid="library-list"]'))?.focus();
            e.preventDefault();
          }
        }}
        data-testid="library-search"
        aria-label="Search the library"
        aria-describedby="search-hint"
      />
      <div id="search-hint" className="hint">
        Files: path, model, provider, host · body text of {openedCount} opened file{openedCount === 1 ? '' : 's'}. Full text of every cassette below.
      </div>
      {/* One select per row: provider labels name the host and the dialect ("Together AI
          (openai-chat)"), which half a 300 px sidebar cut off; the title keeps longer ones whole. */}
      <div className="filter-row filter-selects">
        <select
          value={filters.providers[0] ?? ''}
          title={filters.providers[0] ?? 'All providers'}
          onChange={(e) => set({ providers: e.target.value ? [e.target.value] : [] })}
          data-testid="filter-provider"
          aria-label="Provider"
        >
          <option value="">All providers</option>
          {facets.providers.map(([p, n]) => <option key={p} value={p}>{p} ({n})</option>)}
          {extraOption(filters.providers[0], facets.providers)}
        </select>
        <select
          value={filters.models[0] ?? ''}
          title={filters.models[0] ?? 'All models'}
          onChange={(e) => set({ models: e.target.value ? [e.target.value] : [] })}
          data-testid="filter-model"
          aria-label="Model"
        >
          <option value="">All models</option>
          {facets.models.map(([m, n]) => <option key={m} value={m}>{m} ({n})</option>)}
          {extraOption(filters.models[0], facets.models)}
        </select>
      </div>
      {hasDashboardFilter(filters) ? (
        <div className="filter-row">
          <button
            type="button"
            className="chip is-on dash-filter-chip"
            onClick={() => set({ formats: [], dialects: [], recorded: null, under: null })}
            title="Set by a dashboard bar: click to clear"
            data-testid="filter-dashboard"
          >
            {describeDashboardFilter(filters)} <span aria-hidden="true">✕</span>
          </button>
        </div>
      ) : null}
      <div className="filter-row">
        {toggle('errorStatus', 'HTTP ≥ 400', 'filter-errors')}
        {toggle('hasDiagnostics', 'Diagnostics', 'filter-diagnostics')}
        {toggle('streaming', 'Streaming', 'filter-streaming')}
      </div>
    </div>
  );
}
