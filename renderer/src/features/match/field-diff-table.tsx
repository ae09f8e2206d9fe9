/**
 * A near miss's per-field diff: method and URL parts as one row each, query parameters and
 * headers per name, a JSON body per path. Fields none of the active matchers read are dimmed
 * and say so: they differ, but they are not why the interaction was passed over.
 */
import { comparedFields, type FieldDiff } from '../../../../shared/match';

interface Row {
  field: FieldDiff['field'];
  label: string;
  recorded: string | null | undefined;
  request: string | null | undefined;
  note?: string;
}

function rowsOf(d: FieldDiff): Row[] {
  const out: Row[] = [];
  if (d.recorded !== undefined || d.request !== undefined) out.push({ field: d.field, label: d.field, recorded: d.recorded, request: d.request });
  for (const r of d.rows ?? []) out.push({ field: d.field, label: d.field === 'body' ? r.key : `${d.field === 'headers' ? 'header' : 'param'} ${r.key}`, recorded: r.recorded, request: r.request });
  if (d.rows && d.rows.length === 0 && d.field !== 'headers') {
    out.push({ field: d.field, label: '', recorded: undefined, request: undefined, note: d.field === 'body' ? 'same JSON, other bytes (key order, spacing)' : 'same parameters, other order' });
  }
  return out;
}

function Value({ v }: { v: string | null | undefined }) {
  if (v === undefined) return null;
  if (v === null) return <span className="muted">(none)</span>;
  return <span title={v.length > 200 ? v : undefined}>{v.length > 200 ? v.slice(0, 200) + '…' : v}</span>;
}

export function FieldDiffTable({ diff, matchers }: { diff: FieldDiff[]; matchers: string[] }) {
  const compared = comparedFields(matchers);
  return (
    <table className="field-diff" data-testid="field-diff">
      <thead>
        <tr><th>Field</th><th>Recorded</th><th>Request</th></tr>
      </thead>
      <tbody>
        {diff.flatMap(rowsOf).map((r, i) => (
          <tr key={i} className={compared.has(r.field) ? '' : 'is-ignored'} data-field={r.field} data-testid="field-diff-row" title={compared.has(r.field) ? undefined : 'No active matcher compares this field'}>
            <th className="mono">
              {r.label}
              {compared.has(r.field) || r.label === '' ? null : <span className="field-ignored">not compared</span>}
            </th>
            {r.note ? <td colSpan={2} className="muted">{r.note}</td> : (
              <>
                <td className="mono diff-old"><Value v={r.recorded} /></td>
                <td className="mono diff-new"><Value v={r.request} /></td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
