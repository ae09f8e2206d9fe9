/** One interaction pair of a comparison: heading with status and deltas, then its changes by group. */
import { pairName, signed, usd } from '../../../../shared/diff/describe';
import type { PairDiff } from '../../../../shared/diff/types';
import type { CompareSide } from '../../store/compare-types';
import { ChangeRow, CompareRow } from './change-row';
import { groupChanges } from './compare-groups';
import { InteractionGist } from './interaction-gist';
import { SHAPE_FIELDS, streamShape } from './stream-shape';

export function pairDeltas(p: PairDiff): string {
  const parts: string[] = [];
  if (p.tokens && (p.tokens.input || p.tokens.output)) parts.push(`tokens ${signed(p.tokens.input)} in ${signed(p.tokens.output)} out`);
  if (p.costUsd) parts.push(`cost ${usd(p.costUsd)}`);
  return parts.join(' · ');
}

export function PairSection({ p, a, b, focused }: { p: PairDiff; a: CompareSide; b: CompareSide; focused: boolean }) {
  const groups = groupChanges(p, SHAPE_FIELDS);
  const shapeA = streamShape(a, p.a);
  const shapeB = streamShape(b, p.b);
  const id = `cmp-pair-${p.a ?? 'x'}-${p.b ?? 'x'}`;
  const deltas = pairDeltas(p);
  return (
    <section className={`cmp-pair is-${p.status}${focused ? ' is-focused' : ''}`} aria-labelledby={id} data-testid="cmp-pair" data-status={p.status} data-b={p.b ?? undefined}>
      <h3 id={id} className="cmp-pair-head">
        <span className="mono">{pairName(p)}</span>
        <span className="cmp-pair-label">{p.label}</span>
        <span className={`badge cmp-status-${p.status}`}>{p.status === 'same' ? 'no semantic change' : p.status}</span>
        {p.moved ? <span className="badge" title="Paired by request, at another position">moved</span> : null}
        {deltas ? <span className="muted cmp-deltas">{deltas}</span> : null}
      </h3>
      <div className="cmp-grid" role="table" aria-label={`Changes of ${pairName(p)}`}>
        {p.status === 'added' || p.status === 'removed' ? (
          <CompareRow
            field="interaction"
            a={p.a === null ? <span className="cmp-absent">absent</span> : <InteractionGist a={a.analysis.interactions[p.a]} />}
            b={p.b === null ? <span className="cmp-absent">absent</span> : <InteractionGist a={b.analysis.interactions[p.b]} />}
          />
        ) : null}
        {groups.map((g) => (
          <div key={g.name} role="rowgroup" className={g.info ? 'is-info' : ''}>
            <div className="cmp-group" role="row"><span role="columnheader">{g.name}{g.info ? <span className="muted"> · information, not a change</span> : null}</span></div>
            {g.rows.map((r, k) => <ChangeRow key={k} field={r.field} change={r.change} info={g.info} />)}
          </div>
        ))}
        {shapeA || shapeB ? (
          <div role="rowgroup" className="is-info">
            {groups.some((g) => g.name === 'Stream and timing') ? null : (
              <div className="cmp-group" role="row"><span role="columnheader">Stream and timing<span className="muted"> · information, not a change</span></span></div>
            )}
            <CompareRow field="shape" info testId="cmp-shape" a={shapeA ?? <span className="cmp-absent">absent</span>} b={shapeB ?? <span className="cmp-absent">absent</span>} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
