/**
 * Vocabulary of the matcher explainer: a request as a recorder sees it, the named matchers of
 * each recorder, and what an explanation reports (the interaction replayed, the near misses).
 */
import type { Header } from '../model/cassette';

export type Recorder = 'go-vcr' | 'vcrpy' | 'ruby-vcr';
export const RECORDERS: Recorder[] = ['go-vcr', 'vcrpy', 'ruby-vcr'];

/** A request reduced to what matchers read. `body` null means "no body" (vcrpy tells it from ""). */
export interface MatchRequest {
  method: string;
  url: string;
  headers: Header[];
  body: string | null;
}

export interface MatchOptions {
  /** Matcher names in the recorder's vocabulary; undefined = the recorder's default. */
  matchOn?: string[];
  /** vcrpy/Ruby `allow_playback_repeats`, go-vcr `ReplayableInteractions`. */
  allowRepeats?: boolean;
  /** go-vcr v4 `WithIgnoreHeaders` (and WithIgnoreUserAgent / WithIgnoreAuthorization). */
  ignoreHeaders?: string[];
}

/** One matcher: a name and a predicate over (incoming request, recorded request). */
export interface Matcher {
  name: string;
  matches(req: MatchRequest, rec: MatchRequest): boolean;
}

export interface RecorderSpec {
  recorder: Recorder;
  /** Where the semantics come from (source file and commit we read). */
  source: string;
  defaults: string[];
  /** Every matcher name accepted by --match-on. */
  names: string[];
  build(name: string, opts: MatchOptions): Matcher;
}

export type FieldName = 'method' | 'scheme' | 'host' | 'port' | 'path' | 'query' | 'headers' | 'body';

export interface ChangeRow {
  /** Query parameter, header name, or JSON path (`$.messages[0].content`). */
  key: string;
  recorded: string | null;
  request: string | null;
}

export interface FieldDiff {
  field: FieldName;
  /** Whole-field values for the scalar fields; per-key rows for query, headers and JSON bodies. */
  recorded?: string | null;
  request?: string | null;
  rows?: ChangeRow[];
}

export interface NearMiss {
  index: number;
  /** Matchers of the active list that this interaction fails. */
  failed: string[];
  diff: FieldDiff[];
}

export interface Explanation {
  recorder: Recorder;
  matchers: string[];
  allowRepeats: boolean;
  /** The interaction replayed for this request (after `played`), or null. */
  chosen: number | null;
  /** Every interaction the matchers accept, whether or not already played. */
  candidates: number[];
  /** Matching interactions skipped because they were already played. */
  alreadyPlayed: number[];
  /** When nothing (or something else) is chosen: the closest interactions, best first. */
  nearMisses: NearMiss[];
}
