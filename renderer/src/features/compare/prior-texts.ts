/**
 * The text a cassette had before it was re-recorded on disk, for the "changed" marks' link.
 * The backend keeps fingerprints, never contents (it reads files on demand), and by the time
 * the watcher reports a change the old bytes are gone from disk. The one copy that still
 * exists is the open file's text in the app, so that is what is kept, at the moment the app
 * reloads it. Bounded: a few files, none over a size limit; anything else compares with HEAD.
 */
export const PRIOR_MAX_FILES = 4;
export const PRIOR_MAX_CHARS = 8_000_000;

/** `texts` with `key` → `text` as the newest entry, the oldest dropped past the limit. */
export function withPrior(texts: ReadonlyMap<string, string>, key: string, text: string): ReadonlyMap<string, string> {
  const next = new Map(texts);
  next.delete(key);
  if (text.length > PRIOR_MAX_CHARS) return next;
  next.set(key, text);
  while (next.size > PRIOR_MAX_FILES) next.delete(next.keys().next().value as string);
  return next;
}
