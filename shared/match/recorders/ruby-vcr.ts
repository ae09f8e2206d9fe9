/**
 * Ruby VCR, after lib/vcr/request_matcher_registry.rb, lib/vcr/structs.rb and
 * lib/vcr/cassette/http_interaction_list.rb of vcr/vcr (v6.3, commit 170a54d9 for the registry
 * layout, body_as_json as in 6.x). Default `match_requests_on` is [:method, :uri]. Requests are
 * normalized first: the method is a lowercase symbol and the URI loses a standard port. `query`
 * compares CGI.parse hashes (name order free), `body_as_json` is `body == body ||
 * JSON.parse == JSON.parse`, `headers` compares the header hashes (names as recorded).
 * Playback (response_for): the first unused match in file order; once used, an interaction is
 * replayed again only with allow_playback_repeats, and then the most recently used match wins.
 */
import type { Header } from '../../model/cassette';
import { jsonEqual, parseJson } from '../json-equal';
import { cgiParse, splitUrl, withoutStandardPort } from '../url-parts';
import type { MatchOptions, MatchRequest, Matcher, RecorderSpec } from '../types';

/** Header hash: name as written → values; compared as a Ruby Hash (entry order free). */
function headerHash(headers: Header[]): string {
  const map = new Map<string, string[]>();
  for (const h of headers) (map.get(h.name) ?? map.set(h.name, []).get(h.name)!).push(h.value);
  return JSON.stringify([...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

function sortedQuery(url: string): string {
  return JSON.stringify(Object.entries(cgiParse(splitUrl(url).query)).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

function build(name: string, _opts: MatchOptions): Matcher {
  // A Ruby request body is a String; an absent body is "".
  const body = (r: MatchRequest) => r.body ?? '';
  const fns: Record<string, Matcher['matches']> = {
    method: (a, b) => a.method.toLowerCase() === b.method.toLowerCase(),
    uri: (a, b) => withoutStandardPort(a.url) === withoutStandardPort(b.url),
    host: (a, b) => splitUrl(a.url).host.replace(/\.$/, '') === splitUrl(b.url).host.replace(/\.$/, ''),
    path: (a, b) => splitUrl(a.url).path === splitUrl(b.url).path,
    query: (a, b) => sortedQuery(a.url) === sortedQuery(b.url),
    headers: (a, b) => headerHash(a.headers) === headerHash(b.headers),
    body: (a, b) => body(a) === body(b),
    body_as_json: (a, b) => {
      if (body(a) === body(b)) return true;
      const pa = parseJson(body(a));
      const pb = parseJson(body(b));
      return pa.ok && pb.ok && jsonEqual(pa.value, pb.value);
    },
  };
  return { name, matches: fns[name] };
}

export const RUBY_VCR: RecorderSpec = {
  recorder: 'ruby-vcr',
  source: 'vcr/vcr v6.3 lib/vcr/request_matcher_registry.rb @170a54d9, http_interaction_list.rb',
  defaults: ['method', 'uri'],
  names: ['method', 'uri', 'host', 'path', 'query', 'headers', 'body', 'body_as_json'],
  build,
};
