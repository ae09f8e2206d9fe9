/**
 * Edits are text splices on the original source: every op plans splices against one
 * EditableDoc and commits them into a new text. Nothing is re-rendered that was not edited, so
 * a saved cassette differs from the original only on the lines that changed.
 */

/** Replace `text.slice(start, end)` with `insert`. Offsets are UTF-16 indices into the source. */
export interface Splice {
  start: number;
  end: number;
  insert: string;
}

/** One applied change, reported with 1-based inclusive line ranges before and after. */
export interface TextChange {
  /** Offsets in the old text. */
  start: number;
  end: number;
  insert: string;
  oldLines: { from: number; to: number };
  newLines: { from: number; to: number };
}

/** What a structured edit (an intent from a view) gives back: the new text and its undo label. */
export type IntentResult = { ok: true; text: string; label: string } | { ok: false; error: string };

export type EditResult<D> =
  | { ok: true; doc: D; text: string; changes: TextChange[]; note?: string }
  | { ok: false; error: string };

export function editError(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
