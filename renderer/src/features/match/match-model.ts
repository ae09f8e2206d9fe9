/**
 * What the match panel shows, computed from the parsed cassette in the renderer with the one
 * engine in shared/match (the CLI's `tapedeck match` and `tapedeck replay` use it too): the
 * interaction replayed under the recorder's default matchers and under the chosen ones.
 */
import { explainOnce, parseRequestInput, recorderFor, SPECS } from '../../../../shared/match';
import type { Explanation, MatchRequest, ParsedInput, Recorder } from '../../../../shared/match';
import type { MatchPanelState } from '../../store/types';

export interface MatchView {
  recorder: Recorder;
  /** The recorder that wrote the cassette; null for formats none of the three reads (HAR: Polly). */
  own: Recorder | null;
  /** Every matcher the recorder offers, in its own order, and which are on. */
  names: string[];
  defaults: string[];
  chosen: string[];
  /** null while nothing is pasted. */
  input: ParsedInput | null;
  byDefault: Explanation | null;
  /** null when no matcher is on, or the chosen ones are the defaults (shown once). */
  byChosen: Explanation | null;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function matchView(recorded: MatchRequest[], format: string | null, panel: MatchPanelState): MatchView {
  const own = recorderFor(format);
  const recorder = panel.recorder ?? own ?? 'go-vcr';
  const spec = SPECS[recorder];
  // Spec order, whatever order the boxes were ticked in: the explanation lists them so.
  const chosen = panel.matchOn ? spec.names.filter((n) => panel.matchOn!.includes(n)) : spec.defaults;
  const input = panel.input.trim() === '' ? null : parseRequestInput(panel.input);
  const req = input && 'request' in input ? input.request : null;
  const byDefault = req ? explainOnce(recorded, req, recorder) : null;
  const byChosen = req && chosen.length && !sameList(chosen, spec.defaults) ? explainOnce(recorded, req, recorder, { matchOn: chosen }) : null;
  return { recorder, own, names: spec.names, defaults: spec.defaults, chosen, input, byDefault, byChosen };
}
