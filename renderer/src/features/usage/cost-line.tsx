import type { Cost } from '../../../../shared/model/llm';
import { formatUsd } from '../../lib/format';

/**
 * Reported (as billed) and estimated cost side by side. The estimate's hover shows the formula
 * and the date of the price used, because price tables change and an estimate is only as good
 * as the row it came from.
 */
export function CostLine({ cost, testId }: { cost: Pick<Cost, 'reportedUsd' | 'estimatedUsd' | 'formula' | 'priceDate' | 'pricedAs'>; testId?: string }) {
  const estTip = [
    cost.formula ? `Formula: ${cost.formula}` : 'No matching price in the table',
    cost.priceDate ? `Price as of ${cost.priceDate}` : null,
    cost.pricedAs ? `Priced as ${cost.pricedAs}` : null,
  ].filter(Boolean).join('\n');
  return (
    <div className="cost" data-testid={testId}>
      <span className="cost-item" title="Cost the provider reported in the response (as billed)">
        <span className="cost-label">reported</span>
        <span className="cost-value" data-testid="cost-reported">{formatUsd(cost.reportedUsd)}</span>
      </span>
      <span className="cost-item" title={estTip} data-testid="cost-estimated-item">
        <span className="cost-label">estimated</span>
        <span className="cost-value" data-testid="cost-estimated">{cost.estimatedUsd != null ? `~${formatUsd(cost.estimatedUsd)}` : '–'}</span>
        {cost.priceDate ? <span className="muted cost-date">({cost.priceDate})</span> : null}
      </span>
    </div>
  );
}
