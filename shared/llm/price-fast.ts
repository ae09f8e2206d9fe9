/**
 * calcPrice from @pydantic/genai-prices, made cheap for indexing. The library re-matches the
 * model against every model of the provider (building RegExps as it goes) and re-validates the
 * price table's unit graph on every call: ~40 µs per interaction, about a sixth of all CPU
 * spent indexing a folder. Both are functions of things that repeat across a folder:
 *  - the match depends only on (provider option, model id), and the table never changes at
 *    run time (we never fetch updates), so it is remembered per pair;
 *  - for a flat price (plain numbers, token and request units only), the total is the
 *    library's own sum, computed here with the same operations in the same order, once that
 *    price has passed the library's validation on an earlier call.
 * Everything else (tiers, time-of-day prices, invalid usage, unknown units) goes to
 * calcPrice itself. test/unit/llm/price-fast.test.ts checks, for every model price in the
 * bundled table, that both give identical totals (===) on usages with and without cache.
 */
import { calcPrice, type ModelInfo, type ModelPrice, type PriceOptions, type Provider } from '@pydantic/genai-prices';

export interface PriceUsage {
  [unit: string]: number | undefined;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens?: number;
  cache_write_tokens?: number;
}

export interface PriceResult {
  total: number;
  provider: Provider;
  model: ModelInfo;
  price: ModelPrice;
}

type Match = { provider: Provider; model: ModelInfo } | null;
const matches = new Map<string, Match>();
/** Prices the library has accepted once (its table checks do not depend on the usage). */
const validated = new WeakSet<ModelPrice>();
const compiled = new WeakMap<ModelPrice, Term[] | null>();
/** How many calls each way took (read by the equivalence test, to know the fast way ran). */
export const priceCounts = { fast: 0, library: 0 };

export function priceFor(usage: PriceUsage, modelId: string, opts: { providerId?: string; timestamp?: Date }): PriceResult | null {
  const key = `${opts.providerId ?? ''}\u0000${modelId}`;
  const match = matches.get(key);
  if (match === null) return null;
  if (match) {
    const price = priceAt(match.model, opts.timestamp ?? new Date());
    const total = price && validated.has(price) ? flatTotal(price, usage) : null;
    if (price && total !== null) {
      priceCounts.fast++;
      return { total, provider: match.provider, model: match.model, price };
    }
  }
  priceCounts.library++;
  let r: ReturnType<typeof calcPrice>;
  try {
    r = calcPrice(usage, modelId, opts as PriceOptions);
  } catch {
    return null; // invalid usage for this price: depends on the usage, so nothing is remembered
  }
  if (matches.size > 10_000) matches.clear();
  matches.set(key, r ? { provider: r.provider, model: r.model } : null);
  if (!r) return null;
  validated.add(r.model_price);
  return { total: r.total_price, provider: r.provider, model: r.model, price: r.model_price };
}

/**
 * The price in force at `when`, as the library picks it; null for constraints other than a
 * start date (time-of-day prices), which are left to the library.
 */
function priceAt(model: ModelInfo, when: Date): ModelPrice | null {
  const list = model.prices;
  if (!Array.isArray(list)) return list;
  for (let i = list.length - 1; i >= 0; i--) {
    const c = list[i].constraint as { type?: string; start_date?: string } | undefined;
    if (c === undefined) return list[i].prices;
    if (c.type !== 'start_date' || c.start_date === undefined) return null;
    if (when >= new Date(c.start_date)) return list[i].prices;
  }
  return list[0]?.prices ?? null;
}

type UsageKey = 'input' | 'output' | 'cacheRead' | 'cacheWrite' | 'requests' | 'zero';
interface Term {
  price: number;
  per: number;
  leaf: UsageKey;
  direction: 'input' | 'output' | 'other';
}

/** Units whose usage we pass. */
const KNOWN: Record<string, Omit<Term, 'price'>> = {
  input_mtok: { per: 1e6, leaf: 'input', direction: 'input' },
  cache_read_mtok: { per: 1e6, leaf: 'cacheRead', direction: 'input' },
  cache_write_mtok: { per: 1e6, leaf: 'cacheWrite', direction: 'input' },
  output_mtok: { per: 1e6, leaf: 'output', direction: 'output' },
  requests_kcount: { per: 1000, leaf: 'requests', direction: 'other' },
};
/**
 * Units we never report usage for and which are no ancestor of the ones we do: their share is
 * price × 0, so they add nothing (and subtract nothing from their ancestors' shares).
 */
const ZERO = new Set([
  'cache_write_1h_mtok', 'input_audio_mtok', 'output_audio_mtok', 'cache_audio_read_mtok', 'input_image_mtok',
  'output_image_mtok', 'cache_image_read_mtok', 'input_video_mtok', 'output_video_mtok', 'output_reasoning_mtok',
  'output_citation_mtok', 'web_searches_kcount', 'storage_searches_kcount', 'audio_hours', 'input_audio_hours',
  'input_document_kpages', 'input_annotated_document_kpages', 'input_text_messages_kcount',
]);

function compile(price: ModelPrice): Term[] | null {
  let terms = compiled.get(price);
  if (terms !== undefined) return terms;
  terms = [];
  for (const [k, v] of Object.entries(price)) {
    if (v === undefined || ZERO.has(k)) continue;
    const unit = KNOWN[k];
    if (!unit || typeof v !== 'number') {
      terms = null; // tiers or a unit we do not model: the library prices it
      break;
    }
    terms.push({ price: v, ...unit });
  }
  compiled.set(price, terms);
  return terms;
}

/** The library's sum for a flat price, or null when the library would have to decide. */
function flatTotal(price: ModelPrice, u: PriceUsage): number | null {
  const terms = compile(price);
  // Per-search fees are left to the library (their unit is among ZERO only for usages without searches).
  if (!terms || (u.web_searches ?? 0) > 0) return null;
  const cacheRead = u.cache_read_tokens ?? 0;
  const cacheWrite = u.cache_write_tokens ?? 0;
  for (const n of [u.input_tokens, u.output_tokens, cacheRead, cacheWrite]) if (!Number.isSafeInteger(n) || n < 0) return null;
  // A priced cache share is carved out of the input share (the library's leaf values).
  let carved = 0;
  for (const t of terms) if (t.leaf === 'cacheRead') carved += cacheRead;
  for (const t of terms) if (t.leaf === 'cacheWrite') carved += cacheWrite;
  const leaves: Record<UsageKey, number> = {
    input: u.input_tokens - carved,
    output: u.output_tokens,
    cacheRead,
    cacheWrite,
    requests: 1,
    zero: 0,
  };
  if (leaves.input < 0) return null; // the library rejects this usage
  let input = 0;
  let output = 0;
  let other = 0;
  for (const t of terms) {
    const v = (t.price * leaves[t.leaf]) / t.per;
    if (t.direction === 'input') input += v;
    else if (t.direction === 'output') output += v;
    else other += v;
  }
  return input + output + other;
}
