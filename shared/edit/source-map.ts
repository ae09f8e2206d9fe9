/**
 * Views ⇄ source lines. The core gives source ranges for interactions, headers and bodies; a
 * stream event only has a byte offset inside the decoded body, which maps to a line by simple
 * arithmetic when the body is a `|` block literal (one body line per source line) and to the
 * body's own line otherwise (quoted scalars, !!binary, gzip).
 */
import type { Cassette } from '../model/cassette';
import type { SourceRange } from '../model/diagnostics';
import type { FramedStream } from '../model/llm';

/** True when the body scalar is a literal block (`|`, `|+`, `|-`, maybe after a tag). */
export function isBlockLiteral(text: string, range: SourceRange): boolean {
  return /^(?:!\S*\s+)?\|/.test(text.slice(range.start.offset, range.start.offset + 40));
}

function newlinesBefore(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end && i < bytes.length; i++) if (bytes[i] === 10) n++;
  return n;
}

/**
 * 1-based source line of a byte offset inside a decoded response body. Bodies that went
 * through base64 or Content-Encoding have no line correspondence: the body line then.
 */
export function bodyOffsetToLine(text: string, range: SourceRange, bytes: Uint8Array, byteOffset: number, plain: boolean): number {
  if (!plain || !isBlockLiteral(text, range)) return range.start.line;
  return range.start.line + 1 + newlinesBefore(bytes, byteOffset);
}

/** The inverse: byte offset in the decoded body where a source line of a block body starts. */
export function lineToBodyOffset(range: SourceRange, bytes: Uint8Array, line: number): number | null {
  const k = line - range.start.line - 1;
  if (k < 0) return null;
  let seen = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (seen === k) return i;
    if (bytes[i] === 10) seen++;
  }
  return seen === k ? bytes.length : null;
}

/** Index of the event whose span holds the byte offset (the nearest one before it otherwise). */
export function eventAtOffset(stream: FramedStream, off: number): number {
  const ev = stream.events;
  let lo = 0;
  let hi = ev.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ev[mid].offset <= off) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

const within = (r: SourceRange | undefined, off: number) => !!r && r.start.offset <= off && off <= r.end.offset;

/** Which interaction (and, in a streamed body, which event) a source offset lies in. */
export function locateOffset(
  c: Cassette,
  streams: (FramedStream | null)[],
  text: string,
  off: number,
  line: number,
): { interaction: number; event: number | null } | null {
  const i = c.interactions.findIndex((it) => within(it.range, off));
  if (i < 0) return null;
  const it = c.interactions[i];
  const body = it.response.body;
  const r = it.ranges.responseBody ?? body.range;
  const s = streams[i];
  if (!s || !r || !within(r, off) || !isPlainBody(it.response.body) || !isBlockLiteral(text, r)) return { interaction: i, event: null };
  const b = lineToBodyOffset(r, body.bytes, line);
  return { interaction: i, event: b === null ? null : eventAtOffset(s, b) };
}

/** A body whose decoded bytes are the scalar's text (no base64, no Content-Encoding). */
export function isPlainBody(b: { storage: string; contentEncoding: string[]; raw: Uint8Array; bytes: Uint8Array }): boolean {
  return b.storage === 'text' && b.raw.length === b.bytes.length;
}
