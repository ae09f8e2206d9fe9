/**
 * Timing and clamping for the stream scrubber. Recordings keep only the whole response's
 * duration, not per-event times, so playback spreads the recorded duration evenly over the
 * events ("estimated" in the UI). The cursor is an event index: -1 = before the first event.
 */

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
/** Used when the recorder wrote no duration: a readable pace, not a claim about the recording. */
export const DEFAULT_MS_PER_EVENT = 30;

export function clampCursor(k: number, length: number): number {
  if (length <= 0) return -1;
  if (!Number.isFinite(k)) return k > 0 ? length - 1 : -1;
  return Math.min(length - 1, Math.max(-1, Math.trunc(k)));
}

export function msPerEvent(length: number, durationMs: number | null): number {
  if (length <= 0) return DEFAULT_MS_PER_EVENT;
  if (durationMs == null || !(durationMs > 0)) return DEFAULT_MS_PER_EVENT;
  return durationMs / length;
}

/** Estimated time since the response started at which event k arrived (end of its slot). */
export function timeAtEvent(k: number, length: number, durationMs: number | null): number {
  return (clampCursor(k, length) + 1) * msPerEvent(length, durationMs);
}

/** Inverse of timeAtEvent: the last event that had arrived by time t. */
export function eventAtTime(t: number, length: number, durationMs: number | null): number {
  return clampCursor(Math.floor(t / msPerEvent(length, durationMs)) - 1, length);
}

export interface PlayClock {
  /** Playback position in recording milliseconds. */
  t: number;
}

/**
 * Advances playback by `elapsedMs` of wall time at `speed`. Returns the new position, the
 * cursor there, and whether playback reached the end (so the caller stops).
 */
export function advancePlayback(
  t: number,
  elapsedMs: number,
  speed: number,
  length: number,
  durationMs: number | null,
): { t: number; cursor: number; ended: boolean } {
  const total = length * msPerEvent(length, durationMs);
  const next = Math.min(total, t + Math.max(0, elapsedMs) * speed);
  return { t: next, cursor: eventAtTime(next, length, durationMs), ended: next >= total };
}

/** Where playback starts: from the cursor, or from the beginning when the cursor is at the end. */
export function playStartTime(cursor: number, length: number, durationMs: number | null): number {
  if (cursor >= length - 1) return 0;
  return timeAtEvent(cursor, length, durationMs);
}

export function nextSpeed(current: number, dir: 1 | -1): number {
  const i = SPEEDS.findIndex((s) => s >= current);
  const at = i < 0 ? SPEEDS.length - 1 : i;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, at + dir))];
}
