/** The jump keys: the next or previous event of the open stream that carries a given change. */
import { findTagged, type StepTag } from '../../../../shared/llm/explain-events';
import type { AppStore } from '../../store/types';
import { notesFor } from './event-notes';

export type JumpAction = 'nextToolCall' | 'prevToolCall' | 'nextReasoning' | 'prevReasoning' | 'nextFinish' | 'prevFinish' | 'nextError' | 'prevError';

const TARGET: Record<JumpAction, [StepTag, 1 | -1]> = {
  nextToolCall: ['tool-start', 1],
  prevToolCall: ['tool-start', -1],
  nextReasoning: ['reasoning', 1],
  prevReasoning: ['reasoning', -1],
  nextFinish: ['finish', 1],
  prevFinish: ['finish', -1],
  nextError: ['error', 1],
  prevError: ['error', -1],
};

/** Seeks to the target and returns its index, or null when there is none (the cursor stays). */
export function jumpTo(store: AppStore, action: JumpAction): number | null {
  const s = store.getState();
  if (s.doc.status !== 'ready') return null;
  const ia = s.doc.analysis.interactions[s.interactionIndex];
  if (!ia?.stream) return null;
  const [tag, dir] = TARGET[action];
  const at = findTagged(notesFor(ia.stream.events, ia.dialect), s.cursor, tag, dir);
  if (at !== null) {
    s.step(0); // stops playback, as the other stepping keys do
    s.seek(at);
  }
  return at;
}
