/**
 * Timing figures and the event density strip for every lane of a cassette, computed once per
 * analysis. Streams reuse the event notes the event list caches (first content event), or
 * step only as far as the first content event: explaining every lane in full made a cassette
 * of many long streams slow to open.
 */
import { densityBins, interactionTiming, type InteractionTiming } from '../../../../shared/llm/timing';
import type { InteractionAnalysis } from '../../../../shared/model/analysis';
import type { Interaction } from '../../../../shared/model/cassette';
import { firstContentFor } from '../replay/event-notes';

export const DENSITY_BINS = 48;

export interface LaneTiming extends InteractionTiming {
  /** Streams only: events per stretch of the body, 0..1. */
  density: number[] | null;
}

export function laneTiming(it: Interaction, ia: InteractionAnalysis | undefined): LaneTiming {
  const events = ia?.stream?.events;
  const bodyLength = it.response.body.bytes.length;
  const t = interactionTiming(it, {
    outputTokens: ia?.usage?.outputTokens ?? null,
    events,
    firstContent: events ? firstContentFor(events, ia?.dialect) : null,
    bodyLength,
  });
  return { ...t, density: events && events.length > 0 ? densityBins(events, bodyLength, DENSITY_BINS) : null };
}

/** A CSS gradient drawing the density strip: one stop pair per bin, opacity by density. */
export function densityGradient(bins: readonly number[]): string {
  const w = 100 / bins.length;
  const stops = bins.map((d, i) => {
    const c = `color-mix(in srgb, var(--accent) ${Math.round(d * 100)}%, transparent)`;
    return `${c} ${(i * w).toFixed(2)}% ${((i + 1) * w).toFixed(2)}%`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
