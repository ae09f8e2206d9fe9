/**
 * Cost estimate from @pydantic/genai-prices' bundled (offline) price table. Never call its
 * updatePrices/enableAutoUpdate: the app must not fetch anything. The provider-reported cost
 * (OpenRouter usage.cost, xAI ticks) is carried separately as `reportedUsd`.
 */
import { findProvider, type ModelPrice, type Provider as GpProvider } from '@pydantic/genai-prices';
import { priceFor } from './price-fast';
import type { Cost, CostPart, Provider, Usage } from '../model/llm';

export interface CostContext {
  url?: string | null;
  recordedAt?: string | null;
  reportedUsd?: number | null;
}

/** genai-prices provider ids to try for a dialect when the URL does not identify the host. */
const PROVIDER_IDS: Record<string, string> = {
  'openai-chat': 'openai',
  'openai-responses': 'openai',
  anthropic: 'anthropic',
  gemini: 'google',
  bedrock: 'aws',
  cohere: 'cohere',
};

export function estimateCost(provider: Provider | null, model: string | null, usage: Usage | null, ctx: CostContext = {}): Cost {
  const cost: Cost = { reportedUsd: ctx.reportedUsd ?? null, estimatedUsd: null };
  if (!usage || !model || provider === 'ollama') return cost;
  const modelId = model.replace(/^models\//, '');
  const when = ctx.recordedAt ? new Date(ctx.recordedAt) : null;
  const timestamp = when && !Number.isNaN(when.getTime()) ? when : undefined;
  const gpUsage = {
    input_tokens: usage.inputTokens,
    output_tokens: usage.outputTokens,
    cache_read_tokens: usage.cacheReadTokens || undefined,
    cache_write_tokens: usage.cacheWriteTokens || undefined,
    web_searches: usage.webSearches || undefined,
  };
  for (const providerId of candidates(provider, ctx.url ?? null)) {
    const r = priceFor(gpUsage, modelId, providerId ? { providerId, timestamp } : { timestamp });
    if (!r) continue;
    // Float noise (0.00023239999999999998) is meaningless at this precision and breaks equality with reported costs.
    cost.estimatedUsd = Number(r.total.toPrecision(12));
    cost.pricedAs = `${r.provider.id}/${r.model.id}`;
    const parts = costParts(usage, r.price);
    cost.formula = formula(parts);
    cost.parts = parts;
    const unpriced = unpricedFees(usage, r.price);
    if (unpriced.length) cost.unpriced = unpriced;
    cost.priceDate = (timestamp ?? new Date()).toISOString().slice(0, 10);
    if (!timestamp) cost.todayPrices = true;
    return cost;
  }
  return cost;
}

/** genai-prices provider ids to try, most specific first; null lets it match the model across providers. */
function candidates(provider: Provider | null, url: string | null): (string | null)[] {
  const out: (string | null)[] = [];
  if (url && /^https?:\/\//.test(url)) {
    // By id, not the provider object: calcPrice re-normalises a passed object's whole price
    // table on every call; by id it uses the table it already has.
    const id = providerForUrl(url)?.id;
    if (id) out.push(id);
  }
  const id = provider ? PROVIDER_IDS[provider] : undefined;
  if (id) out.push(id);
  out.push(null);
  return out;
}

const providerByUrl = new Map<string, GpProvider | null>();

/**
 * The price table's provider for an API URL (its id prices, its name says who served the call).
 * findProvider matches URL patterns across every provider: remember the answer per URL
 * (without the query). Endpoints repeat across a folder, so this almost always hits.
 */
export function providerForUrl(url: string): GpProvider | null {
  const key = url.split('?')[0];
  let p = providerByUrl.get(key);
  if (p === undefined) {
    try {
      p = findProvider({ providerApiUrl: url }) ?? null;
    } catch {
      p = null;
    }
    if (providerByUrl.size > 10_000) providerByUrl.clear();
    providerByUrl.set(key, p);
  }
  return p;
}

type Tiered = { base: number; tiers: { start: number; price: number }[] };

/** The rate per million tokens that applies at this input size (tiers charge all tokens at the tier rate). */
function rate(p: ModelPrice[string], inputTokens: number): number | null {
  if (typeof p === 'number') return p;
  if (!p || typeof p !== 'object') return null;
  const t = p as unknown as Tiered;
  let r = t.base;
  for (const tier of t.tiers ?? []) if (inputTokens >= tier.start) r = tier.price;
  return r;
}

function money(perM: number): string {
  return `$${Number(perM.toPrecision(6))}/M`;
}

/**
 * The estimate part by part, as the price table charges it: cache shares carved out of the
 * input, then output, the per-request fee and per-search fees (e.g. "154 × $0.6/M" input).
 */
export function costParts(u: Usage, price: ModelPrice): CostPart[] {
  const parts: CostPart[] = [];
  const tok = (label: string, n: number, perM: number | null) => {
    if (perM !== null && n > 0) parts.push({ label, detail: `${n} × ${money(perM)}`, usd: Number(((n * perM) / 1e6).toPrecision(12)) });
  };
  const inRate = rate(price.input_mtok, u.inputTokens);
  const readRate = rate(price.cache_read_mtok, u.inputTokens);
  const writeRate = rate(price.cache_write_mtok, u.inputTokens);
  const cached = (readRate !== null ? u.cacheReadTokens : 0) + (writeRate !== null ? u.cacheWriteTokens : 0);
  tok('input', u.inputTokens - cached, inRate);
  tok('cache read', u.cacheReadTokens, readRate);
  tok('cache write', u.cacheWriteTokens, writeRate);
  tok('output', u.outputTokens, rate(price.output_mtok, u.inputTokens));
  const perK = (v: unknown) => (typeof v === 'number' ? v : null);
  const req = perK(price.requests_kcount);
  if (req !== null) {
    // Perplexity bills the request by search_context_size; the table has one flat rate.
    const note = u.searchContextSize ? ` (the table's flat rate; billed by search_context_size ${u.searchContextSize})` : '';
    parts.push({ label: 'request fee', detail: `1 × $${Number((req / 1000).toPrecision(6))}${note}`, usd: req / 1000 });
  }
  const search = perK(price.web_searches_kcount);
  const n = u.webSearches ?? 0;
  if (search !== null && n > 0) parts.push({ label: n === 1 ? 'web search' : 'web searches', detail: `${n} × $${Number((search / 1000).toPrecision(6))}`, usd: (n * search) / 1000 });
  return parts;
}

const SHORT: Record<string, string> = { input: 'in', output: 'out' };

/** A readable formula, e.g. "154 in × $0.6/M + 56 out × $2.5/M + 1 request fee × $0.012". */
export function formula(parts: CostPart[]): string {
  if (!parts.length) return '0 tokens';
  return parts.map((p) => p.detail.replace(' × ', ` ${SHORT[p.label] ?? p.label} × `)).join(' + ');
}

/** Fees the usage shows that this price has no unit for: the estimate then prices tokens only. */
function unpricedFees(u: Usage, price: ModelPrice): string[] {
  const out: string[] = [];
  const n = u.webSearches ?? 0;
  if (n > 0 && typeof price.web_searches_kcount !== 'number') out.push(`${n} web search${n === 1 ? '' : 'es'}`);
  if (u.searchContextSize && typeof price.requests_kcount !== 'number') out.push(`the request fee (search_context_size ${u.searchContextSize})`);
  return out;
}
