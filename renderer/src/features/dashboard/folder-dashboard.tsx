/**
 * The folder dashboard: what a folder (or every open folder) holds and costs, how old its
 * recordings are, and bars that filter the library. Shown in the main area when nothing is
 * open, and for a folder clicked in the sidebar. Everything comes from the index rows.
 */
import { useMemo } from 'react';
import { dashboardCsv, folderDashboard, type Bar } from '../../../../shared/workspace/dashboard';
import { formatInt } from '../../lib/format';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import type { DashboardScope } from '../../store/types';
import { emptyFilters, isUnder, type LibraryFilters } from '../library/filter';
import { downloadText } from '../export/save-text';
import { BarChart } from './bar-chart';
import { CostPanel } from './cost-panel';
import { RecordingDates } from './recording-dates';

const inScope = (scope: DashboardScope | null) => (scope?.rootId ? { rootId: scope.rootId, path: scope.path } : null);

export function FolderDashboard() {
  const summaries = useAppStore((s) => s.summaries);
  const scope = useAppStore((s) => s.dashboardScope);
  const roots = useAppStore((s) => s.roots);
  const open = useAppStore((s) => (s.doc.status === 'idle' ? null : s.doc.ref.relPath));
  const store = useAppStoreApi();
  const under = inScope(scope);
  const rows = useMemo(() => {
    const all = [...summaries.values()];
    const u = inScope(scope);
    return u ? all.filter((r) => isUnder(r, u)) : all;
  }, [summaries, scope]);
  const d = useMemo(() => folderDashboard(rows), [rows]);
  // A bar narrows the library to its files, inside the folder this dashboard is about.
  const filter = (patch: Partial<LibraryFilters>) => store.getState().setFilters({ ...emptyFilters, under, ...patch });
  const root = under ? roots.find((r) => r.id === under.rootId) : null;
  const title = root ? [root.name, under?.path].filter(Boolean).join('/') : roots.length === 1 ? roots[0].name : 'All folders';
  const stats: [string, string, string][] = [
    ['Cassettes', formatInt(d.cassettes), 'cassettes'],
    ['Interactions', formatInt(d.interactions), 'interactions'],
    ['Streams', formatInt(d.streams), 'streams'],
    ['With HTTP errors', formatInt(d.httpErrors), 'http-errors'],
    ['Lint errors / warnings', `${formatInt(d.lint.error)} / ${formatInt(d.lint.warning)}${d.lint.pending ? ` (${formatInt(d.lint.pending)} not linted yet)` : ''}`, 'lint'],
  ];
  const pick = (key: 'providers' | 'models' | 'formats' | 'dialects') => (b: Bar) => filter({ [key]: [b.key] });
  // Paths inside the folder shown: its own prefix says nothing and costs the label its end.
  const inFolder = (p: string) => (under?.path && p.startsWith(under.path + '/') ? p.slice(under.path.length + 1) : p);
  const csvName = `tapedeck-${(under?.path || title).replace(/[^\w.-]+/g, '-')}.csv`;
  return (
    <div className="dashboard" data-testid="folder-dashboard" data-scope={under ? `${under.rootId}:${under.path}` : ''}>
      <header className="dash-head">
        <h3>
          Folder overview <span className="dash-scope" data-testid="dash-title">{title}</span>
        </h3>
        <span className="spacer" />
        {scope && open ? (
          <button type="button" className="chip" onClick={() => store.getState().showDashboard(null)} data-testid="dash-back" title="Back to the open cassette (Escape)">
            Back to {open.slice(open.lastIndexOf('/') + 1)}
          </button>
        ) : null}
        {under ? (
          <button type="button" className="chip" onClick={() => store.getState().showDashboard(open ? { rootId: null, path: '' } : null)} data-testid="dash-all">
            All folders
          </button>
        ) : null}
        <button type="button" className="chip" data-testid="dash-csv" onClick={() => downloadText(csvName, dashboardCsv(rows), 'text/csv')}>
          Export CSV
        </button>
      </header>
      <dl className="dash-stats">
        {stats.map(([label, value, id]) => (
          <div key={id} data-testid={`dash-${id}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="dash-grid">
        <CostPanel d={d} />
        <RecordingDates dates={d.dates} onPick={(recorded) => filter({ recorded })} />
        <BarChart title="By provider" testId="dash-providers" bars={d.byProvider} onPick={pick('providers')} />
        <BarChart title="By model" testId="dash-models" bars={d.byModel} onPick={pick('models')} />
        <BarChart title="Top 20 cassettes" testId="dash-top-cassettes" bars={d.byCassette} limit={20} label={inFolder} onPick={(b) => filter({ under: { rootId: b.rootId ?? '', path: b.key } })} />
        <BarChart title="Formats" testId="dash-formats" bars={d.byFormat} onPick={pick('formats')} measure="files" />
        <BarChart title="Dialects" testId="dash-dialects" bars={d.byDialect} onPick={pick('dialects')} measure="files" />
      </div>
    </div>
  );
}
