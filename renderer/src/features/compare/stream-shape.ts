/**
 * How a paired response streamed on each side: events, recorded duration, first byte and first
 * token where the recording has them (the timeline's own figures, lane-timing.ts). A re-record
 * always changes these, so they are information, never a change.
 */
import type { CompareSide } from '../../store/compare-types';
import { formatDuration } from '../../lib/format';
import { laneTiming } from '../timeline/lane-timing';

/** The diff model's info fields this row stands in for. */
export const SHAPE_FIELDS: ReadonlySet<string> = new Set(['stream.events', 'timing.durationMs']);

export function streamShape(side: CompareSide, i: number | null): string | null {
  if (i === null) return null;
  const it = side.cassette.interactions[i];
  const ia = side.analysis.interactions[i];
  if (!it) return null;
  const t = laneTiming(it, ia);
  const parts = [ia?.stream ? `${ia.stream.events.length} events` : 'not streamed'];
  if (it.durationMs != null) parts.push(formatDuration(it.durationMs));
  if (t.firstByteMs != null) parts.push(`first byte ${formatDuration(t.firstByteMs)}`);
  if (t.firstTokenMs != null && ia?.stream) parts.push(`first token ≈ ${formatDuration(t.firstTokenMs)}`);
  return parts.join(' · ');
}
