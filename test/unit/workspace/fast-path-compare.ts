/**
 * Equivalence of the index fast path (parseCassetteForIndex) and the full parser, as the
 * engine uses them: the summary row, the interaction fingerprints, the parse problem, and the
 * recorded content of every interaction. Only source positions may differ (the fast path
 * keeps none), and they are not compared. The row and content are those of the index parse as
 * the engine runs it (big literal bodies left lazy, resolved here by reading them), and so
 * are the fingerprints (taken before anything resolves them), with the pure digest and the
 * engine's CRC: a fingerprint must not depend on which parser ran. The rows and full-text
 * search documents come from index-row.ts, as the engine's do (the documents of a big stream
 * the fast path left as an unresolved literal are read from its source line by line).
 */
import { crcDigest } from '../../../main/workspace/engine';
import { parseCassette } from '../../../shared/cassette/parse';
import { parseCassetteForIndex, type IndexParse } from '../../../shared/cassette/parse-index';
import type { Body, Cassette } from '../../../shared/model/cassette';
import type { CassetteSummary } from '../../../shared/model/summary';
import { indexRowAndDocs, rowAndDocs } from '../../../shared/workspace/index-row';
import { interactionFingerprints } from '../../../shared/workspace/summarize';

const ref = { rootId: 'r', relPath: 'x' };
const stat = { size: 1, mtimeMs: 1 };

function body(b: Body): unknown {
  if (b.storage === 'absent') return 'absent';
  // text is what fingerprints and analysis read; raw is only compared when text is binary.
  return { storage: b.storage, text: b.text, raw: b.text === null ? Array.from(b.raw) : undefined, parsed: b.parsed };
}

/** Everything of a cassette except positions. */
export function comparable(c: Cassette): unknown {
  return {
    format: c.format,
    formatVersion: c.formatVersion,
    recordedWith: c.recordedWith,
    diagnostics: c.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message, interaction: d.interaction })),
    interactions: c.interactions.map((it) => ({
      index: it.index,
      request: { ...it.request, headers: it.request.headers.map((h) => [h.name, h.value]), body: body(it.request.body) },
      response: { ...it.response, headers: it.response.headers.map((h) => [h.name, h.value]), body: body(it.response.body) },
      durationMs: it.durationMs,
      recordedAt: it.recordedAt,
    })),
  };
}

function row(c: Cassette, summary: CassetteSummary) {
  return { summary, fingerprints: [...interactionFingerprints(c), ...interactionFingerprints(c, crcDigest)] };
}

export interface Comparison {
  path: IndexParse['path'];
  fast: { summary: unknown; fingerprints: string[]; cassette: unknown; docs: unknown };
  full: { summary: unknown; fingerprints: string[]; cassette: unknown; docs: unknown };
}

export function compareFastPath(relPath: string, bytes: Uint8Array): Comparison {
  const fast = parseCassetteForIndex({ path: relPath, bytes });
  const full = parseCassette({ path: relPath, bytes }, { decodeBodies: false });
  // The row first: comparable() resolves every lazy body, and the row must not need that.
  const fastOut = indexRowAndDocs(ref, stat, fast, { path: relPath, bytes }, true);
  const fastRow = row(fast.cassette, fastOut.summary);
  const fullOut = rowAndDocs(ref, stat, full, true);
  return {
    path: fast.path,
    fast: { summary: fastRow.summary, fingerprints: fastRow.fingerprints, cassette: comparable(fast.cassette), docs: fastOut.docs },
    full: { ...row(full, fullOut.summary), cassette: comparable(full), docs: fullOut.docs },
  };
}
