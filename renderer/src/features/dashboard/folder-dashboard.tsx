/** The main area with no cassette open: what the opened folders hold and cost, bars that filter the library. */
import { useMemo } from 'react';
import { dashboardCsv, folderDashboard, MIXED, NONE, type Bar } from '../../../../shared/workspace/dashboard';
import { formatInt, formatUsd } from '../../lib/format';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { emptyFilters } from '../library/filter';
import { downloadText } from '../export/save-text';
import { BarChart } from './bar-chart';

export function FolderDashboard() {
  const summaries = useAppStore((s) => s.summaries);
  const store = useAppStoreApi();
  const d = useMemo(() => folderDashboard(summaries.values()), [summaries]);
  const filter = (patch: Partial<typeof emptyFilters>) => store.getState().setFilters({ ...emptyFilters, ...patch });
  const real = (b: Bar) => b.key !== MIXED && b.key !== NONE;
  const stats: [string, string, string][] = [
    ['Cassettes', formatInt(d.cassettes), 'cassettes'],
    ['Interactions', formatInt(d.interactions), 'interactions'],
    ['Streams', formatInt(d.streams), 'streams'],
    ['With HTTP errors', formatInt(d.httpErrors), 'http-errors'],
    ['Lint errors / warnings', `${formatInt(d.lint.error)} / ${formatInt(d.lint.warning)}`, 'lint'],
    ['Reported cost', formatUsd(d.reportedUsd), 'reported'],
    ['Estimated cost', formatUsd(d.estimatedUsd), 'estimated'],
  ];
  return (
    <div className="dashboard" data-testid="folder-dashboard">
      <header className="dash-head">
        <h3>Folder overview</h3>
        <button type="button" className="chip" data-testid="dash-csv" onClick={() => downloadText('tapedeck-cassettes.csv', dashboardCsv(summaries.values()), 'text/csv')}>
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
        <BarChart title="By provider" testId="dash-providers" bars={d.byProvider} onPick={(b) => real(b) && filter({ providers: [b.key] })} />
        <BarChart title="By model" testId="dash-models" bars={d.byModel} onPick={(b) => real(b) && filter({ models: [b.key] })} />
        <BarChart title="Top 20 cassettes" testId="dash-top-cassettes" bars={d.byCassette} onPick={(b) => filter({ query: b.key })} />
        <BarChart title="Formats" testId="dash-formats" bars={d.byFormat} onPick={(b) => filter({ query: b.key })} />
      </div>
    </div>
  );
}
