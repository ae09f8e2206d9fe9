import type { Cost } from '../../../../shared/model/llm';
import { formatUsd } from '../../lib/format';

const FROM_ESTIMATE =
  'Priced from token counts estimated with a tokenizer, because the response lost or never sent its usage (see the usage tooltip).';

/**
 * Reported (as billed) and estimated cost side by side. The estimate's hover shows the formula
 * and the date of the price used, because price tables change and an estimate is only as good
 * as the row it came from. A price computed from estimated token counts is doubly approximate:
 * it gets "≈" instead of "~" and says so in its tooltip.
 */
export function CostLine({
  cost,
  testId,
  estimateNote,
}: {
  cost: Pick<Cost, 'reportedUsd' | 'estimatedUsd' | 'formula' | 'priceDate' | 'pricedAs' | 'fromEstimatedUsage'>;
  testId?: string;
  /** Why the token counts are estimated (Usage.estimated.note); a generic sentence otherwise. */
  estimateNote?: string;
}) {
  const fromEstimate = cost.fromEstimatedUsage === true && cost.estimatedUsd != null;
  const estTip = [
    fromEstimate ? (estimateNote ? `Priced from estimated token counts. ${estimateNote}` : FROM_ESTIMATE) : null,
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
      <span className="cost-item" title={estTip} data-testid="cost-estimated-item" {...(fromEstimate ? { 'data-estimated': 'true' } : {})}>
        <span className="cost-label">estimated</span>
        <span className="cost-value" data-testid="cost-estimated" {...(fromEstimate ? { 'data-estimated': 'true' } : {})}>
          {cost.estimatedUsd != null ? `${fromEstimate ? '≈' : '~'}${formatUsd(cost.estimatedUsd)}` : '–'}
        </span>
        {cost.priceDate ? <span className="muted cost-date">({cost.priceDate})</span> : null}
      </span>
    </div>
  );
}
