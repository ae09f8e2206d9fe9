/**
 * Summary fast path. A sidebar row needs a stream's provider, model and usage, never its
 * assembled text, and those live at the two ends of an SSE stream (model and input tokens
 * in the first events, final usage in the last ones). So for indexing, SSE bodies above
 * `limit` characters are cut to their first and last events before analysis: a 20 MB
 * stream then costs like an 8 KB one. Cuts are made on event boundaries (blank lines).
 * A corpus suite (trim-summary.test.ts) checks that rows of cut streams keep their models,
 * tokens and costs even with half these sizes; what a cut can hide is an error event in the
 * middle, which the viewer (it analyses the whole cassette) still shows. Other framings (JSON
 * arrays, binary eventstream) are left whole, as a cut could break their syntax.
 */
import type { Body, Cassette, Interaction } from '../model/cassette';
import { headerValue } from '../model/cassette';
import { utf8Encode } from '../util/bytes';
import { literalOf, type LiteralText } from '../yaml/lazy-literal';

export const TRIM_LIMIT = 16 * 1024;
// Whole events at each end: the first holds the model (and Anthropic input usage), the last few
// the finish and usage. 1 KB keeps ~6 OpenAI chunks at each end; more only costs JSON parses
// (at 4 KB they were a sixth of the summary analysis). The corpus suite checks rows with
// half of it kept.
const KEEP = 1024;

export interface TrimResult {
  cassette: Cassette;
  /** Indices of interactions whose response body was cut. */
  trimmed: number[];
}

export function trimStreamsForSummary(c: Cassette, limit = TRIM_LIMIT, keep = KEEP): TrimResult {
  const trimmed: number[] = [];
  const interactions = c.interactions.map((it) => {
    const body = trimBody(it, limit, keep);
    if (!body) return it;
    trimmed.push(it.index);
    const copy: Interaction = { ...it, response: { ...it.response, body } };
    return copy;
  });
  return trimmed.length === 0 ? { cassette: c, trimmed } : { cassette: { ...c, interactions }, trimmed };
}

function trimBody(it: Interaction, limit: number, keep: number): Body | null {
  const b = it.response.body;
  if (b.storage !== 'text') return null;
  const ct = (headerValue(it.response.headers, 'content-type') ?? '').toLowerCase();
  const lit = literalOf(b);
  if (lit) {
    const cut = cutLiteral(lit, ct, limit, keep);
    if (cut !== undefined) return cut === null ? null : textBody(cut);
  }
  const text = b.text;
  if (text === null || text.length <= limit) return null;
  if (!isStream(ct, text)) return null;
  // Whole events only: the head runs to the end of the event holding position `keep`, the
  // tail starts at the start of the event holding position `length - keep` (a final
  // `response.completed` carrying the whole response can be far bigger than `keep`).
  const headEnd = firstBoundaryAfter(text, keep);
  const tailStart = lastBoundaryBefore(text, text.length - keep);
  if (headEnd < 0 || tailStart < 0 || tailStart <= headEnd) return null;
  return textBody(text.slice(0, headEnd) + text.slice(tailStart));
}

function isStream(ct: string, text: string): boolean {
  return ct.includes('text/event-stream') || /^\s*(data|event|id|retry)?:/.test(text.slice(0, 64));
}

function textBody(cut: string): Body {
  const bytes = utf8Encode(cut);
  return { storage: 'text', raw: bytes, contentEncoding: [], bytes, text: cut };
}

/**
 * The same cut made from an unresolved literal block, building only its two ends: the cut
 * text, null for "not a stream, leave it", undefined when the ends meet (a short text: the
 * caller resolves it and cuts as usual).
 */
function cutLiteral(lit: LiteralText, ct: string, limit: number, keep: number): string | null | undefined {
  if (!ct.includes('text/event-stream') && !isStream(ct, lit.head(64).text)) return null;
  for (let want = Math.max(2 * keep, limit + 1); ; want *= 2) {
    const head = lit.head(want);
    const tail = lit.tail(want);
    // Overlapping ends: the text is short after all. Resolved, it is cut (or not) as usual.
    if (tail.srcStart <= head.srcEnd || head.text.length + tail.text.length <= limit) return undefined;
    const headEnd = firstBoundaryAfter(head.text, keep);
    const t = lastBoundaryBefore(tail.text, tail.text.length - keep);
    // A boundary at the piece's very start may continue further out: widen and look again.
    if (headEnd < 0 || t <= 0) continue;
    return head.text.slice(0, headEnd) + tail.text.slice(t);
  }
}

/** End (exclusive, after the blank line) of the last complete event starting before `pos`. */
function lastBoundaryBefore(text: string, pos: number): number {
  for (let i = text.lastIndexOf('\n', pos); i > 0; i = text.lastIndexOf('\n', i - 1)) {
    const prev = text.charCodeAt(i - 1) === 13 ? i - 2 : i - 1;
    if (prev >= 0 && text.charCodeAt(prev) === 10) return i + 1;
  }
  return -1;
}

/** Start of the first event that begins at or after `pos` (just after a blank line). */
function firstBoundaryAfter(text: string, pos: number): number {
  for (let i = text.indexOf('\n', Math.max(0, pos)); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) {
    const prev = text.charCodeAt(i - 1) === 13 ? i - 2 : i - 1;
    if (prev >= 0 && text.charCodeAt(prev) === 10) return i + 1;
  }
  return -1;
}
