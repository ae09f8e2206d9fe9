/**
 * The summary row of a file as the folder index computes it, in one place for the engine and
 * the tests that hold it equal to the full parser's row.
 *
 * The index's fast paths keep no source ranges, so an error found only at analysis (an
 * event-stream frame cut short, say) would reach the row without a line. Errors are rare, so
 * such a file is parsed again in full and the row says where, like every parse error does.
 */
import { parseCassette } from '../cassette/parse';
import type { IndexParse } from '../cassette/parse-index';
import { analyzeCassette } from '../llm/analyze';
import type { Cassette } from '../model/cassette';
import type { CassetteSummary } from '../model/summary';
import { summarizeCassette, type FileStat, type SummaryRef } from './summarize';
import { trimStreamsForSummary } from './trim-streams';

/** The row of one parsed cassette; an analysis crash still gives a row, with the crash as its error. */
export function rowOf(ref: SummaryRef, stat: FileStat, cassette: Cassette): CassetteSummary {
  let analysis = null;
  let crash: string | null = null;
  try {
    // Big SSE streams are cut to their first and last events: the row needs no assembled text.
    analysis = analyzeCassette(trimStreamsForSummary(cassette).cassette);
  } catch (e) {
    crash = `Analysis crashed: ${(e as Error).message}`;
  }
  const summary = summarizeCassette(ref, stat, cassette, analysis);
  if (crash) {
    summary.diagnostics.error++;
    summary.firstError ??= { message: crash };
  }
  return summary;
}

/** The row of an index parse, with a position on its first error whichever path ran. */
export function indexRow(ref: SummaryRef, stat: FileStat, parsed: IndexParse, input: { path: string; bytes: Uint8Array }): CassetteSummary {
  const row = rowOf(ref, stat, parsed.cassette);
  if (parsed.path === 'full' || !row.firstError || row.firstError.line !== undefined) return row;
  try {
    return rowOf(ref, stat, parseCassette(input, { decodeBodies: false }));
  } catch {
    return row; // parsers never throw; if one does, the row without a line still stands
  }
}
