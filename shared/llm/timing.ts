/**
 * Timing figures per interaction, only as far as the recording supports them. HAR and Polly keep
 * phases (`timings`): time to first byte is exact, the first token is placed by its event's byte
 * offset inside the receive phase (per-event arrival times are never recorded), and throughput
 * is output tokens over the receive phase. go-vcr keeps one duration (vcrpy and Ruby VCR none),
 * so those give throughput over the whole duration, labelled as such.
 */
import type { Interaction } from '../model/cassette';
import type { StreamEvent } from '../model/llm';

export interface InteractionTiming {
  /** What the figures rest on. */
  basis: 'phases' | 'duration' | 'none';
  totalMs: number | null;
  /** Request start to the first response byte (blocked + dns + connect + send + wait). */
  firstByteMs: number | null;
  /** Estimated arrival of the first content event (see the file comment). */
  firstTokenMs: number | null;
  outputTokensPerSec: number | null;
  /** 'receive': over the streaming phase; 'duration': over the whole response, waiting included. */
  throughputOver: 'receive' | 'duration' | null;
}

export interface TimingInput {
  outputTokens: number | null;
  /** Stream events and the index of the first content event, for streams. */
  events?: readonly StreamEvent[];
  firstContent?: number | null;
  bodyLength: number;
}

export function interactionTiming(it: Interaction, inp: TimingInput): InteractionTiming {
  const t = it.timings;
  const total = it.durationMs != null && it.durationMs > 0 ? it.durationMs : null;
  const out = inp.outputTokens && inp.outputTokens > 0 ? inp.outputTokens : null;
  if (t && t.wait !== null) {
    const firstByte = (t.blocked ?? 0) + (t.dns ?? 0) + (t.connect ?? 0) + (t.send ?? 0) + t.wait;
    const receive = t.receive ?? (total !== null ? Math.max(0, total - firstByte) : 0);
    let firstToken: number | null = firstByte;
    if (inp.events) {
      const ev = inp.firstContent != null ? inp.events[inp.firstContent] : undefined;
      firstToken = ev ? firstByte + receive * fraction(ev.offset, inp.bodyLength) : null;
    }
    const streamed = inp.events !== undefined && receive > 0;
    const over = streamed ? receive : (total ?? firstByte + receive);
    return {
      basis: 'phases',
      totalMs: total ?? firstByte + receive,
      firstByteMs: firstByte,
      firstTokenMs: firstToken,
      outputTokensPerSec: out && over > 0 ? (out * 1000) / over : null,
      throughputOver: out && over > 0 ? (streamed ? 'receive' : 'duration') : null,
    };
  }
  if (total !== null) {
    return { basis: 'duration', totalMs: total, firstByteMs: null, firstTokenMs: null, outputTokensPerSec: out ? (out * 1000) / total : null, throughputOver: out ? 'duration' : null };
  }
  return { basis: 'none', totalMs: null, firstByteMs: null, firstTokenMs: null, outputTokensPerSec: null, throughputOver: null };
}

function fraction(offset: number, length: number): number {
  return length > 0 ? Math.min(1, Math.max(0, offset / length)) : 0;
}

/**
 * Events per bin along the body (by byte offset), scaled so the busiest bin is 1: the lane's
 * density strip. Bytes stand in for time because that is what the recording keeps.
 */
export function densityBins(events: readonly StreamEvent[], bodyLength: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  if (events.length === 0 || bins <= 0) return counts;
  for (const e of events) counts[Math.min(bins - 1, Math.floor(fraction(e.offset, bodyLength) * bins))]++;
  const max = Math.max(...counts);
  return counts.map((c) => c / max);
}
