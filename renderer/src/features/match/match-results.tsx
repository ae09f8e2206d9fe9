/**
 * The answer: the interaction replayed under the default matchers and under the chosen ones,
 * and for near misses which matchers fail and what differs. Each interaction named is a button
 * that selects it in the timeline above.
 */
import type { Explanation, MatchRequest } from '../../../../shared/match';
import { StateMessage } from '../../components/state-message';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { FieldDiffTable } from './field-diff-table';
import type { MatchView } from './match-model';

/** The path alone keeps the button short; the full URL is in its tooltip. */
function pathOf(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url)?.[1] || url;
}

function Pick({ index, recorded }: { index: number; recorded: MatchRequest[] }) {
  const store = useAppStoreApi();
  const selected = useAppStore((s) => s.interactionIndex === index);
  const r = recorded[index];
  return (
    <button
      type="button"
      className={`match-pick ${selected ? 'is-selected' : ''}`}
      aria-pressed={selected}
      onClick={() => store.getState().selectInteraction(index)}
      title={`${r.method} ${r.url}\nSelect this interaction in the timeline`}
      data-testid="match-pick"
      data-index={index}
    >
      <span className="lane-index">#{index}</span> <span className="mono">{r.method} {pathOf(r.url)}</span>
    </button>
  );
}

function Result({ title, e, recorded, testId }: { title: string; e: Explanation; recorded: MatchRequest[]; testId: string }) {
  const others = e.candidates.filter((i) => i !== e.chosen);
  return (
    <section className="match-result" data-testid={testId} data-chosen={e.chosen ?? 'none'}>
      <h4 className="sub-title">{title}</h4>
      <div className="match-matchers mono">{e.matchers.join(' · ')}{e.allowRepeats ? ' · repeats allowed' : ''}</div>
      {e.chosen !== null ? (
        <div className="match-verdict is-match">
          <span className="match-verdict-label">Replays</span> <Pick index={e.chosen} recorded={recorded} />
          {others.length ? (
            <div className="match-also" data-testid="match-also">
              <span>Also matches</span> {others.map((i) => <Pick key={i} index={i} recorded={recorded} />)}
              <span>The same to these matchers, so replay order decides: the first not yet played answers.</span>
            </div>
          ) : null}
        </div>
      ) : (
        <div className="match-verdict is-none" data-testid="match-none">
          <span className="match-verdict-label">Nothing replays</span>{' '}
          {e.nearMisses.length ? 'Closest, fewest failing matchers first:' : 'every interaction fails every matcher.'}
        </div>
      )}
      {e.nearMisses.map((n) => (
        <div key={n.index} className="near-miss" data-testid="near-miss" data-index={n.index}>
          <div className="near-miss-head">
            <Pick index={n.index} recorded={recorded} /> fails {n.failed.map((f) => <span key={f} className="badge badge-error mono">{f}</span>)}
          </div>
          <FieldDiffTable diff={n.diff} matchers={e.matchers} />
        </div>
      ))}
    </section>
  );
}

export function MatchResults({ view, recorded }: { view: MatchView; recorded: MatchRequest[] }) {
  const { byDefault, byChosen } = view;
  return (
    <section className="panel match-results" data-testid="match-results" aria-label="Which interaction replays">
      {!byDefault ? (
        <StateMessage kind="empty" title={view.input ? 'Not a request yet' : 'No request yet'} testId="match-waiting">
          {view.input ? 'Fix the pasted request to see which interaction replays it.' : 'Paste a request on the left, or start from the selected interaction and change it.'}
        </StateMessage>
      ) : (
        <>
          <Result title={`Default ${view.recorder} matching`} e={byDefault} recorded={recorded} testId="match-default" />
          {byChosen ? <Result title="Chosen matchers" e={byChosen} recorded={recorded} testId="match-chosen" /> : null}
          {!byChosen && view.chosen.length ? <p className="muted match-hint">The chosen matchers are the defaults; change them on the left to compare.</p> : null}
        </>
      )}
    </section>
  );
}
