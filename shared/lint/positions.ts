/**
 * Turning things the analysis knows (a stream event's byte offset in a body, a tool-call id)
 * into line/column in the cassette source, so a finding points at the line to look at.
 */
import type { Body } from '../model/cassette';
import type { SourceRange } from '../model/diagnostics';
import { utf8Decode } from '../util/bytes';
import { lineStartsOf, posInLines } from '../edit/value-pos';

export interface Pos {
  line: number;
  column: number;
}

export class LineIndex {
  private starts: number[] | null = null;
  constructor(readonly text: string) {}

  private lineStarts(): number[] {
    this.starts ??= lineStartsOf(this.text);
    return this.starts;
  }

  /** 1-based line/column of a 0-based UTF-16 offset. */
  pos(offset: number): Pos {
    return posInLines(this.lineStarts(), offset);
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    const s = this.lineStarts();
    return s[Math.min(Math.max(line - 1, 0), s.length - 1)];
  }
}

export function startOf(range: SourceRange | undefined): Pos | undefined {
  return range ? { line: range.start.line, column: range.start.column } : undefined;
}

/**
 * Position of the byte `byteOffset` of a body's decoded bytes. Exact for bodies written as a
 * block literal (`body: |+`, the go-vcr and vcrpy habit for streams), whose lines map 1:1 to the
 * body's lines; otherwise the body's own start.
 */
export function bodyBytePos(lines: LineIndex, body: Body, byteOffset: number): Pos | undefined {
  const r = body.range;
  if (!r) return undefined;
  const head = lines.text.slice(r.start.offset, r.start.offset + 3);
  // Only a text scalar whose bytes are its text (nothing was decompressed) maps line for line.
  const plain = body.storage === 'text' && (body.bytes === body.raw || body.bytes.length === body.raw.length);
  if (!plain || !head.startsWith('|')) return startOf(r);
  // Line breaks are counted in the bytes (0x0A is never part of a multi-byte UTF-8 sequence),
  // and only the last line is decoded, for its column: the offset may be deep in a 20 MB stream.
  const bytes = body.bytes;
  const end = Math.min(byteOffset, bytes.length);
  let nl = 0;
  let lastNl = -1;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 10) {
      nl++;
      lastNl = i;
    }
  }
  const lineHead = utf8Decode(bytes.subarray(lastNl + 1, end)) ?? '';
  const line = r.start.line + 1 + nl;
  const lineText = lines.text.slice(lines.lineStart(line), lines.lineStart(line + 1));
  const indent = /^ */.exec(lineText)![0].length;
  return { line, column: indent + 1 + lineHead.length };
}

/**
 * First occurrence of a needle in the source inside `range` (e.g. a tool-call id in a body),
 * trying the needles in order; the range's start when none is found (a folded scalar splits text).
 */
export function findInRange(lines: LineIndex, range: SourceRange | undefined, ...needles: (string | RegExp)[]): Pos | undefined {
  if (!range) return undefined;
  const slice = lines.text.slice(range.start.offset, range.end.offset);
  for (const n of needles) {
    let at = -1;
    if (typeof n === 'string') at = n === '' ? -1 : slice.indexOf(n);
    else at = n.exec(slice)?.index ?? -1;
    if (at >= 0) return lines.pos(range.start.offset + at);
  }
  return startOf(range);
}

/** `"tool_call_id":"<id>"` (or tool_use_id, call_id), also inside an escaped YAML string; points at the id. */
export function resultIdNeedle(id: string): RegExp {
  const esc = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<=(?:tool_call_id|tool_use_id|call_id|toolUseId)\\\\?"\\s*:\\s*\\\\?")${esc}`);
}
