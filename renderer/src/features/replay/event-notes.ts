/**
 * Per-event explanations of a stream, computed once per framed stream (one pass of the dialect's
 * assembler) and shared by the event list, the envelope view and the jump keys.
 */
import type { Dialect } from '../../../../shared/llm/dialects';
import { explainEvents, firstContentEvent, firstContentIndex, type StepNote } from '../../../../shared/llm/explain-events';
import type { StreamEvent } from '../../../../shared/model/llm';

// Keyed by the events array: an edit re-analyses and brings a new array, so nothing goes stale.
const cache = new WeakMap<readonly StreamEvent[], StepNote[]>();

export function notesFor(events: readonly StreamEvent[], dialect: string | null | undefined): StepNote[] {
  let notes = cache.get(events);
  if (!notes) {
    notes = explainEvents(events, (dialect ?? 'openai-chat') as Dialect);
    cache.set(events, notes);
  }
  return notes;
}

/** The stream's first content event: from the notes when the event list made them, else by stepping to it. */
export function firstContentFor(events: readonly StreamEvent[], dialect: string | null | undefined): number | null {
  const notes = cache.get(events);
  return notes ? firstContentEvent(notes) : firstContentIndex(events, (dialect ?? 'openai-chat') as Dialect);
}

/** Position in `shown` (ascending event indices) of the last event at or before `cursor`, or -1. */
export function shownPosition(shown: readonly number[], cursor: number): number {
  let lo = 0;
  let hi = shown.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (shown[mid] <= cursor) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}
