import type { Usage, UsageField } from '../../../../shared/model/llm';
import { formatInt } from '../../lib/format';
import { usageSegments } from './cost-bar';

/**
 * One legend number. Estimated ones (the response lost its usage and a tokenizer counted the
 * text) get a leading "≈" and the estimate's note as their tooltip, so they are never read as billed.
 */
function Num({ usage, field, label, dot, testId }: { usage: Usage; field: UsageField; label: string; dot?: string; testId?: string }) {
  const est = usage.estimated?.fields.includes(field) ? usage.estimated : undefined;
  return (
    <span data-testid={testId} className={dot ? undefined : 'muted'} {...(est ? { 'data-estimated': 'true', title: `Estimated (${est.tokenizer}): ${est.note}` } : {})}>
      {dot ? <i className={`dot ${dot}`} /> : null}
      {label} {est ? '≈' : ''}{formatInt(usage[field])}
    </span>
  );
}

/** Small stacked bar of the disjoint token kinds, with the numbers beside it. */
export function UsageBar({ usage, testId }: { usage: Usage | null; testId?: string }) {
  if (!usage) return <div className="usage usage-none muted" data-testid={testId}>No usage reported</div>;
  const segs = usageSegments(usage);
  const est = usage.estimated;
  return (
    <div className="usage" data-testid={testId} {...(est ? { 'data-estimated': 'true' } : {})}>
      <div className="usage-bar" role="img" aria-label={est ? 'Token usage (partly estimated)' : 'Token usage'}>
        {segs.filter((s) => s.share > 0).map((s) => (
          <span key={s.kind} className={`seg seg-${s.kind}`} style={{ flexGrow: s.share }} title={`${s.label}: ${formatInt(s.tokens)}`} />
        ))}
      </div>
      <div className="usage-legend">
        <Num usage={usage} field="inputTokens" label="in" dot="seg-input" testId="usage-input" />
        {usage.cacheReadTokens ? <Num usage={usage} field="cacheReadTokens" label="cached" dot="seg-cached" /> : null}
        {usage.cacheWriteTokens ? <Num usage={usage} field="cacheWriteTokens" label="cache write" dot="seg-cache-write" /> : null}
        <Num usage={usage} field="outputTokens" label="out" dot="seg-output" testId="usage-output" />
        {usage.reasoningTokens ? <Num usage={usage} field="reasoningTokens" label="reasoning" dot="seg-reasoning" /> : null}
        <Num usage={usage} field="totalTokens" label="total" testId="usage-total" />
      </div>
    </div>
  );
}
