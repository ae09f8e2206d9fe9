import { literalIndent } from '../yaml/block-literal';

/**
 * True when a big literal block scalar's source reads as exactly `value`, found without
 * building the value: what `resolveBlockValue(tok) === value` (block-verify.ts) says, for the
 * shape resolveBlockValue resolves itself (resolveLiteralFast after `normalised`: LF line
 * ends, blank lines shorter than the indentation read as empty). Verifying a one-line edit of
 * a 20 MB body built and compared a second 20 MB string; this walks the source once.
 *
 * Null for anything else: another shape (a CR, a first line without content, less indented
 * content, trailing spaces at the end) or a mismatch, and the caller resolves the block as
 * before (a correct edit plan always matches, so that slower path only runs for a wrong one).
 * The equivalence is a property test (test/unit/edit/literal-matches.test.ts).
 */
export function literalMatches(source: string, parentIndent: number, chomp: '' | '-' | '+', value: string): true | null {
  const k = literalIndent(source, parentIndent);
  if (k === null) return null;
  // The last content line, after which only (normalised) empty lines follow.
  const n = source.length;
  let end = n;
  let breaks = 0;
  if (source.charCodeAt(n - 1) === 10) {
    end = n - 1;
    breaks = 1;
    for (;;) {
      const ls = source.lastIndexOf('\n', end - 1) + 1;
      if (ls === 0 || !emptyish(source, ls, end, k)) break;
      end = ls - 1;
      breaks++;
    }
  }
  if (source.charCodeAt(end - 1) === 32 || (chomp !== '-' && breaks === 0)) return null;
  // Content lines, each matched against the value where it should stand.
  let vp = 0;
  for (let ls = 0; ls < end; ) {
    let le = source.indexOf('\n', ls);
    if (le < 0 || le > end) le = end;
    if (ls > 0) {
      if (value.charCodeAt(vp) !== 10) return null; // the line break before this line
      vp++;
    }
    if (le > ls && !emptyish(source, ls, le, k)) {
      for (let i = 0; i < k; i++) if (source.charCodeAt(ls + i) !== 32) return null; // less indented content
      const len = le - ls - k;
      if (len > 0 && !value.startsWith(source.slice(ls + k, le), vp)) return null;
      vp += len;
    }
    ls = le + 1;
  }
  const trailer = chomp === '-' ? 0 : chomp === '' ? 1 : breaks;
  if (value.length !== vp + trailer) return null;
  for (let i = vp; i < value.length; i++) if (value.charCodeAt(i) !== 10) return null;
  return true;
}

/**
 * A line that reads as empty: nothing, or (with an indentation of 2 or more) fewer spaces than
 * the indentation. A line of k or more spaces is content (its spaces past the k-th).
 */
function emptyish(s: string, ls: number, le: number, k: number): boolean {
  if (le === ls) return true;
  if (k < 2 || le - ls >= k) return false;
  for (let i = ls; i < le; i++) if (s.charCodeAt(i) !== 32) return false;
  return true;
}
