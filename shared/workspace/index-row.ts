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
import { buildSearchDocs } from '../search/build-docs';
import type { InteractionDoc } from '../search/doc';
import { summarizeCassette, type FileStat, type SummaryRef } from './summarize';
import { trimStreamsForSummary } from './trim-streams';

/** The row of one parsed cassette; an analysis crash still gives a row, with the crash as its error. */
export function rowOf(ref: SummaryRef, stat: FileStat, cassette: Cassette): CassetteSummary {
  return rowAndDocs(ref, stat, cassette, false).summary;
}

/**
 * The row and, with `search`, the full-text search documents, from the same analysis: the
 * documents reuse its request parses and framed streams (see buildSearchDocs).
 */
export function rowAndDocs(ref: SummaryRef, stat: FileStat, cassette: Cassette, search: boolean): { summary: CassetteSummary; docs: InteractionDoc[] } {
  let analysis = null;
  let crash: string | null = null;
  let trimmed: number[] = [];
  try {
    // Big SSE streams are cut to their first and last events: the row needs no assembled text.
    const cut = trimStreamsForSummary(cassette);
    trimmed = cut.trimmed;
    analysis = analyzeCassette(cut.cassette);
  } catch (e) {
    crash = `Analysis crashed: ${(e as Error).message}`;
  }
  const summary = summarizeCassette(ref, stat, cassette, analysis);
  if (crash) {
    summary.diagnostics.error++;
    summary.firstError ??= { message: crash };
  }
  let docs: InteractionDoc[] = [];
  if (search) {
    try {
      docs = buildSearchDocs(cassette, analysis, new Set(trimmed));
    } catch {
      docs = []; // a search-side bug must not cost the file its row
    }
  }
  return { summary, docs };
}

/** The row of an index parse, with a position on its first error whichever path ran. */
export function indexRow(ref: SummaryRef, stat: FileStat, parsed: IndexParse, input: { path: string; bytes: Uint8Array }): CassetteSummary {
  return indexRowAndDocs(ref, stat, parsed, input, false).summary;
}

/** indexRow plus the search documents (taken from the index parse, which every row has). */
export function indexRowAndDocs(
  ref: SummaryRef,
  stat: FileStat,
  parsed: IndexParse,
  input: { path: string; bytes: Uint8Array },
  search: boolean,
): { summary: CassetteSummary; docs: InteractionDoc[] } {
  const out = rowAndDocs(ref, stat, parsed.cassette, search);
  const row = out.summary;
  if (parsed.path === 'full' || !row.firstError || row.firstError.line !== undefined) return out;
  try {
    return { summary: rowOf(ref, stat, parseCassette(input, { decodeBodies: false })), docs: out.docs };
  } catch {
    return out; // parsers never throw; if one does, the row without a line still stands
  }
}
