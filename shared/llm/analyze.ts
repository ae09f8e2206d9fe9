/**
 * Everything derived from one interaction (framing → dialect → assembled message → usage → cost)
 * and from a whole cassette (tool-call links, totals). Never throws on recorded data.
 */
import { headerValue } from '../model/cassette';
import type { CassetteAnalysis, CassetteTotals, InteractionAnalysis } from '../model/analysis';
import type { Cassette, Interaction } from '../model/cassette';
import type { Diagnostic } from '../model/diagnostics';
import type { AssembledMessage, Cost, FramedStream } from '../model/llm';
import { frameBody, isStreamFraming } from '../stream/frame';
import { tryJson } from '../stream/json-event';
import { utf8Decode } from '../util/bytes';
import { dialectEntry } from './dialects';
import { estimateCost } from './cost';
import { estimateUsage, missingUsage } from './estimate-usage';
import { detectDialect } from './detect';
import { linkToolCalls } from './links';
import { parseRequest } from './request';
import { isObj } from './usage';
import { vendorOf } from './vendor';
import { errorText } from './assemblers/openai-chat';

export function analyzeInteraction(i: Interaction, ctx: { recordedAt?: string | null } = {}): InteractionAnalysis {
  const diagnostics: Diagnostic[] = [];
  const at = { interaction: i.index };
  const reqJson = i.request.body.parsed ?? tryJson(i.request.body.text ?? utf8Decode(i.request.body.bytes) ?? '');
  const framed = frameBody(i.response.body, i.response.headers);
  // Framing problems (a binary frame cut short, a stray "error:" line) name a byte or an event
  // inside the body, which may be base64 or one escaped line: the body's place is the line to show.
  const r = i.response.body.range;
  const bodyAt = r ? { line: r.start.line, column: r.start.column, range: r } : {};
  for (const d of framed.diagnostics) diagnostics.push({ ...bodyAt, ...d, interaction: i.index });
  const streaming = isStreamFraming(framed.framing);
  const firstJson = framed.events.find((e) => e.json !== undefined)?.json;
  const detected = detectDialect(i.request.url, reqJson, Array.isArray(firstJson) ? firstJson[0] : firstJson);
  const stream: FramedStream | null = streaming ? framed : null;
  const noCost: Cost = { reportedUsd: null, estimatedUsd: null };
  if (!detected) {
    return { index: i.index, provider: null, dialect: null, model: null, streaming, request: null, stream, message: null, usage: null, cost: noCost, diagnostics };
  }
  const request = parseRequest(detected, reqJson);
  const impl = dialectEntry(detected.dialect);
  let message: AssembledMessage | null = null;
  const status = i.response.status;
  if (status !== null && status >= 400) {
    let err = isObj(firstJson) && firstJson.error !== undefined ? errorText(firstJson.error) : '';
    // Error bodies often repeat the status as their code ("429: Provider returned error").
    if (err.startsWith(`${status}: `)) err = err.slice(`${status}: `.length);
    const detail = err ? `: ${err.slice(0, 300)}` : '';
    diagnostics.push({ severity: 'info', code: 'llm.http-error', message: `The provider answered HTTP ${status}${detail}`, ...at });
  } else if (streaming) {
    const a = impl.create();
    for (const ev of framed.events) a.step(ev);
    message = a.snapshot();
    if (!message.done && message.finishReason === null) {
      diagnostics.push({ severity: 'warning', code: 'stream.truncated', message: 'The stream ends without its terminal event (no finish, [DONE] or stop event)', ...at });
    } else if (message.finishReason === null && (detected.dialect === 'openai-chat' || detected.dialect === 'openai-completions')) {
      const why = message.errors.length ? `; the provider said: ${message.errors[message.errors.length - 1].slice(0, 300)}` : '';
      diagnostics.push({ severity: 'warning', code: 'stream.no-finish', message: `The stream ends with [DONE] but no choice sent a finish_reason, so the answer may be cut short${why}`, ...at });
    }
  } else if (framed.framing === 'json' && firstJson !== undefined) {
    message = impl.fromJson(firstJson);
  }
  if (message) {
    for (const e of message.errors) diagnostics.push({ severity: 'warning', code: 'llm.response-error', message: e.slice(0, 500), ...at });
  }
  const model = message?.model ?? request?.model ?? detected.urlModel;
  // Reported usage, plus tokenizer estimates for parts a truncated stream lost (only when a
  // tokenizer is registered: the viewer's worker does, the workspace index does not).
  const usage = message ? estimateUsage({ dialect: detected.dialect, model, streaming, request, message }) : null;
  // Price at the recording date: the format's own timestamp, else the response's Date header
  // (go-vcr and vcrpy record no timestamp, but almost every response carries Date).
  const recordedAt = i.recordedAt ?? httpDate(headerValue(i.response.headers, 'date')) ?? ctx.recordedAt ?? null;
  const reportedUsd = message?.reportedCostUsd ?? null;
  let cost: Cost = { reportedUsd, estimatedUsd: null };
  // The response's model id is the most precise, but price tables sometimes only know the requested alias.
  for (const m of unique([message?.model, request?.model, detected.urlModel])) {
    cost = estimateCost(detected.provider, m, usage, { url: i.request.url, recordedAt, reportedUsd });
    if (cost.estimatedUsd === null) continue;
    // The folder dashboard's "re-record today": same model, same tokens, current prices.
    const today = cost.todayPrices ? cost : estimateCost(detected.provider, m, usage, { url: i.request.url });
    if (today.estimatedUsd !== null) cost.todayUsd = today.estimatedUsd;
    break;
  }
  if (usage?.estimated && cost.estimatedUsd !== null) cost.fromEstimatedUsage = true;
  if (usage?.cacheExcludedFromInput) {
    diagnostics.push({ severity: 'info', code: 'usage.cache-excluded', message: `The host counted input without its ${usage.cacheReadTokens} cached tokens; input is shown with them added (${usage.inputTokens})`, ...at });
  }
  if (usage && cost.estimatedUsd === null && detected.provider !== 'ollama') {
    const why = model ? `the offline price table (genai-prices) has no price for "${model}"` : 'the response names no model';
    diagnostics.push({ severity: 'info', code: 'cost.no-estimate', message: `No cost estimate: ${why}`, ...at });
  }
  const vendor = vendorOf(i.request.url, message?.upstreamProvider);
  return { index: i.index, provider: detected.provider, dialect: detected.dialect, vendor, model, streaming, request, stream, message, usage, cost, diagnostics };
}

/** ISO timestamp of an HTTP date header (RFC 9110 IMF-fixdate and the obsolete forms Date.parse reads), or null. */
export function httpDate(v: string | undefined): string | null {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function unique(xs: (string | null | undefined)[]): string[] {
  return [...new Set(xs.filter((x): x is string => typeof x === 'string' && x !== ''))];
}

export function analyzeCassette(c: Cassette): CassetteAnalysis {
  const recordedAt = c.interactions.find((i) => i.recordedAt)?.recordedAt ?? null;
  const interactions = c.interactions.map((i) => {
    try {
      return analyzeInteraction(i, { recordedAt });
    } catch (e) {
      // A bug here must not hide the rest of the file.
      const d: Diagnostic = { severity: 'error', code: 'analysis.internal', message: `Analysis failed: ${String(e)}`, interaction: i.index };
      const a: InteractionAnalysis = { index: i.index, provider: null, model: null, streaming: false, request: null, stream: null, message: null, usage: null, cost: { reportedUsd: null, estimatedUsd: null }, diagnostics: [d] };
      return a;
    }
  });
  const { links, diagnostics } = linkToolCalls(interactions);
  return { interactions, links, totals: totals(interactions), diagnostics };
}

function totals(list: InteractionAnalysis[]): CassetteTotals {
  const t: CassetteTotals = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, reportedUsd: null, estimatedUsd: null };
  for (const a of list) {
    if (missingUsage(a)) t.usageMissing = (t.usageMissing ?? 0) + 1;
    const est = a.usage?.estimated;
    if (a.usage && est) {
      const inc = (t.includesEstimates ??= { interactions: [], inputTokens: 0, outputTokens: 0 });
      inc.interactions.push(a.index);
      if (est.fields.includes('inputTokens')) inc.inputTokens += a.usage.inputTokens;
      if (est.fields.includes('outputTokens')) inc.outputTokens += a.usage.outputTokens;
    }
    if (a.usage) {
      t.inputTokens += a.usage.inputTokens;
      t.outputTokens += a.usage.outputTokens;
      t.cacheReadTokens += a.usage.cacheReadTokens;
      t.cacheWriteTokens += a.usage.cacheWriteTokens;
      t.reasoningTokens += a.usage.reasoningTokens;
    }
    if (a.cost.reportedUsd !== null) t.reportedUsd = (t.reportedUsd ?? 0) + a.cost.reportedUsd;
    if (a.cost.estimatedUsd !== null) t.estimatedUsd = (t.estimatedUsd ?? 0) + a.cost.estimatedUsd;
  }
  return t;
}
