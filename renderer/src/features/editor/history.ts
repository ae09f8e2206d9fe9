/**
 * One undo history of whole cassette texts, shared by typing in Monaco and structured edits
 * from the views. Texts, not diffs: every edit op returns a fresh text and never mutates its
 * input, so "undo" is just "go back to the previous text" and can never drift out of sync.
 */
export interface History {
  readonly past: readonly string[];
  readonly present: string;
  readonly future: readonly string[];
  /** Label of the entry that produced `present` ("typing", "Rename call_1"), for coalescing. */
  readonly label: string | null;
}

/** Bounds memory: 200 copies of a 1 MB cassette is already a lot. */
export const HISTORY_LIMIT = 200;

export function initHistory(text: string): History {
  return { past: [], present: text, future: [], label: null };
}

/**
 * Records a new text. With `coalesce` (typing bursts) a run of entries with the same label
 * collapses into one, so Ctrl+Z undoes a word or a line, not a keystroke.
 */
export function pushText(h: History, text: string, label: string, coalesce = false): History {
  if (text === h.present) return h;
  if (coalesce && h.label === label && h.past.length > 0 && h.future.length === 0) {
    return { past: h.past, present: text, future: [], label };
  }
  const past = [...h.past, h.present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: text, future: [], label };
}

export function undo(h: History): History {
  if (!h.past.length) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future], label: null };
}

export function redo(h: History): History {
  if (!h.future.length) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1), label: null };
}

export const canUndo = (h: History) => h.past.length > 0;
export const canRedo = (h: History) => h.future.length > 0;

/**
 * The smallest single replacement turning `a` into `b` (common prefix and suffix kept), so an
 * undo or a structured edit touches only the changed lines in Monaco and keeps the cursor.
 */
export function minimalReplace(a: string, b: string): { start: number; end: number; insert: string } | null {
  if (a === b) return null;
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { start: p, end: a.length - s, insert: b.slice(p, b.length - s) };
}
