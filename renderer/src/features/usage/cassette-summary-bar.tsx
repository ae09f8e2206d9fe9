/** Cassette header: path, format, totals (usage bar and cost) and cassette-level diagnostics. */
import { useMemo } from 'react';
import type { DocState } from '../../store/types';
import { useAppStoreApi } from '../../store/store-context';
import { CostLine } from './cost-line';
import { sumCosts, sumUsage } from './cost-bar';
import { UsageBar } from './usage-bar';
import { CompareMenu } from '../compare/compare-menu';

export function CassetteSummaryBar({ doc }: { doc: Extract<DocState, { status: 'ready' }> }) {
  const store = useAppStoreApi();
  const { cassette, analysis } = doc;
  const usage = useMemo(() => {
    const withUsage = analysis.interactions.filter((i) => i.usage);
    return withUsage.length ? sumUsage(withUsage.map((i) => i.usage)) : null;
  }, [analysis]);
  const cost = useMemo(() => {
    const costs = analysis.interactions.map((i) => i.cost);
    const dates = [...new Set(costs.map((c) => c.priceDate).filter(Boolean))];
    return {
      reportedUsd: analysis.totals.reportedUsd ?? sumCosts(costs.map((c) => c.reportedUsd)),
      estimatedUsd: analysis.totals.estimatedUsd ?? sumCosts(costs.map((c) => c.estimatedUsd)),
      formula: costs.map((c, i) => (c.formula ? `#${i}: ${c.formula}` : null)).filter(Boolean).join('\n') || undefined,
      priceDate: dates.join(', ') || undefined,
      todayPrices: costs.some((c) => c.todayPrices) ? (true as const) : undefined,
      unpriced: [...new Set(costs.flatMap((c) => c.unpriced ?? []))],
      fromEstimatedUsage: costs.some((c) => c.fromEstimatedUsage),
    };
  }, [analysis]);
  const diags = [...cassette.diagnostics, ...analysis.diagnostics];
  return (
    <header className="cassette-header" data-testid="cassette-header">
      <div className="cassette-title">
        <span className="cassette-path" data-testid="cassette-path">{doc.ref.relPath}</span>
        <span className="badge">{cassette.format ?? 'unknown format'}</span>
        <span className="muted">{cassette.interactions.length} interaction{cassette.interactions.length === 1 ? '' : 's'}</span>
        {cassette.recordedWith ? <span className="muted">· {cassette.recordedWith}</span> : null}
        <CompareMenu />
      </div>
      {cassette.interactions.length ? (
        <div className="usage-row" data-testid="cassette-usage">
          <UsageBar usage={usage} />
          <CostLine cost={cost} testId="cassette-cost" estimateNote={usage?.estimated?.note} />
        </div>
      ) : null}
      {diags.length ? (
        <ul className="diagnostics" data-testid="cassette-diagnostics">
          {diags.slice(0, 5).map((d, i) => (
            <li key={i} className={`diag-${d.severity}`}>
              {d.line ? (
                <button type="button" className="link-button" onClick={() => store.getState().jumpToLine(d.line!, d.column)}>line {d.line}</button>
              ) : null}{' '}
              {d.message}
            </li>
          ))}
          {diags.length > 5 ? <li className="muted">… {diags.length - 5} more</li> : null}
        </ul>
      ) : null}
    </header>
  );
}
