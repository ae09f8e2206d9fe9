/**
 * What the fixtures cost: reported by the provider against the price table's estimate (on the
 * interactions that have both, the only fair comparison), and what recording them all again
 * would cost at today's prices, with the assumption that figure rests on said on screen.
 */
import type { Dashboard } from '../../../../shared/workspace/dashboard';
import { formatInt, formatUsd } from '../../lib/format';

/** "+12%" / "−3%" of b against a; empty when a is 0. */
function delta(a: number, b: number): string {
  if (!a) return '';
  const pct = ((b - a) / a) * 100;
  if (Math.abs(pct) < 0.5) return 'same';
  return `${pct > 0 ? '+' : '−'}${Math.abs(pct) < 10 ? Math.abs(pct).toFixed(1) : Math.round(Math.abs(pct))}%`;
}

const n = (k: number, one: string, many = `${one}s`) => `${formatInt(k)} ${k === 1 ? one : many}`;

export function CostPanel({ d }: { d: Dashboard }) {
  const { pair } = d;
  return (
    <section className="dash-chart dash-cost" data-testid="dash-cost" aria-label="Cost">
      <h4>Cost</h4>
      <dl className="dash-figures">
        <div data-testid="dash-reported">
          <dt>Reported by providers</dt>
          <dd>{formatUsd(d.reportedUsd)}</dd>
        </div>
        <div data-testid="dash-estimated">
          <dt>Estimated at the recording date</dt>
          <dd>{formatUsd(d.estimatedUsd)}</dd>
        </div>
        <div data-testid="dash-today">
          <dt>Re-recording everything today</dt>
          <dd>
            {formatUsd(d.todayUsd)} <span className="dash-delta" title="Against the estimate at the recording date">{delta(d.estimatedUsd, d.todayUsd)}</span>
          </dd>
        </div>
      </dl>
      <p className="dash-note" data-testid="dash-pair">
        {pair.interactions ? (
          <>
            Where the provider reported a cost ({n(pair.interactions, 'interaction')}): reported <b>{formatUsd(pair.reportedUsd)}</b>,
            estimated <b>{formatUsd(pair.estimatedUsd)}</b>{' '}
            <span className="dash-delta">({pair.estimatedUsd ? `reported ${delta(pair.estimatedUsd, pair.reportedUsd)} of the estimate` : 'no estimate'})</span>.
          </>
        ) : (
          'No interaction here carries both a reported cost and an estimate to compare.'
        )}
      </p>
      <p className="dash-note muted" data-testid="dash-today-assumption">
        “Today” assumes the same requests get the same token counts as recorded, each priced with the offline price table
        (genai-prices, bundled with this version) at today's prices, without provider discounts or router fees.
        {d.unpriced ? ` ${n(d.unpriced, 'interaction')} with usage the table cannot price ${d.unpriced === 1 ? 'is' : 'are'} in neither estimate.` : ''}
        {d.usageMissing ? ` ${n(d.usageMissing, 'response')} without usage (cut-off streams) ${d.usageMissing === 1 ? 'is' : 'are'} not counted.` : ''}
      </p>
    </section>
  );
}
