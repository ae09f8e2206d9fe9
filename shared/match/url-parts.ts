/**
 * URL splitting with the recorders' own rules, not WHATWG's: Python's urlparse (vcrpy) keeps the
 * path and query verbatim and lowercases only `hostname`; Ruby VCR strips a standard port before
 * comparing whole URIs; go-vcr compares `URL.String()`, i.e. the URL as the client built it.
 */
export interface UrlParts {
  scheme: string;
  host: string;
  /** Explicit port, or the scheme's default (vcrpy's `port` property), or null. */
  port: number | null;
  explicitPort: boolean;
  path: string;
  /** Raw query without `?`; null when there is no `?`. */
  query: string | null;
}

const URL_RE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/;
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

export function splitUrl(url: string): UrlParts {
  const m = URL_RE.exec(url.trim());
  if (!m) return { scheme: '', host: '', port: null, explicitPort: false, path: url, query: null };
  const scheme = m[1].toLowerCase();
  const authority = m[2].slice(m[2].lastIndexOf('@') + 1);
  const pm = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
  const hostRaw = pm ? pm[1] : authority;
  const portText = pm?.[2];
  const explicit = portText !== undefined && portText !== '';
  return {
    scheme,
    host: hostRaw.replace(/^\[|\]$/g, '').toLowerCase(),
    port: explicit ? Number(portText) : (DEFAULT_PORTS[scheme] ?? null),
    explicitPort: explicit,
    path: m[3],
    query: m[4] ?? null,
  };
}

/** Ruby VCR's `without_standard_port`: `https://h:443/x` and `https://h/x` are one URI. */
export function withoutStandardPort(url: string): string {
  const p = splitUrl(url);
  if (!p.explicitPort || DEFAULT_PORTS[p.scheme] !== p.port) return url;
  return url.replace(/^([^:]+:\/\/[^/?#]*?):\d+/, '$1');
}

function unquotePlus(s: string): string {
  const t = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(t);
  } catch {
    return t; // Python's unquote leaves malformed escapes as they are
  }
}

/** Python `parse_qsl(q)` (keep_blank_values=False): pairs without `=` or with an empty value are dropped. */
export function parseQsl(q: string | null): [string, string][] {
  const out: [string, string][] = [];
  for (const field of (q ?? '').split('&')) {
    const eq = field.indexOf('=');
    if (eq < 0) continue;
    const value = field.slice(eq + 1);
    if (value === '') continue;
    out.push([unquotePlus(field.slice(0, eq)), unquotePlus(value)]);
  }
  return out;
}

/** vcrpy `Request.query`: `sorted(parse_qsl(query))`, compared as a list (so order-free, repeats count). */
export function vcrpyQuery(q: string | null): string {
  const pairs = parseQsl(q).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return JSON.stringify(pairs);
}

/** Python `parse_qs`: name → values in order; used by vcrpy's form-body transformer. */
export function parseQs(q: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of parseQsl(q)) (out[k] ??= []).push(v);
  return out;
}

/** Ruby `CGI.parse` (VCR's default query_parser): name → values; names order-free, values in order. */
export function cgiParse(q: string | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pair of (q ?? '').split(/[&;]/)) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = unquotePlus(eq < 0 ? pair : pair.slice(0, eq));
    (out[key] ??= []).push(eq < 0 ? '' : unquotePlus(pair.slice(eq + 1)));
  }
  return out;
}

/** Query parameters in order, as pairs, for diffs (every pair kept, blank ones too). */
export function queryPairs(q: string | null): [string, string][] {
  if (!q) return [];
  return q.split('&').filter((f) => f !== '').map((f) => {
    const eq = f.indexOf('=');
    return eq < 0 ? [unquotePlus(f), ''] : [unquotePlus(f.slice(0, eq)), unquotePlus(f.slice(eq + 1))];
  });
}
