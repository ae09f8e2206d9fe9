/**
 * One explanation per stream event (what it added to the assembled message), grouped for the
 * event list's kind filter and searchable for the jump keys. A single pass of the dialect's own
 * assembler, so the notes agree with what the replay shows.
 */
import type { StreamEvent } from '../model/llm';
import { createAssembler } from './dialects';
import type { StepNote, StepTag } from './assemblers/step-note';
import type { Dialect } from './dialects';

export type { StepNote, StepTag } from './assemblers/step-note';

export function explainEvents(events: readonly StreamEvent[], dialect: Dialect): StepNote[] {
  const a = createAssembler(dialect);
  return events.map((e) => a.explain(e));
}

/** The event list's filter groups. */
export const EVENT_GROUPS = ['text', 'reasoning', 'tool', 'usage', 'other'] as const;
export type EventGroup = (typeof EVENT_GROUPS)[number];

export const GROUP_LABEL: Record<EventGroup, string> = { text: 'text', reasoning: 'reasoning', tool: 'tool', usage: 'usage/finish', other: 'other' };

const TAG_GROUP: Record<StepTag, EventGroup> = {
  text: 'text',
  reasoning: 'reasoning',
  'tool-start': 'tool',
  'tool-args': 'tool',
  finish: 'usage',
  usage: 'usage',
  error: 'other',
  done: 'other',
  meta: 'other',
};

/** The groups an event belongs to (one chunk can carry text and the finish reason). */
export function noteGroups(n: StepNote): EventGroup[] {
  // The model name or end flag riding on a content chunk does not make it an "other" event.
  const content = n.tags.filter((t) => t !== 'meta' && t !== 'done');
  if (content.length === 0) return ['other'];
  return [...new Set(content.map((t) => TAG_GROUP[t]))];
}

/** Indices of the events shown when only `groups` are enabled (all of them when every group is). */
export function filterEvents(notes: readonly StepNote[], groups: ReadonlySet<EventGroup>): number[] {
  const out: number[] = [];
  notes.forEach((n, i) => {
    if (noteGroups(n).some((g) => groups.has(g))) out.push(i);
  });
  return out;
}

/** The next (dir 1) or previous (dir -1) event after `from` carrying `tag`, or null. */
export function findTagged(notes: readonly StepNote[], from: number, tag: StepTag, dir: 1 | -1): number | null {
  for (let i = from + dir; i >= 0 && i < notes.length; i += dir) if (notes[i].tags.includes(tag)) return i;
  return null;
}

const CONTENT: readonly StepTag[] = ['text', 'reasoning', 'tool-start', 'tool-args'];

const isContent = (n: StepNote) => n.tags.some((t) => CONTENT.includes(t));

/** The first event that added text, reasoning or a tool call (the "first token"), or null. */
export function firstContentEvent(notes: readonly StepNote[]): number | null {
  const i = notes.findIndex(isContent);
  return i < 0 ? null : i;
}

/**
 * firstContentEvent without explaining the whole stream: steps until the first content event
 * (the timeline wants it for every lane; only the open interaction needs all its notes).
 */
export function firstContentIndex(events: readonly StreamEvent[], dialect: Dialect): number | null {
  const a = createAssembler(dialect);
  for (let i = 0; i < events.length; i++) if (isContent(a.explain(events[i]))) return i;
  return null;
}
