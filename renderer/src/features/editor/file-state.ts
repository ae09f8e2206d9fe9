/**
 * The open file against the disk: clean / dirty / conflict. Pure transitions, so every path
 * where an unsaved edit could be lost is spelled out here and unit-tested.
 */
export interface FileState {
  /** Text and revision on disk as we last knew them (what "dirty" compares against). */
  baseText: string;
  baseRevision: string;
  /** The file changed on disk while we had unsaved edits: the disk's version. */
  conflict: { revision: string; text: string } | null;
  /** The user chose "keep mine": the next save overwrites the disk (`force`). */
  force: boolean;
}

export type FileEvent =
  | { type: 'external-change'; revision: string; text: string; current: string }
  | { type: 'reload' } //     conflict: take the disk's version (discard mine)
  | { type: 'keep-mine' } //  conflict: keep my text, overwrite on save
  | { type: 'saved'; revision: string; text: string };

export function initFileState(text: string, revision: string): FileState {
  return { baseText: text, baseRevision: revision, conflict: null, force: false };
}

export const isDirty = (f: FileState, current: string) => current !== f.baseText;

/**
 * What an external change means for the UI: `reload` (nothing unsaved: take the disk's text),
 * `conflict` (show the banner), or `same` (disk now equals our text: nothing to resolve).
 */
export function externalChange(f: FileState, e: { revision: string; text: string; current: string }): { state: FileState; action: 'reload' | 'conflict' | 'same' } {
  if (e.text === e.current) return { state: { baseText: e.text, baseRevision: e.revision, conflict: null, force: false }, action: 'same' };
  if (!isDirty(f, e.current)) return { state: initFileState(e.text, e.revision), action: 'reload' };
  return { state: { ...f, conflict: { revision: e.revision, text: e.text }, force: false }, action: 'conflict' };
}

export function fileTransition(f: FileState, e: FileEvent): FileState {
  switch (e.type) {
    case 'external-change':
      return externalChange(f, e).state;
    case 'reload':
      return f.conflict ? initFileState(f.conflict.text, f.conflict.revision) : f;
    case 'keep-mine':
      // The disk's text becomes the base we diverge from, so "dirty" stays true and the
      // save quotes the disk's revision; `force` also covers a further change before saving.
      return f.conflict ? { baseText: f.conflict.text, baseRevision: f.conflict.revision, conflict: null, force: true } : f;
    case 'saved':
      return initFileState(e.text, e.revision);
  }
}
