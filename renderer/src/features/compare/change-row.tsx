/**
 * One change as a row of the side-by-side grid: the field, then A's side and B's side. Word
 * diffs put deletions on the left and additions on the right; JSON diffs get a row per
 * changed path (a tool call's `$.city`).
 */
import { compactWords } from '../../../../shared/diff/describe';
import type { Change, WordOp } from '../../../../shared/diff/types';

const MAX_VALUE = 600;

export function cellText(v: unknown): string {
  if (v === undefined) return '';
  const s = typeof v === 'string' ? v : v === null ? 'null' : JSON.stringify(v) ?? String(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s;
}

/** Long field paths wrap after a dot or bracket, not inside a name. */
const breakable = (field: string) => field.replace(/([\w\]])(?=[.[])/g, '$1\u200b');

function Absent() {
  return <span className="cmp-absent">absent</span>;
}

function Words({ ops, side }: { ops: WordOp[]; side: 'a' | 'b' }) {
  const skip = side === 'a' ? 'add' : 'del';
  return (
    <>
      {compactWords(ops, 120).map((o, k) =>
        o.op === skip ? null : o.op === 'same' ? <span key={k}>{o.text}</span> : o.op === 'del' ? <del key={k}>{o.text}</del> : <ins key={k}>{o.text}</ins>,
      )}
    </>
  );
}

function Row({ field, a, b, info, testId }: { field: string; a: React.ReactNode; b: React.ReactNode; info?: boolean; testId?: string }) {
  return (
    <div className={`cmp-row${info ? ' is-info' : ''}`} role="row" data-testid={testId ?? 'cmp-row'} data-field={field}>
      <div className="cmp-field mono" role="rowheader" title={field}>{breakable(field)}</div>
      <div className="cmp-a" role="cell">{a}</div>
      <div className="cmp-b" role="cell">{b}</div>
    </div>
  );
}

export function ChangeRow({ field, change: c, info }: { field: string; change: Change; info: boolean }) {
  switch (c.kind) {
    case 'text':
      return <Row field={field} info={info} a={<Words ops={c.words ?? []} side="a" />} b={<Words ops={c.words ?? []} side="b" />} />;
    case 'added':
      return <Row field={field} info={info} a={<Absent />} b={<ins>{cellText(c.after)}</ins>} />;
    case 'removed':
      return <Row field={field} info={info} a={<del>{cellText(c.before)}</del>} b={<Absent />} />;
    case 'json':
      return (
        <>
          {(c.entries ?? []).map((e) => (
            <Row
              key={e.path}
              field={`${field} ${e.path}`}
              info={info}
              a={'before' in e ? <del>{cellText(JSON.stringify(e.before))}</del> : <Absent />}
              b={'after' in e ? <ins>{cellText(JSON.stringify(e.after))}</ins> : <Absent />}
            />
          ))}
        </>
      );
    default:
      return <Row field={field} info={info} a={c.before == null ? <Absent /> : <del>{cellText(c.before)}</del>} b={c.after == null ? <Absent /> : <ins>{cellText(c.after)}</ins>} />;
  }
}

export { Row as CompareRow };
