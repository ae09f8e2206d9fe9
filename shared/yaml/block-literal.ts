/**
 * Resolves a literal block scalar (`|`, `|-`, `|+`) by slicing lines, for the multi-megabyte
 * SSE bodies recorders write this way. yaml's resolver splits the source with a capturing
 * regex and concatenates line by line, which dominated index profiles.
 *
 * Only the plain shape is handled: indentation set by a first content line, every other line
 * either starting with that indentation or empty, no CR, nothing after the last content line
 * but line breaks. Anything else returns null and the caller uses yaml's resolver (which also
 * reports the errors). Equivalence with yaml is checked by test/unit/cassette/block-literal.
 */
/**
 * The content indentation of a literal block the fast paths can read: no CR, and a first line
 * that holds content deeper than its parent (leading empty lines can change the indentation
 * rules); null otherwise.
 */
export function literalIndent(source: string, parentIndent: number): number | null {
  if (source.includes('\r')) return null;
  let k = 0;
  while (source.charCodeAt(k) === 32) k++;
  const first = source.charCodeAt(k);
  return k <= parentIndent || k === 0 || first === 10 || Number.isNaN(first) ? null : k;
}

export function resolveLiteralFast(source: string, parentIndent: number, chomp: '' | '-' | '+'): string | null {
  const k = literalIndent(source, parentIndent);
  if (k === null) return null;
  // Trailing line breaks are chomping's business; the content ends at the last non-break.
  let end = source.length;
  while (end > 0 && source.charCodeAt(end - 1) === 10) end--;
  const trailingBreaks = source.length - end;
  // A last line of spaces would be trailing whitespace to yaml; a missing final break is rare.
  if (source.charCodeAt(end - 1) === 32 || (chomp !== '-' && trailingBreaks === 0)) return null;
  // Every content line starts with the indentation or is empty (native regex scans, no split).
  let bad = badLine.get(k);
  if (!bad) badLine.set(k, (bad = new RegExp(`\\n(?!\\n|${' '.repeat(k)})`)));
  if (bad.test(source.slice(0, end))) return null;
  return literalText(source, k, end, chomp);
}

const badLine = new Map<number, RegExp>();

/**
 * The value of a literal block whose lines are known to be empty or indented by at least `k`
 * (`end`: just after the last content character). split/join rather than replaceAll: V8's
 * replaceAll builds a rope that the next indexOf or hash flattens, a second multi-MB copy;
 * the joined string is flat. Slicing before splitting puts the chomped tail in place, so no
 * `+ '\n'` makes a rope either.
 */
export function literalText(source: string, k: number, end: number, chomp: '' | '-' | '+'): string {
  const cut = chomp === '-' ? end : chomp === '' ? end + 1 : source.length;
  const body = source.slice(k, cut);
  return deindent(body, k);
}

const seps: string[] = [];

/** `source` (lines after the first starting right after their indentation) with `k` columns of indentation removed. */
export function deindent(source: string, k: number): string {
  return source.split((seps[k] ??= '\n' + ' '.repeat(k))).join('\n');
}
