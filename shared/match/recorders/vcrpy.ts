/**
 * vcrpy, after vcr/matchers.py, vcr/request.py and vcr/cassette.py of kevin1024/vcrpy (v7,
 * commit 012c9e5c): the default `match_on` of VCR() is method, scheme, host, port, path, query.
 * `query` is sorted(parse_qsl(...)) so order and blank values do not count; `headers` compares
 * a case-insensitive dict (one value per name); `body` runs the transformers both requests
 * agree on (chunked → form → JSON) before comparing, `raw_body` compares the bytes.
 * Playback (play_response): the first match in file order whose play count is 0, unless
 * allow_playback_repeats, which then always replays the first match.
 */
import type { Header } from '../../model/cassette';
import { jsonEqual, parseJson } from '../json-equal';
import { parseQs, splitUrl, vcrpyQuery } from '../url-parts';
import type { MatchOptions, MatchRequest, Matcher, RecorderSpec } from '../types';

function header(headers: Header[], name: string): string {
  return headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value ?? '';
}

/**
 * HeadersDict: a header recorded as a list keeps its first value; a second key differing only
 * in case replaces the value (keeping the first key's case, which does not matter to ==).
 */
function headerDict(headers: Header[]): string {
  const map = new Map<string, string>();
  const exact = new Set<string>();
  for (const h of headers) {
    if (exact.has(h.name)) continue; // a later item of the same YAML list
    exact.add(h.name);
    map.set(h.name.toLowerCase(), h.value);
  }
  return JSON.stringify([...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/** Undo chunked transfer coding when the body looks chunked; otherwise leave it as it is. */
function dechunk(body: string | null): string | null {
  if (body === null || !/^[0-9a-fA-F]+\r\n/.test(body)) return body;
  const parts: string[] = [];
  let pos = 0;
  for (;;) {
    const m = /^([0-9a-fA-F]+)\r\n/.exec(body.slice(pos));
    if (!m) return body;
    const size = parseInt(m[1], 16);
    if (size === 0) return parts.join('');
    const start = pos + m[0].length;
    if (body.slice(start + size, start + size + 2) !== '\r\n') return body;
    parts.push(body.slice(start, start + size));
    pos = start + size + 2;
  }
}

type Transform = 'chunked' | 'form' | 'json';

function transformsOf(r: MatchRequest): Transform[] {
  const out: Transform[] = [];
  if (header(r.headers, 'Transfer-Encoding').toLowerCase().includes('chunked')) out.push('chunked');
  const ct = header(r.headers, 'Content-Type').toLowerCase();
  if (ct.includes('application/x-www-form-urlencoded')) out.push('form');
  if (ct.includes('application/json')) out.push('json');
  return out;
}

/** `body` matcher: transformed values compared with Python equality; a JSON parse error fails the match. */
function bodyMatches(a: MatchRequest, b: MatchRequest): boolean {
  const ta = transformsOf(a);
  const same = ta.join() === transformsOf(b).join();
  let va: unknown = a.body;
  let vb: unknown = b.body;
  for (const t of same ? ta : []) {
    if (t === 'chunked') [va, vb] = [dechunk(va as string | null), dechunk(vb as string | null)];
    if (t === 'form') [va, vb] = [parseQs((va as string | null) ?? ''), parseQs((vb as string | null) ?? '')];
    if (t === 'json') {
      // _transform_json: an empty or absent body becomes None, anything else json.loads (raising on bad JSON).
      const pa = va ? parseJson(va as string) : { ok: true as const, value: null };
      const pb = vb ? parseJson(vb as string) : { ok: true as const, value: null };
      if (!pa.ok || !pb.ok) return false;
      [va, vb] = [pa.value, pb.value];
    }
  }
  return jsonEqual(va, vb);
}

function build(name: string, _opts: MatchOptions): Matcher {
  const u = (r: MatchRequest) => splitUrl(r.url);
  const fns: Record<string, Matcher['matches']> = {
    method: (a, b) => a.method === b.method,
    uri: (a, b) => a.url === b.url,
    scheme: (a, b) => u(a).scheme === u(b).scheme,
    host: (a, b) => u(a).host === u(b).host,
    port: (a, b) => u(a).port === u(b).port,
    path: (a, b) => u(a).path === u(b).path,
    query: (a, b) => vcrpyQuery(u(a).query) === vcrpyQuery(u(b).query),
    headers: (a, b) => headerDict(a.headers) === headerDict(b.headers),
    // None and b"" differ for raw_body (read_body returns the body as it is).
    raw_body: (a, b) => a.body === b.body,
    body: bodyMatches,
  };
  return { name, matches: fns[name] };
}

export const VCRPY: RecorderSpec = {
  recorder: 'vcrpy',
  source: 'kevin1024/vcrpy v7 vcr/matchers.py, vcr/request.py, vcr/cassette.py @012c9e5c',
  defaults: ['method', 'scheme', 'host', 'port', 'path', 'query'],
  names: ['method', 'uri', 'scheme', 'host', 'port', 'path', 'query', 'headers', 'raw_body', 'body'],
  build,
};
