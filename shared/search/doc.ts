/**
 * What full-text search keeps of one interaction: a handful of plain-text fields (URL, header
 * lines, request messages, assembled response text, reasoning, tool calls), never the JSON
 * they came from, so a 2,000-file folder's index stays a few MB. A streamed field also keeps
 * where each event's delta ended, so a hit can be mapped back to the first event carrying it.
 */

export type FieldKind = 'url' | 'request-header' | 'response-header' | 'request' | 'text' | 'reasoning' | 'tool';

export interface SearchField {
  kind: FieldKind;
  text: string;
  /**
   * Streams only, flattened pairs [end0, event0, end1, event1, …] in growing `end`: the text
   * up to `end` had arrived once `event` was applied. Absent for non-streamed fields.
   */
  marks?: number[];
}

export interface InteractionDoc {
  /** Interaction index in the cassette. */
  index: number;
  fields: SearchField[];
}

/** The event that completed text[0..end), for a hit ending at `end` in a streamed field. */
export function eventAt(field: SearchField, end: number): number | null {
  const m = field.marks;
  if (!m || m.length === 0) return null;
  // Binary search over the ends: first mark whose end ≥ the hit's end.
  let lo = 0;
  let hi = m.length / 2 - 1;
  if (m[hi * 2] < end) return m[hi * 2 + 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (m[mid * 2] >= end) hi = mid;
    else lo = mid + 1;
  }
  return m[lo * 2 + 1];
}

/** The header line (0-based, in the field's order) that holds offset `at` of a header field. */
export function lineAt(text: string, at: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
