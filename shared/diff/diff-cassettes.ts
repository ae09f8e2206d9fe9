/**
 * The semantic diff of two cassettes (see types.ts): parse-level values from parseCassette and
 * analyzeCassette, interactions paired by request (pair-interactions.ts), then per pair the
 * request, the response and the headers, with volatile fields set apart.
 */
import { analyzeCassette } from '../llm/analyze';
import type { CassetteAnalysis, InteractionAnalysis } from '../model/analysis';
import type { Cassette, Interaction } from '../model/cassette';
import { diffBody, diffHeaders } from './diff-http';
import { diffLlmRequest } from './diff-request';
import { costOf, diffMessage, diffUsage } from './diff-response';
import { pairInteractions } from './pair-interactions';
import type { CassetteDiff, Change, DiffOptions, PairDiff } from './types';

export function diffCassettes(a: Cassette, b: Cassette, opts: DiffOptions = {}): CassetteDiff {
  const aa = analyzeCassette(a);
  const ab = analyzeCassette(b);
  return diffAnalyzed(a, aa, b, ab, opts);
}

export function diffAnalyzed(a: Cassette, aa: CassetteAnalysis, b: Cassette, ab: CassetteAnalysis, opts: DiffOptions = {}): CassetteDiff {
  const pairs = pairInteractions(a, aa, b, ab).map((p) => {
    const ia = p.a === null ? undefined : a.interactions[p.a];
    const ib = p.b === null ? undefined : b.interactions[p.b];
    const d = diffPair(ia, p.a === null ? undefined : aa.interactions[p.a], ib, p.b === null ? undefined : ab.interactions[p.b], opts);
    return { a: p.a, b: p.b, moved: p.moved, ...d };
  });
  return withTotals(a, b, pairs);
}

/** Interaction `i` of A against interaction `j` of B, as a diff with that one pair ("Compare with…" one interaction). */
export function diffOnePair(a: Cassette, aa: CassetteAnalysis, i: number, b: Cassette, ab: CassetteAnalysis, j: number, opts: DiffOptions = {}): CassetteDiff {
  if (!a.interactions[i] && !b.interactions[j]) return withTotals(a, b, []);
  const d = diffPair(a.interactions[i], aa.interactions[i], b.interactions[j], ab.interactions[j], opts);
  return withTotals(a, b, [{ a: a.interactions[i] ? i : null, b: b.interactions[j] ? j : null, moved: false, ...d }]);
}

function withTotals(a: Cassette, b: Cassette, pairs: PairDiff[]): CassetteDiff {
  const tokens = { input: 0, output: 0 };
  let costUsd: number | null = null;
  for (const p of pairs) {
    if (p.tokens) {
      tokens.input += p.tokens.input;
      tokens.output += p.tokens.output;
    }
    if (p.costUsd !== null) costUsd = (costUsd ?? 0) + p.costUsd;
  }
  return {
    a: { path: a.path, format: a.format, interactions: a.interactions.length },
    b: { path: b.path, format: b.format, interactions: b.interactions.length },
    pairs,
    changed: pairs.some((p) => p.status !== 'same'),
    tokens,
    costUsd,
  };
}

/** Diff of two interactions (either may be missing: added or removed). */
export function diffPair(
  ia: Interaction | undefined,
  xa: InteractionAnalysis | undefined,
  ib: Interaction | undefined,
  xb: InteractionAnalysis | undefined,
  opts: DiffOptions = {},
): Omit<PairDiff, 'a' | 'b' | 'moved'> {
  const any = (ib ?? ia) as Interaction;
  const model = xb?.model ?? xa?.model;
  const label = `${any.request.method.toUpperCase()} ${pathOf(any.request.url)}${model ? ` · ${model}` : ''}`;
  const tokens = tokenDelta(xa, xb);
  const ca = costOf(xa);
  const cb = costOf(xb);
  const costUsd = ca === null && cb === null ? null : (cb ?? 0) - (ca ?? 0);
  if (!ia || !ib || !xa || !xb) return { status: ia ? 'removed' : 'added', label, changes: [], info: [], tokens, costUsd };
  const changes: Change[] = [];
  const volatile: Change[] = [];
  const take = (r: { changes: Change[]; volatile: Change[] }) => {
    changes.push(...r.changes);
    volatile.push(...r.volatile);
  };
  if (ia.request.method !== ib.request.method) changes.push({ field: 'request.method', kind: 'value', before: ia.request.method, after: ib.request.method });
  if (ia.request.url !== ib.request.url) changes.push({ field: 'request.url', kind: 'value', before: ia.request.url, after: ib.request.url });
  if (xa.request && xb.request) changes.push(...diffLlmRequest(xa.request, xb.request));
  else take(diffBody('request.body', ia.request.body, ib.request.body, !!opts.showVolatile));
  const provider = xb.provider ?? xa.provider;
  take(diffHeaders('request', ia.request.headers, ib.request.headers, provider));
  if (ia.response.status !== ib.response.status) changes.push({ field: 'response.status', kind: 'value', before: ia.response.status, after: ib.response.status });
  if (xa.message && xb.message) {
    take(diffMessage(xa.message, xb.message));
    changes.push(...diffUsage(xa, xb));
  } else take(diffBody('response.body', ia.response.body, ib.response.body, !!opts.showVolatile));
  take(diffHeaders('response', ia.response.headers, ib.response.headers, provider));
  const info: Change[] = [];
  const events = (x: InteractionAnalysis) => x.stream?.events.length ?? null;
  if (events(xa) !== events(xb)) info.push({ field: 'stream.events', kind: 'value', before: events(xa), after: events(xb) });
  if (ia.durationMs !== ib.durationMs) info.push({ field: 'timing.durationMs', kind: 'value', before: ia.durationMs, after: ib.durationMs });
  if (opts.showVolatile) info.push(...volatile);
  return { status: changes.length ? 'changed' : 'same', label, changes, info, tokens, costUsd };
}

function tokenDelta(xa: InteractionAnalysis | undefined, xb: InteractionAnalysis | undefined): PairDiff['tokens'] {
  if (!xa?.usage && !xb?.usage) return null;
  return {
    input: (xb?.usage?.inputTokens ?? 0) - (xa?.usage?.inputTokens ?? 0),
    output: (xb?.usage?.outputTokens ?? 0) - (xa?.usage?.outputTokens ?? 0),
  };
}

function pathOf(url: string): string {
  const m = /^[a-z][\w+.-]*:\/\/[^/?#]*/i.exec(url);
  return m ? url.slice(m[0].length) || '/' : url;
}
