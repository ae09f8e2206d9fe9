/**
 * go-vcr, after pkg/cassette/cassette.go of dnaeon/go-vcr v4 (commit 5ae9504d, 2024) and
 * cassette/cassette.go of v3.2.0. v3's DefaultMatcher compares `Method` and `URL.String()` only;
 * v4's DefaultMatcher (NewDefaultMatcher) also compares the headers (all of them, minus
 * WithIgnoreHeaders/UserAgent/Authorization), the body bytes, ContentLength, Host, Form and
 * the transport fields. Proto, Trailer, RemoteAddr and RequestURI are not in a pasted request,
 * so they are taken as equal; ContentLength and Host follow from the body and the URL.
 * Playback (getInteraction): the first interaction in file order that matches and has not been
 * replayed, unless ReplayableInteractions.
 */
import type { Header } from '../../model/cassette';
import { parseQs, splitUrl } from '../url-parts';
import type { MatchOptions, MatchRequest, Matcher, RecorderSpec } from '../types';

/** net/textproto CanonicalMIMEHeaderKey for the usual token names: `content-type` → `Content-Type`. */
export function canonicalKey(name: string): string {
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase());
}

/** http.Header as go-vcr compares it: canonical key → values in order; ignored keys removed. */
function headerMap(headers: Header[], ignore: string[]): string {
  const skip = new Set(ignore.map(canonicalKey));
  const map = new Map<string, string[]>();
  for (const h of headers) {
    const k = canonicalKey(h.name);
    if (!skip.has(k)) (map.get(k) ?? map.set(k, []).get(k)!).push(h.value);
  }
  return JSON.stringify([...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

function isFormMethod(m: string): boolean {
  return m === 'POST' || m === 'PUT' || m === 'PATCH';
}

/** r.Form after ParseForm: the query plus an urlencoded body, only for POST/PUT/PATCH (the matcher skips GET). */
function form(r: MatchRequest): string {
  if (!isFormMethod(r.method)) return '{}';
  const out = parseQs(splitUrl(r.url).query ?? '');
  const ct = r.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
  if (ct.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of Object.entries(parseQs(r.body ?? ''))) (out[k] ??= []).push(...v);
  }
  return JSON.stringify(Object.entries(out).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

function build(name: string, opts: MatchOptions): Matcher {
  const ignore = opts.ignoreHeaders ?? [];
  const fns: Record<string, Matcher['matches']> = {
    method: (a, b) => a.method === b.method,
    url: (a, b) => a.url === b.url,
    headers: (a, b) => headerMap(a.headers, ignore) === headerMap(b.headers, ignore),
    // An absent body and an empty one are the same to go-vcr (it reads r.Body into a string).
    body: (a, b) => (a.body ?? '') === (b.body ?? ''),
    form: (a, b) => form(a) === form(b),
  };
  return { name, matches: fns[name] };
}

export const GO_VCR: RecorderSpec = {
  recorder: 'go-vcr',
  source: 'dnaeon/go-vcr v4 pkg/cassette/cassette.go @5ae9504d; v3.2.0 cassette/cassette.go',
  defaults: ['method', 'url', 'headers', 'body', 'form'],
  names: ['method', 'url', 'headers', 'body', 'form'],
  build,
};

/** v3's DefaultMatcher, offered as a preset (`--match-on v3`). */
export const GO_VCR_V3 = ['method', 'url'];
