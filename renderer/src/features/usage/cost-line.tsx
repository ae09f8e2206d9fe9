import type { Cost } from '../../../../shared/model/llm';
import { formatUsd } from '../../lib/format';

const FROM_ESTIMATE =
  'Priced from token counts estimated with a tokenizer, because the response lost or never sent its usage (see the usage tooltip).';

/**
 * Reported (as billed) and estimated cost side by side. The estimate's hover lists each part
 * (input, cache, output, request and search fees) and the date of the price used, because price
 * tables change and an estimate is only as good as the row it came from; a cassette with no
 * recording date says it was priced today, and fees the table cannot price show "tokens only". A price computed from estimated token counts is doubly approximate:
 * it gets "≈" instead of "~" and says so in its tooltip.
 */
export function CostLine({
  cost,
  testId,
  estimateNote,
}: {
  cost: Pick<Cost, 'reportedUsd' | 'estimatedUsd' | 'formula' | 'priceDate' | 'pricedAs' | 'fromEstimatedUsage' | 'parts' | 'unpriced' | 'todayPrices'>;
  testId?: string;
  /** Why the token counts are estimated (Usage.estimated.note); a generic sentence otherwise. */
  estimateNote?: string;
}) {
  const fromEstimate = cost.fromEstimatedUsage === true && cost.estimatedUsd != null;
  const tokensOnly = cost.estimatedUsd != null && !!cost.unpriced?.length;
  const today = cost.todayPrices === true && cost.estimatedUsd != null;
  const estTip = [
    fromEstimate ? (estimateNote ? `Priced from estimated token counts. ${estimateNote}` : FROM_ESTIMATE) : null,
    cost.parts?.length ? cost.parts.map((p) => `${p.label}: ${p.detail} = ${formatUsd(p.usd)}`).join('\n') : cost.formula ? `Formula: ${cost.formula}` : 'No matching price in the table',
    tokensOnly ? `Tokens only: ${cost.unpriced!.join(', ')} not priced (the price table has no fee for it)` : null,
    today ? `No recording date in the cassette: priced at today's prices (${cost.priceDate})` : cost.priceDate ? `Price as of ${cost.priceDate}` : null,
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
        {tokensOnly ? <span className="cost-tokens-only" data-testid="cost-tokens-only">tokens only</span> : null}
        {today ? (
          <span className="muted cost-date" data-testid="cost-date">(today&apos;s prices)</span>
        ) : cost.priceDate ? (
          <span className="muted cost-date" data-testid="cost-date">({cost.priceDate})</span>
        ) : null}
      </span>
    </div>
  );
}
