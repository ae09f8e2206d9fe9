import type { Usage } from '../../../../shared/model/llm';
import { formatInt } from '../../lib/format';
import { usageSegments } from './cost-bar';

/** Small stacked bar of the disjoint token kinds, with the numbers beside it. */
export function UsageBar({ usage, testId }: { usage: Usage | null; testId?: string }) {
  if (!usage) return <div className="usage usage-none muted" data-testid={testId}>No usage reported</div>;
  const segs = usageSegments(usage);
  return (
    <div className="usage" data-testid={testId}>
      <div className="usage-bar" role="img" aria-label="Token usage">
        {segs.filter((s) => s.share > 0).map((s) => (
          <span key={s.kind} className={`seg seg-${s.kind}`} style={{ flexGrow: s.share }} title={`${s.label}: ${formatInt(s.tokens)}`} />
        ))}
      </div>
      <div className="usage-legend">
        <span data-testid="usage-input"><i className="dot seg-input" />in {formatInt(usage.inputTokens)}</span>
        {usage.cacheReadTokens ? <span><i className="dot seg-cached" />cached {formatInt(usage.cacheReadTokens)}</span> : null}
        {usage.cacheWriteTokens ? <span><i className="dot seg-cache-write" />cache write {formatInt(usage.cacheWriteTokens)}</span> : null}
        <span data-testid="usage-output"><i className="dot seg-output" />out {formatInt(usage.outputTokens)}</span>
        {usage.reasoningTokens ? <span><i className="dot seg-reasoning" />reasoning {formatInt(usage.reasoningTokens)}</span> : null}
        <span data-testid="usage-total" className="muted">total {formatInt(usage.totalTokens)}</span>
      </div>
    </div>
  );
}
