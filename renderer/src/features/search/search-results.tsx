/**
 * Full-text results in the sidebar: grouped by file, then interaction, each hit a snippet with
 * the match marked. Enter or click opens the cassette at that interaction with the scrubber on
 * the first event carrying the match (or the Raw tab at the header's line).
 */
import type { CassetteRef } from '../../../../shared/api/contract';
import type { SearchHit } from '../../../../shared/search/query';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { useTextSearch } from './use-text-search';

const FIELD_LABEL: Record<SearchHit['field'], string> = {
  url: 'URL',
  'request-header': 'request header',
  'response-header': 'response header',
  request: 'request',
  text: 'answer',
  reasoning: 'reasoning',
  tool: 'tool call',
};

export function SearchResults({ query }: { query: string }) {
  useTextSearch(query);
  const store = useAppStoreApi();
  const ts = useAppStore((s) => s.textSearch);
  const set = store.getState().setSearchOptions;
  const toggle = (k: keyof typeof ts.options, label: string, title: string) => (
    <button type="button" className={`chip ${ts.options[k] ? 'is-on' : ''}`} aria-pressed={ts.options[k]} title={title} aria-label={title} onClick={() => set({ [k]: !ts.options[k] })} data-testid={`search-${k}`}>
      {label}
    </button>
  );
  if (query.trim().length < 2) return null;
  const r = ts.pattern === query ? ts.result : null;
  // "+" where the engine stopped counting: a capped interaction or more files than listed.
  const more = r && (r.truncated || r.files.some((f) => f.capped)) ? '+' : '';
  const hitCount = r ? `${r.totalHits}${more} match${r.totalHits === 1 && !more ? '' : 'es'} in ${r.files.length}${r.truncated ? '+' : ''} file${r.files.length === 1 ? '' : 's'}` : ts.running ? 'Searching…' : '';
  return (
    <section className="search-results" aria-label="Full-text search results" data-testid="search-results" onKeyDown={moveBetweenHits}>
      <div className="search-results-bar">
        <span className="hint" role="status" data-testid="search-summary">{hitCount}</span>
        <span className="filter-row">
          {toggle('caseSensitive', 'Aa', 'Match case')}
          {toggle('wholeWord', 'W', 'Whole words')}
          {toggle('regex', '.*', 'Regular expression')}
        </span>
      </div>
      {ts.failed || r?.error ? <div className="search-error" role="alert" data-testid="search-error">{ts.failed ?? r?.error}</div> : null}
      {r?.files.map((f) => (
        <div key={`${f.file.rootId}/${f.file.relPath}`} className="search-file" data-testid="search-file">
          <div className="search-file-name" title={f.file.relPath}>{f.file.relPath} <span className="hint">({f.total}{f.capped ? '+' : ''})</span></div>
          {f.interactions.map((ia) =>
            ia.hits.map((h, k) => (
              <button type="button" key={`${ia.index}-${k}`} className="search-hit" data-search-hit="" data-testid="search-hit" onClick={() => void store.getState().openSearchHit(f.file as CassetteRef, ia.index, h)}>
                <span className="search-hit-where">#{ia.index} {FIELD_LABEL[h.field]}{h.event !== null ? ` · event ${h.event + 1}` : ''}</span>
                <Snippet hit={h} />
              </button>
            )),
          )}
        </div>
      ))}
    </section>
  );
}

function Snippet({ hit }: { hit: SearchHit }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  hit.ranges.forEach(([s, e], k) => {
    parts.push(hit.snippet.slice(at, s), <mark key={k}>{hit.snippet.slice(s, e)}</mark>);
    at = e;
  });
  parts.push(hit.snippet.slice(at));
  return <span className="search-snippet">{parts}</span>;
}

/** ArrowDown/ArrowUp walk the hits, like the file list. */
function moveBetweenHits(e: React.KeyboardEvent<HTMLElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const hits = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-search-hit]')];
  const i = hits.indexOf(document.activeElement as HTMLElement);
  const next = hits[Math.max(0, Math.min(hits.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
  if (next) {
    next.focus();
    e.preventDefault();
  }
}
