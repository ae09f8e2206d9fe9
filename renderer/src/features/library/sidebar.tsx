/** The library sidebar: folder totals, search and filters, and the virtualised tree. */
import { StateMessage } from '../../components/state-message';
import { ThemeSelect } from '../../components/theme-select';
import { SearchResults } from '../search/search-results';
import { formatTokensShort, formatUsd } from '../../lib/format';
import { useAppStore } from '../../store/store-context';
import { isFiltering } from './filter';
import { refKey } from './library-model';
import { LibraryFilterBar } from './library-filters';
import { LibraryList } from './library-list';
import { useLibraryRows } from './use-library-rows';

export function Sidebar() {
  const lib = useLibraryRows();
  const selected = useAppStore((s) => s.selected);
  const error = useAppStore((s) => s.libraryError);
  const textHits = useAppStore((s) => (s.textSearch.pattern === lib.filters.query ? s.textSearch.result?.totalHits ?? 0 : 0));
  const t = lib.totals;
  const filtering = isFiltering(lib.filters);
  const rootName = lib.roots.length === 1 ? lib.roots[0].name : `${lib.roots.length} folders`;

  return (
    <aside className="sidebar" data-testid="library">
      <header className="sidebar-header" data-testid="library-totals">
        <div className="sidebar-title" title={lib.roots.map((r) => r.path).join('\n')}>{rootName || 'Library'}</div>
        <div className="totals">
          <span data-testid="totals-files">
            {t.files} cassette{t.files === 1 ? '' : 's'}{filtering ? ' (filtered)' : ''}{t.pending ? ` · ${t.pending} parsing` : ''}
          </span>
          <span title="Input / output tokens">{formatTokensShort(t.inputTokens)} in · {formatTokensShort(t.outputTokens)} out</span>
          <span title={`Reported by the provider for ${t.reportedFiles} file(s)`} data-testid="totals-reported">
            {formatUsd(t.reportedFiles ? t.reportedUsd : null)} reported
          </span>
          <span title={`Estimated from the price table for ${t.estimatedFiles} file(s)`} data-testid="totals-estimated">
            ~{formatUsd(t.estimatedFiles ? t.estimatedUsd : null)} est.
          </span>
        </div>
        {lib.indexing || t.pending ? (
          <div className="progress" data-testid="index-progress">
            Indexing… {lib.progress ? `${lib.progress.done}/${lib.progress.total}` : ''}
          </div>
        ) : null}
      </header>
      <LibraryFilterBar filters={lib.filters} facets={lib.facets} openedCount={lib.bodyText.size} />
      <SearchResults query={lib.filters.query} />
      {lib.libraryStatus === 'connecting' ? (
        <StateMessage kind="loading" title="Connecting…" />
      ) : lib.libraryStatus === 'error' ? (
        <StateMessage kind="error" title="Could not load the library">{error}</StateMessage>
      ) : lib.rows.length === 0 ? (
        <StateMessage kind="empty" title={textHits > 0 ? 'No file matches by name' : filtering ? 'No cassette matches' : 'No cassettes in this folder'} testId="library-empty">
          {textHits > 0 ? 'No file name matches; the full-text matches are above.' : filtering ? 'Clear the search or filters to see every file.' : 'Tapedeck lists go-vcr, vcrpy, Ruby VCR, HAR and langchain cassettes.'}
        </StateMessage>
      ) : (
        <LibraryList rows={lib.rows} focusedKey={lib.focusedKey} selectedKey={selected ? refKey(selected) : null} />
      )}
      {/* Last in the sidebar, so the search stays its first Tab stop. */}
      <footer className="sidebar-footer">
        <ThemeSelect />
      </footer>
    </aside>
  );
}
