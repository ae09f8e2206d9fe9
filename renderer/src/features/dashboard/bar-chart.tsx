/**
 * A horizontal bar chart in plain SVG (no chart library: a few rects per row cost less than
 * any bundle, and theme colours come straight from the CSS variables). Every bar is a button
 * that filters the library.
 */
import { useState } from 'react';
import type { Bar } from '../../../../shared/workspace/dashboard';
import { formatTokensShort, formatUsd } from '../../lib/format';

const ROW = 22;
/** Past this many bars a chart is a list nobody reads: the rest are one click away. */
const SHOWN = 15;
const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;

/** `cost` sizes bars by estimate (else reported cost, else tokens); `files` by file count. */
export function BarChart({ title, bars, onPick, testId, measure = 'cost', label = (k) => k, limit = SHOWN }: {
  title: string;
  bars: Bar[];
  onPick: (b: Bar) => void;
  testId: string;
  measure?: 'cost' | 'files';
  /** What the row shows of its key (the key itself is the tooltip and the filter). */
  label?: (key: string) => string;
  /** Bars shown before "Show all". */
  limit?: number;
}) {
  const cost = (b: Bar) => b.estimatedUsd || b.reportedUsd;
  const max = Math.max(1e-12, ...bars.map(cost));
  const maxTokens = Math.max(1, ...bars.map((b) => b.tokens));
  const maxFiles = Math.max(1, ...bars.map((b) => b.files));
  const [all, setAll] = useState(false);
  const shown = all ? bars : bars.slice(0, limit);
  return (
    <section className="dash-chart" data-testid={testId} aria-label={title}>
      <h4>{title}</h4>
      {bars.length === 0 ? <p className="muted">No cassettes.</p> : null}
      {shown.map((b) => {
        // Unpriced rows still show their tokens, on the same scale among themselves.
        const frac = measure === 'files' ? b.files / maxFiles : cost(b) > 0 ? cost(b) / max : b.tokens / maxTokens;
        const priced = b.estimatedUsd > 0 || b.reportedUsd > 0;
        const money = [
          b.estimatedUsd > 0 ? <span key="e">{formatUsd(b.estimatedUsd)} <span className="muted">est.</span></span> : null,
          b.reportedUsd > 0 ? <span key="r">{formatUsd(b.reportedUsd)} <span className="muted">reported</span></span> : null,
          !priced ? <span key="n" className="muted">no cost</span> : null,
        ];
        return (
          <button key={b.key} type="button" className="dash-bar" title={`${b.key}: filter the library`} data-testid="dash-bar" data-key={b.key} onClick={() => onPick(b)}>
            <span className="dash-label">{label(b.key)}</span>
            <svg className="dash-svg" viewBox={`0 0 100 ${ROW}`} preserveAspectRatio="none" aria-hidden="true">
              <rect x="0" y="5" width="100" height={ROW - 10} className="dash-track" />
              <rect x="0" y="5" width={Math.max(0.5, frac * 100)} height={ROW - 10} className={measure === 'files' ? 'dash-fill-files' : priced ? 'dash-fill' : 'dash-fill-tokens'} />
            </svg>
            <span className="dash-value">
              {measure === 'files' ? <b>{files(b.files)}</b> : null}
              {money.filter(Boolean).map((m, i) => <span key={i}>{i || measure === 'files' ? ' · ' : ''}{m}</span>)}
              {` · ${formatTokensShort(b.tokens)} tok`}
              {measure === 'cost' ? ` · ${files(b.files)}` : ''}
            </span>
          </button>
        );
      })}
      {bars.length > limit ? (
        <button type="button" className="link-button dash-more" onClick={() => setAll(!all)} data-testid="dash-more">
          {all ? `Show the first ${limit}` : `Show all ${bars.length}`}
        </button>
      ) : null}
    </section>
  );
}
