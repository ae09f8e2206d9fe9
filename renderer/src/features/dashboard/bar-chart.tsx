/**
 * A horizontal bar chart in plain SVG (no chart library: a few rects per row cost less than
 * any bundle, and theme colours come straight from the CSS variables). Every bar is a button.
 */
import type { Bar } from '../../../../shared/workspace/dashboard';
import { formatTokensShort, formatUsd } from '../../lib/format';

const ROW = 22;

export function BarChart({ title, bars, onPick, testId }: { title: string; bars: Bar[]; onPick: (b: Bar) => void; testId: string }) {
  const max = Math.max(1e-12, ...bars.map((b) => b.estimatedUsd || b.reportedUsd));
  const maxTokens = Math.max(1, ...bars.map((b) => b.tokens));
  return (
    <section className="dash-chart" data-testid={testId} aria-label={title}>
      <h4>{title}</h4>
      {bars.length === 0 ? <p className="muted">Nothing priced yet.</p> : null}
      {bars.map((b) => {
        const cost = b.estimatedUsd || b.reportedUsd;
        // Unpriced rows still show their tokens, on the same scale among themselves.
        const frac = cost > 0 ? cost / max : b.tokens / maxTokens;
        return (
          <button key={b.key} type="button" className="dash-bar" title={`Filter the library: ${b.key}`} data-testid="dash-bar" data-key={b.key} onClick={() => onPick(b)}>
            <span className="dash-label">{b.key}</span>
            <svg className="dash-svg" viewBox={`0 0 100 ${ROW}`} preserveAspectRatio="none" aria-hidden="true">
              <rect x="0" y="5" width="100" height={ROW - 10} className="dash-track" />
              <rect x="0" y="5" width={Math.max(0.5, frac * 100)} height={ROW - 10} className={cost > 0 ? 'dash-fill' : 'dash-fill-tokens'} />
            </svg>
            <span className="dash-value">
              {formatUsd(b.estimatedUsd)} <span className="muted">est.</span> · {formatUsd(b.reportedUsd)} <span className="muted">rep.</span> · {formatTokensShort(b.tokens)} tok · {b.files} {b.files === 1 ? 'file' : 'files'}
            </span>
          </button>
        );
      })}
    </section>
  );
}
