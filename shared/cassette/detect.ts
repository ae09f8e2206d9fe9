/**
 * Which recorder wrote a document, decided from its top-level shape (never from the file
 * name: vcrpy and go-vcr both write `.yaml`, and Polly HARs are sometimes `.json`).
 */
import type { CassetteFormat } from '../model/cassette';
import type { N, Tree } from '../yaml/tree';

export type Detection =
  | { kind: 'http'; format: CassetteFormat; version: number | string | null }
  /** A recorder cassette that holds no HTTP exchanges (gRPC samples, WebSocket frames). */
  | { kind: 'not-http'; what: string; at: N }
  | { kind: 'not-cassette'; why: string };

const CASSETTE_EXT = /\.(ya?ml|ya?ml\.gz|har|json)$/i;

/** Cheap pre-filter for folder scans: could this path be a cassette at all? */
export function looksLikeCassettePath(path: string): boolean {
  return CASSETTE_EXT.test(path);
}

function versionOf(t: Tree, root: N): number | string | null {
  const v = t.scalar(t.get(root, 'version'));
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

/** Classifies the `interactions:` list shared by go-vcr, vcrpy and the custom pydantic-ai files. */
function detectInteractions(t: Tree, root: N): Detection {
  const version = versionOf(t, root);
  const items = t.list(t.get(root, 'interactions'));
  const first = items[0];
  if (!first) {
    // An empty cassette: go-vcr writes `---\nversion: 2` first, vcrpy sorts keys (`version` last).
    // Any other top-level key (a JSON report, a config file) means it is no cassette.
    const keys = t.entries(root).map(([k]) => k);
    if (keys.some((k) => k !== 'version' && k !== 'interactions'))
      return { kind: 'not-cassette', why: `an empty interactions list beside other keys (${keys.join(', ')})` };
    const goFirst = keys[0] === 'version';
    return { kind: 'http', format: goFirst ? 'go-vcr' : 'vcrpy', version };
  }
  if (t.has(first, 'request_sample') || t.has(first, 'response_sample'))
    return { kind: 'not-http', what: 'a gRPC cassette (pydantic-ai xAI: request_sample/response_sample + raw protobuf)', at: first };
  if (t.has(first, 'direction') && (t.has(first, 'kind') || t.has(first, 'data')))
    return { kind: 'not-http', what: 'a WebSocket message log (kind/direction/data frames, e.g. OpenAI realtime)', at: first };
  const req = t.get(first, 'request');
  const res = t.get(first, 'response');
  if (!t.isMap(req) && !t.isMap(res)) return { kind: 'not-cassette', why: 'interactions have no request/response' };
  if (t.has(req, 'uri') || t.has(req, 'parsed_body') || t.isMap(t.get(res, 'status')))
    return { kind: 'http', format: 'vcrpy', version };
  // go-vcr always writes `version`; without it this is some other document (a JSON report
  // with an interactions list, say), which must not show up as an empty go-vcr cassette.
  if (version === null) return { kind: 'not-cassette', why: 'interactions without a version key or vcrpy request fields' };
  return { kind: 'http', format: 'go-vcr', version };
}

export function detectFormat(t: Tree, root: N): Detection {
  if (!t.isMap(root)) return { kind: 'not-cassette', why: 'the top level is not a mapping' };
  if (t.isSeq(t.get(root, 'http_interactions'))) return { kind: 'http', format: 'ruby-vcr', version: null };
  const log = t.get(root, 'log');
  if (t.isMap(log) && t.isSeq(t.get(log, 'entries')))
    return { kind: 'http', format: 'har', version: t.str(t.get(log, 'version')) };
  if (t.isSeq(t.get(root, 'requests')) && t.isSeq(t.get(root, 'responses')))
    return { kind: 'http', format: 'langchain', version: null };
  if (t.isSeq(t.get(root, 'interactions'))) return detectInteractions(t, root);
  return { kind: 'not-cassette', why: 'no interactions, http_interactions, log.entries or requests/responses key' };
}
