import { calcPrice, waitForUpdate, type ModelInfo, type Provider } from '@pydantic/genai-prices';
import { describe, expect, it } from 'vitest';
import { priceCounts, priceFor, type PriceUsage } from '../../../shared/llm/price-fast';

// Usages that exercise every share: plain, cached reads, cache writes, both, zero, and
// past the 200k-token tier boundary some models have.
const USAGES: PriceUsage[] = [
  { input_tokens: 1234, output_tokens: 567 },
  { input_tokens: 9000, output_tokens: 40, cache_read_tokens: 6000 },
  { input_tokens: 5000, output_tokens: 800, cache_write_tokens: 3000 },
  { input_tokens: 7777, output_tokens: 333, cache_read_tokens: 2000, cache_write_tokens: 1500 },
  { input_tokens: 0, output_tokens: 0 },
  { input_tokens: 250_000, output_tokens: 12_345, cache_read_tokens: 100_000 },
  // More cache than input: the library rejects it, and so must the fast way.
  { input_tokens: 10, output_tokens: 5, cache_read_tokens: 50 },
];

/** One timestamp inside each price period of a model (start-date and time-of-day prices). */
function timestamps(m: ModelInfo): Date[] {
  const out = [new Date('2025-06-01T12:00:00Z')];
  if (Array.isArray(m.prices)) {
    for (const c of m.prices) {
      const k = c.constraint as { type?: string; start_date?: string; start_time?: string } | undefined;
      if (k?.type === 'start_date' && k.start_date) out.push(new Date(`${k.start_date}T06:00:00Z`));
      if (k?.type === 'time_of_date' && k.start_time) out.push(new Date(`2025-06-01T${k.start_time.slice(0, 8)}Z`));
    }
  }
  return out;
}

function reference(u: PriceUsage, modelId: string, providerId: string | undefined, timestamp: Date): number | null {
  try {
    return calcPrice(u, modelId, { providerId, timestamp })?.total_price ?? null;
  } catch {
    return null;
  }
}

describe('priceFor equals genai-prices calcPrice', () => {
  it('on every model price of the bundled table, exactly, and mostly without calling it', async () => {
    const providers = (await waitForUpdate()) as Provider[];
    expect(providers.length).toBeGreaterThan(20);
    const before = { ...priceCounts };
    let compared = 0;
    const mismatches: string[] = [];
    for (const p of providers) {
      for (const m of p.models) {
        for (const ts of timestamps(m)) {
          for (const providerId of [p.id, undefined]) {
            for (const u of USAGES) {
              const want = reference(u, m.id, providerId, ts);
              // Twice: the first call may go to the library and teach the cache; the second reads it.
              for (let round = 0; round < 2; round++) {
                const got = priceFor(u, m.id, { providerId, timestamp: ts })?.total ?? null;
                compared++;
                if (got !== want) mismatches.push(`${p.id}/${m.id} @${ts.toISOString()} ${JSON.stringify(u)}: ${got} ≠ ${want}`);
              }
            }
          }
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(40_000);
    // Most calls must have taken the fast way, or this test proves nothing about it.
    const fast = priceCounts.fast - before.fast;
    const library = priceCounts.library - before.library;
    expect(fast / (fast + library)).toBeGreaterThan(0.6);
  });

  it('answers null for a model no provider prices, and keeps answering it', () => {
    expect(priceFor({ input_tokens: 1, output_tokens: 1 }, 'no-such-model-xyz', { providerId: 'openai' })).toBeNull();
    expect(priceFor({ input_tokens: 1, output_tokens: 1 }, 'no-such-model-xyz', { providerId: 'openai' })).toBeNull();
  });

  it('prices by the period in force: an old recording gets the old price', async () => {
    const providers = (await waitForUpdate()) as Provider[];
    const dated = providers.flatMap((p) => p.models.map((m) => ({ p, m }))).find(({ m }) => Array.isArray(m.prices) && m.prices.some((c) => (c.constraint as { type?: string } | undefined)?.type === 'start_date'));
    expect(dated).toBeDefined();
    const { p, m } = dated!;
    const u = { input_tokens: 1_000_000, output_tokens: 1_000_000 };
    const totals = timestamps(m).map((ts) => priceFor(u, m.id, { providerId: p.id, timestamp: ts })?.total);
    const again = timestamps(m).map((ts) => priceFor(u, m.id, { providerId: p.id, timestamp: ts })?.total);
    expect(again).toEqual(totals);
    expect(new Set(totals).size).toBeGreaterThan(1);
  });
});
