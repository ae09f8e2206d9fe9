/**
 * Edits of a response that carry over into the later requests' copies of it (history-copies.ts),
 * in the same text result, so one undo takes back both.
 */
import { openEditable } from './document';
import type { AnalysisLookup } from './fragments';
import { editBodies, historyTurns, writeCopies, type CopySlot } from './history-copies';
import type { IntentResult } from './types';

export type HistoryIntent =
  | { kind: 'tool-args'; interaction: number; slot: number; args: string; history?: boolean }
  | { kind: 'response-text'; interaction: number; text: string; history?: boolean };

export interface LaterCopy {
  interaction: number;
  slot: CopySlot;
}

/** The copies of the edited value in later requests, found in `text` (before the edit). */
export function laterCopies(text: string, intent: HistoryIntent, analysis: AnalysisLookup): LaterCopy[] {
  const msg = analysis(intent.interaction)?.message;
  if (!msg) return [];
  const turns = historyTurns(editBodies(openEditable(text)), intent.interaction, analysis);
  if (intent.kind === 'tool-args') {
    const p = msg.toolCalls.findIndex((c) => c.slot === intent.slot);
    if (p < 0) return [];
    // The same turn: as many calls, and this one under the same name.
    return turns.flatMap((t) => (t.calls.length === msg.toolCalls.length && t.calls[p].name === msg.toolCalls[p].name ? [{ interaction: t.interaction, slot: t.calls[p] }] : []));
  }
  if (msg.text === '') return [];
  return turns.flatMap((t) => t.texts.filter((s) => s.value === msg.text).map((slot) => ({ interaction: t.interaction, slot })));
}

/** How many later requests an edit would also update (what the views offer). */
export function laterRequestCount(copies: LaterCopy[]): number {
  return new Set(copies.map((c) => c.interaction)).size;
}

/** Applies the copies' update on top of the response edit `r` (made from `text`). */
export function withHistory(text: string, intent: HistoryIntent, analysis: AnalysisLookup, r: IntentResult): IntentResult {
  if (!r.ok || intent.history === false) return r;
  const copies = laterCopies(text, intent, analysis);
  if (copies.length === 0) return r;
  const w = writeCopies(openEditable(r.text), copies, intent.kind === 'tool-args' ? intent.args : intent.text);
  if (!w.ok) return { ok: false, error: `could not update the later requests (${w.error}); untick "also update" to edit only this response` };
  const n = laterRequestCount(copies);
  return { ok: true, text: w.text, label: `${r.label} and ${n} later request${n === 1 ? '' : 's'}` };
}
