/**
 * Interactions that the cassette's own recorder cannot tell apart under its default matcher
 * although their responses differ: which one a test gets depends only on how many matching
 * requests came before (vcrpy's default ignores the body, so two different prompts to one URL
 * replay in file order). Uses the match engine (shared/match) so lint and `tapedeck match` agree.
 */
import type { Interaction } from '../../model/cassette';
import { explainOnce, recordedRequest, recorderFor } from '../../match';
import { splitUrl } from '../../match/url-parts';
import type { RuleCtx } from '../context';
import { finding } from '../context';
import type { RawFinding } from '../types';

function sameResponse(a: Interaction, b: Interaction): boolean {
  const x = a.response.body.bytes;
  const y = b.response.body.bytes;
  return a.response.status === b.response.status && x.length === y.length && x.every((v, i) => v === y[i]);
}

export function orderDependent(ctx: RuleCtx): RawFinding[] {
  const recorder = recorderFor(ctx.cassette.format);
  if (!recorder) return [];
  const out: RawFinding[] = [];
  // Every default matcher compares the method and the path, so only those buckets can collide.
  const buckets = new Map<string, Interaction[]>();
  for (const it of ctx.cassette.interactions) {
    const key = `${it.request.method.toLowerCase()} ${splitUrl(it.request.url).path}`;
    (buckets.get(key) ?? buckets.set(key, []).get(key)!).push(it);
  }
  for (const group of buckets.values()) {
    if (group.length < 2) continue;
    const recorded = group.map(recordedRequest);
    for (let k = 1; k < group.length; k++) {
      const { candidates } = explainOnce(recorded.slice(0, k), recorded[k], recorder);
      const twin = candidates.map((i) => group[i]).find((o) => !sameResponse(o, group[k]));
      if (!twin) continue;
      const it = group[k];
      out.push(
        finding(
          'match/order-dependent',
          `${recorder}'s default matcher cannot tell interaction ${it.index} from interaction ${twin.index} (their responses differ): which one a request gets depends on replay order`,
          it.index,
          it.range,
        ),
      );
    }
  }
  return out;
}
