/**
 * Per-field diff of a request against a recorded one, for near misses: method, the URL parts,
 * query parameters and headers as per-key rows, and the body as a JSON path diff when both
 * sides are JSON (else the two texts).
 */
import type { Header } from '../model/cassette';
import { jsonDiff, parseJson } from './json-equal';
import { queryPairs, splitUrl } from './url-parts';
import type { ChangeRow, FieldDiff, MatchRequest } from './types';

function pairRows(rec: [string, string][], req: [string, string][], fold: (k: string) => string): ChangeRow[] {
  const group = (ps: [string, string][]) => {
    const m = new Map<string, { key: string; values: string[] }>();
    for (const [k, v] of ps) (m.get(fold(k)) ?? m.set(fold(k), { key: k, values: [] }).get(fold(k))!).values.push(v);
    return m;
  };
  const a = group(rec);
  const b = group(req);
  const rows: ChangeRow[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const va = a.get(k)?.values.join(', ') ?? null;
    const vb = b.get(k)?.values.join(', ') ?? null;
    if (va !== vb) rows.push({ key: a.get(k)?.key ?? b.get(k)!.key, recorded: va, request: vb });
  }
  return rows;
}

const headerPairs = (hs: Header[]): [string, string][] => hs.map((h) => [h.name, h.value]);

export function fieldDiff(rec: MatchRequest, req: MatchRequest): FieldDiff[] {
  const out: FieldDiff[] = [];
  const scalar = (field: FieldDiff['field'], a: string | null, b: string | null) => {
    if (a !== b) out.push({ field, recorded: a, request: b });
  };
  scalar('method', rec.method, req.method);
  const ua = splitUrl(rec.url);
  const ub = splitUrl(req.url);
  scalar('scheme', ua.scheme, ub.scheme);
  scalar('host', ua.host, ub.host);
  scalar('port', ua.port === null ? null : String(ua.port), ub.port === null ? null : String(ub.port));
  scalar('path', ua.path, ub.path);
  if ((ua.query ?? '') !== (ub.query ?? '')) {
    const rows = pairRows(queryPairs(ua.query), queryPairs(ub.query), (k) => k);
    // Same parameters in another order still differ as strings (go-vcr, Ruby :uri compare those).
    out.push({ field: 'query', recorded: ua.query, request: ub.query, rows });
  }
  const hrows = pairRows(headerPairs(rec.headers), headerPairs(req.headers), (k) => k.toLowerCase());
  if (hrows.length) out.push({ field: 'headers', rows: hrows });
  if ((rec.body ?? '') !== (req.body ?? '') || (rec.body === null) !== (req.body === null)) {
    const ja = parseJson(rec.body);
    const jb = parseJson(req.body);
    const rows = ja.ok && jb.ok ? jsonDiff(ja.value, jb.value) : null;
    // Equal JSON in other bytes (key order, spacing) still fails byte matchers: show both texts then.
    if (rows?.length) out.push({ field: 'body', rows });
    else if (rows) out.push({ field: 'body', recorded: rec.body, request: req.body, rows });
    else out.push({ field: 'body', recorded: rec.body, request: req.body });
  }
  return out;
}
