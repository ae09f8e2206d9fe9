/**
 * Which recorded interaction a recorder replays for a request. A session keeps the playback
 * state (what was already played, in which order), so a sequence of identical requests walks
 * through the cassette the way each recorder does; `explainOnce` is a fresh session.
 */
import { GO_VCR, GO_VCR_V3 } from './recorders/go-vcr';
import { RUBY_VCR } from './recorders/ruby-vcr';
import { VCRPY } from './recorders/vcrpy';
import { fieldDiff } from './field-diff';
import type { Explanation, MatchOptions, MatchRequest, Matcher, NearMiss, Recorder, RecorderSpec } from './types';

export const SPECS: Record<Recorder, RecorderSpec> = { 'go-vcr': GO_VCR, vcrpy: VCRPY, 'ruby-vcr': RUBY_VCR };

/** The matcher list to use, or an error naming the unknown matcher and the valid ones. */
export function resolveMatchers(recorder: Recorder, matchOn: string[] | undefined): string[] | { error: string } {
  const spec = SPECS[recorder];
  if (!matchOn || matchOn.length === 0) return spec.defaults;
  if (recorder === 'go-vcr' && matchOn.length === 1 && matchOn[0] === 'v3') return GO_VCR_V3;
  const bad = matchOn.filter((n) => !spec.names.includes(n));
  if (bad.length) return { error: `unknown ${recorder} matcher ${bad.map((b) => JSON.stringify(b)).join(', ')} (known: ${spec.names.join(', ')}${recorder === 'go-vcr' ? ', or v3' : ''})` };
  return matchOn;
}

export interface MatchSession {
  recorder: Recorder;
  matchers: string[];
  /** Explain and play: the chosen interaction counts as played afterwards. */
  next(req: MatchRequest): Explanation;
  /** Explain without playing. */
  peek(req: MatchRequest): Explanation;
}

export function createSession(recorded: MatchRequest[], recorder: Recorder, opts: MatchOptions = {}): MatchSession {
  const names = resolveMatchers(recorder, opts.matchOn);
  if ('error' in names) throw new Error(names.error);
  const matchers: Matcher[] = names.map((n) => SPECS[recorder].build(n, opts));
  const repeats = opts.allowRepeats ?? false;
  const played = new Set<number>();
  const usedRecentFirst: number[] = []; // Ruby VCR unshifts used interactions

  const failedBy = (req: MatchRequest, rec: MatchRequest) => matchers.filter((m) => !m.matches(req, rec)).map((m) => m.name);

  function explain(req: MatchRequest): Explanation {
    const failures = recorded.map((rec) => failedBy(req, rec));
    const candidates = failures.flatMap((f, i) => (f.length === 0 ? [i] : []));
    let chosen: number | null;
    // vcrpy and go-vcr with repeats: the first match in file order, played or not. Ruby: an
    // unused match first, then (with repeats) the most recently used one.
    if (repeats && recorder !== 'ruby-vcr') chosen = candidates[0] ?? null;
    else chosen = candidates.find((i) => !played.has(i)) ?? (repeats ? (usedRecentFirst.find((i) => candidates.includes(i)) ?? null) : null);
    const alreadyPlayed = candidates.filter((i) => played.has(i) && i !== chosen);
    return { recorder, matchers: names as string[], allowRepeats: repeats, chosen, candidates, alreadyPlayed, nearMisses: chosen === null ? nearMisses(req, failures) : [] };
  }

  function nearMisses(req: MatchRequest, failures: string[][]): NearMiss[] {
    // As vcrpy's find_requests_with_most_matches: the fewest failed matchers first (ties kept).
    const ranked = failures.map((f, i) => ({ i, f })).filter((x) => x.f.length > 0 && x.f.length < matchers.length);
    ranked.sort((a, b) => a.f.length - b.f.length || a.i - b.i);
    return ranked.slice(0, 3).map(({ i, f }) => ({ index: i, failed: f, diff: fieldDiff(recorded[i], req) }));
  }

  return {
    recorder,
    matchers: names,
    peek: explain,
    next(req) {
      const e = explain(req);
      if (e.chosen !== null && !played.has(e.chosen)) {
        played.add(e.chosen);
        usedRecentFirst.unshift(e.chosen);
      }
      return e;
    },
  };
}

export function explainOnce(recorded: MatchRequest[], req: MatchRequest, recorder: Recorder, opts: MatchOptions = {}): Explanation {
  return createSession(recorded, recorder, opts).peek(req);
}

/** The recorder that wrote a cassette, or null for formats replayed by something else (HAR: Polly). */
export function recorderFor(format: string | null): Recorder | null {
  if (format === 'go-vcr' || format === 'ruby-vcr') return format;
  return format === 'vcrpy' || format === 'langchain' ? 'vcrpy' : null;
}
