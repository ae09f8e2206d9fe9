/**
 * Cost estimate from @pydantic/genai-prices' bundled (offline) price table. Never call its
 * updatePrices/enableAutoUpdate: the app must not fetch anything. The provider-reported cost
 * (OpenRouter usage.cost, xAI ticks) is carried separately as `reportedUsd`.
 */
import { findProvider, type ModelPrice } from '@pydantic/genai-prices';
import { priceFor } from './price-fast';
import type { Cost, Provider, Usage } from '../model/llm';

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
  };
  for (const providerId of candidates(provider, ctx.url ?? null)) {
    const r = priceFor(gpUsage, modelId, providerId ? { providerId, timestamp } : { timestamp });
    if (!r) continue;
    // Float noise (0.00023239999999999998) is meaningless at this precision and breaks equality with reported costs.
    cost.estimatedUsd = Number(r.total.toPrecision(12));
    cost.pricedAs = `${r.provider.id}/${r.model.id}`;
    cost.formula = formula(usage, r.price);
    cost.priceDate = (timestamp ?? new Date()).toISOString().slice(0, 10);
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
    const id = providerIdForUrl(url);
    if (id) out.push(id);
  }
  const id = provider ? PROVIDER_IDS[provider] : undefined;
  if (id) out.push(id);
  out.push(null);
  return out;
}

const providerByUrl = new Map<string, string | null>();

/**
 * findProvider matches URL patterns across every provider: remember the answer per URL
 * (without the query). Endpoints repeat across a folder, so this almost always hits.
 */
function providerIdForUrl(url: string): string | null {
  const key = url.split('?')[0];
  let id = providerByUrl.get(key);
  if (id === undefined) {
    try {
      id = findProvider({ providerApiUrl: url })?.id ?? null;
    } catch {
      id = null;
    }
    if (providerByUrl.size > 10_000) providerByUrl.clear();
    providerByUrl.set(key, id);
  }
  return id;
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

/** A readable formula, e.g. "154 in × $0.6/M + 56 out × $2.5/M". */
export function formula(u: Usage, price: ModelPrice): string {
  const terms: string[] = [];
  const inRate = rate(price.input_mtok, u.inputTokens);
  const readRate = rate(price.cache_read_mtok, u.inputTokens);
  const writeRate = rate(price.cache_write_mtok, u.inputTokens);
  const cached = (readRate !== null ? u.cacheReadTokens : 0) + (writeRate !== null ? u.cacheWriteTokens : 0);
  const plainIn = u.inputTokens - cached;
  if (inRate !== null && plainIn > 0) terms.push(`${plainIn} in × ${money(inRate)}`);
  if (readRate !== null && u.cacheReadTokens > 0) terms.push(`${u.cacheReadTokens} cache read × ${money(readRate)}`);
  if (writeRate !== null && u.cacheWriteTokens > 0) terms.push(`${u.cacheWriteTokens} cache write × ${money(writeRate)}`);
  const outRate = rate(price.output_mtok, u.inputTokens);
  if (outRate !== null && u.outputTokens > 0) terms.push(`${u.outputTokens} out × ${money(outRate)}`);
  return terms.length ? terms.join(' + ') : '0 tokens';
}
