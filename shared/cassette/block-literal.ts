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
export function resolveLiteralFast(source: string, parentIndent: number, chomp: '' | '-' | '+'): string | null {
  if (source.includes('\r')) return null;
  let k = 0;
  while (source.charCodeAt(k) === 32) k++;
  const first = source.charCodeAt(k);
  // First line must hold content (leading empty lines can change the indentation rules).
  if (k <= parentIndent || k === 0 || first === 10 || Number.isNaN(first)) return null;
  // Trailing line breaks are chomping's business; the content ends at the last non-break.
  let end = source.length;
  while (end > 0 && source.charCodeAt(end - 1) === 10) end--;
  const trailingBreaks = source.length - end;
  // A last line of spaces would be trailing whitespace to yaml; a missing final break is rare.
  if (source.charCodeAt(end - 1) === 32 || (chomp !== '-' && trailingBreaks === 0)) return null;
  const indent = ' '.repeat(k);
  // Every content line starts with the indentation or is empty (native regex scans, no split).
  let bad = badLine.get(k);
  if (!bad) badLine.set(k, (bad = new RegExp(`\\n(?!\\n|${indent})`)));
  const content = source.slice(0, end);
  if (bad.test(content)) return null;
  // One replaceAll over the right slice gives a flat string with the chomped tail already in
  // place: appending a break afterwards would make a rope that the next indexOf flattens.
  if (chomp === '-') return content.slice(k).replaceAll('\n' + indent, '\n');
  if (chomp === '') return source.slice(k, end + 1).replaceAll('\n' + indent, '\n');
  return source.slice(k).replaceAll('\n' + indent, '\n');
}

const badLine = new Map<number, RegExp>();
