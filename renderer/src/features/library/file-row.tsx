import type { CassetteSummary } from '../../../../shared/model/summary';
import { formatTokensShort, formatUsd } from '../../lib/format';

/** One file in the sidebar: name on top, badges (or the parse error) below. */
/** "changed #1 #3": which interactions a re-recording on disk altered (null: unknown). */
function RerecordedBadge({ changed, onReview }: { changed: number[] | null; onReview?: () => void }) {
  const list = changed?.length ? changed.map((i) => `#${i}`).join(' ') : '';
  const title = changed === null ? 'Changed on disk' : changed.length ? `Changed on disk: interactions ${list} differ from before` : 'Rewritten on disk with the same interactions';
  // Not a tab stop (the tree is one, with arrow keys): the open file's banner is the keyboard path.
  return (
    <button
      type="button"
      tabIndex={-1}
      className="badge badge-rerecorded"
      data-testid="badge-rerecorded"
      title={`${title}. Click to compare with the version before.`}
      onClick={(e) => {
        e.stopPropagation();
        onReview?.();
      }}
    >
      changed{list ? ` ${list}` : ''}
    </button>
  );
}

/**
 * The index note in a few words for the one-line row ("a WebSocket message log"); the full
 * sentence is the row's tooltip. Notes read "This looks like X (details), not recorded HTTP…"
 * or "Not a cassette: why".
 */
export function shortNote(note: string): string {
  const m = /looks like (.+?)(?: \(|, not |;|$)/.exec(note) ?? /^Not a cassette: (.+)$/.exec(note);
  return (m?.[1] ?? note).replace(/^(a|an) /, '');
}

export function FileRow({ s, name, dirty, rerecorded, onReview }: { s: CassetteSummary; name: string; dirty?: boolean; rerecorded?: number[] | null; onReview?: () => void }) {
  const errs = s.errorStatuses.filter((c) => c >= 400);
  const cost = s.reportedUsd ?? s.estimatedUsd;
  return (
    <>
      <div className="row-name" title={s.relPath}>
        {name}
        {dirty ? <span className="dirty-dot" data-testid="row-dirty" title="Unsaved changes"> ●</span> : null}
      </div>
      {s.kind === 'pending' ? (
        <div className="row-badges"><span className="badge badge-pending" data-testid="badge-pending">parsing…</span></div>
      ) : s.firstError ? (
        <div className="row-error" data-testid="row-error" title={s.firstError.message}>
          {s.firstError.line && !/\bline \d/.test(s.firstError.message) ? `line ${s.firstError.line}: ` : ''}{s.firstError.message}
        </div>
      ) : s.kind === 'not-cassette' ? (
        <div className="row-badges" title={s.note ?? 'Not an HTTP cassette'}>
          <span className="badge badge-muted" data-testid="badge-not-cassette">not a cassette</span>
          {s.note ? <span className="row-note" data-testid="row-note">{shortNote(s.note)}</span> : null}
        </div>
      ) : (
        <div className="row-badges">
          {rerecorded !== undefined ? <RerecordedBadge changed={rerecorded} onReview={onReview} /> : null}
          {s.format ? <span className="badge" data-testid="badge-format">{s.format}</span> : null}
          <span className="badge" data-testid="badge-interactions" title={`${s.interactions} interactions`}>{s.interactions}×</span>
          {s.streaming ? <span className="badge badge-stream" data-testid="badge-streaming" title="Streamed response">stream</span> : null}
          {errs.length ? <span className="badge badge-error" data-testid="badge-errors" title="HTTP errors">{[...new Set(errs)].join(' ')}</span> : null}
          <LintBadges lint={s.lint} />
          {s.usageMissing ? (
            <span
              className="badge badge-muted"
              data-testid="badge-usage-missing"
              title={`${s.usageMissing} LLM ${s.usageMissing === 1 ? 'response has' : 'responses have'} no usage (a cut-off stream?): not in these totals. Open the file for ≈ estimates.`}
            >
              no usage
            </span>
          ) : null}
          {cost != null ? (
            <span
              className="badge badge-cost"
              data-testid="badge-cost"
              title={`${s.reportedUsd != null ? 'Reported' : 'Estimated'} cost · ${formatTokensShort(s.inputTokens)} in / ${formatTokensShort(s.outputTokens)} out tokens`}
            >
              {s.reportedUsd != null ? '' : '~'}{formatUsd(cost)}
            </span>
          ) : null}
        </div>
      )}
    </>
  );
}

/** The lint pass's counts (the Problems panel's and `tapedeck lint`'s findings); nothing until it has run. */
function LintBadges({ lint }: { lint: CassetteSummary['lint'] }) {
  if (!lint) return null;
  const plural = (n: number, w: string) => `${n} lint ${w}${n === 1 ? '' : 's'}`;
  return (
    <>
      {lint.error ? <span className="badge badge-error" data-testid="badge-lint-errors" title={plural(lint.error, 'error')}>✕ {lint.error}</span> : null}
      {lint.warning ? <span className="badge badge-warn" data-testid="badge-lint-warnings" title={plural(lint.warning, 'warning')}>⚠ {lint.warning}</span> : null}
    </>
  );
}
