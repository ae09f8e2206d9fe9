/**
 * Which interactions of a re-recorded or edited cassette differ from the previous version,
 * given per-interaction content fingerprints of both. Returns indices into `after`; an
 * interaction that merely moved (one inserted above it) is not reported as changed, so we
 * match on a longest common subsequence rather than by position. Null means "unknown"
 * (no previous fingerprints), which the UI treats as "everything may have changed".
 */
const LCS_CELL_LIMIT = 4_000_000;

export function diffInteractions(
  before: readonly string[] | null | undefined,
  after: readonly string[],
): number[] | null {
  if (!before) return null;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  const midB = before.slice(start, endB);
  const midA = after.slice(start, endA);
  const changed: number[] = [];
  if (midA.length === 0) return changed;
  if (midB.length === 0 || midB.length * midA.length > LCS_CELL_LIMIT) {
    // Nothing to match against, or too big to match: positional comparison is good enough.
    for (let i = 0; i < midA.length; i++) if (midB[i] !== midA[i]) changed.push(start + i);
    return changed;
  }
  const kept = lcsMatchedIndices(midB, midA);
  for (let i = 0; i < midA.length; i++) if (!kept.has(i)) changed.push(start + i);
  return changed;
}

/** Indices of `b` that take part in one longest common subsequence of `a` and `b`. */
function lcsMatchedIndices(a: readonly string[], b: readonly string[]): Set<number> {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const table = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] =
        a[i] === b[j]
          ? table[(i + 1) * w + j + 1] + 1
          : Math.max(table[(i + 1) * w + j], table[i * w + j + 1]);
    }
  }
  const matched = new Set<number>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      matched.add(j);
      i++;
      j++;
    } else if (table[(i + 1) * w + j] >= table[i * w + j + 1]) i++;
    else j++;
  }
  return matched;
}
