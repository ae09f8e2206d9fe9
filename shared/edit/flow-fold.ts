/**
 * Minimal edits of a flow scalar ('single', "double", plain) that the recorder folded over many
 * lines. The old and new values are diffed word by word; each changed stretch is spliced into
 * the source at the characters it came from (flow-map.ts), so every other line, every fold
 * point and every escape as the recorder wrote it keep their bytes. A stretch that overlaps a
 * line break takes the break in (those lines join), and one that would leave whitespace next to
 * a break (where folding would drop it) takes the break in too. The result is checked by
 * resolving the edited token (and, for a plain scalar that spans lines, by lexing the edited
 * file); when the check fails the whole value is re-rendered once in the same style, and the
 * caller falls back to one double-quoted line only if that fails too.
 */
import { CST } from 'yaml';
import { scalarTokenAt, spliceText } from './block-verify';
import { encodeStretch } from './flow-encode';
import type { EncodeFailure, FlowType } from './flow-encode';
import { decodeFlow } from './flow-map';
import type { FlowDecoded, Fold } from './flow-map';
import { diffValues } from './value-diff';
import type { ValueHunk } from './value-diff';
import type { Splice } from './types';

export type FlowToken = CST.FlowScalar & { type: FlowType };

interface Geometry {
  indent: string;
  eol: string;
  width: number;
}

/** Splices that turn `tok` (in `text`) into `value`, or null when its style cannot hold it. */
export function planFoldedFlow(text: string, tok: FlowToken, value: string, eol: string, plainOk: boolean): Splice[] | null {
  const dec = decodeFlow(tok.source, tok.type);
  const resolved = CST.resolveAsScalar(tok, false, () => {});
  if (!dec || !resolved || dec.value !== resolved.value) return null;
  const geo = geometry(text, tok, dec, eol);
  const minimal = planHunks(text, tok, dec, geo, value, diffValues(dec.value, value), plainOk);
  if (minimal) return minimal;
  const whole: ValueHunk = { oa: 0, ob: dec.value.length, na: 0, nb: value.length };
  return planHunks(text, tok, dec, geo, value, [whole], plainOk);
}

/** A changed old range [oa, ob) made of the diff's hunks first..last and what lies between. */
interface Span {
  oa: number;
  ob: number;
  first: number;
  last: number;
}

function planHunks(text: string, tok: FlowToken, dec: FlowDecoded, geo: Geometry, value: string, diff: ValueHunk[], plainOk: boolean): Splice[] | null {
  if (tok.type === 'scalar' && !plainOk) return null;
  // shift[k]: how much the value has grown before diff hunk k.
  const shift = [0];
  for (const d of diff) shift.push(shift[shift.length - 1] + (d.nb - d.na) - (d.ob - d.oa));
  const toHunk = (s: Span): ValueHunk => ({ oa: s.oa, ob: s.ob, na: s.oa + shift[s.first], nb: s.ob + shift[s.last + 1] });
  let spans = merge(
    diff.map((d, k) => ({ oa: d.oa, ob: d.ob, first: k, last: k })),
    dec.folds,
  );
  for (let round = 0; round <= dec.folds.length + 1; round++) {
    const out: Splice[] = [];
    let failed: { span: Span; why: EncodeFailure } | null = null;
    for (const span of spans) {
      const r = spliceFor(text, tok, dec, geo, value, toHunk(span));
      if (typeof r !== 'string') out.push(r);
      else {
        failed = { span, why: r };
        break;
      }
    }
    if (!failed) return verified(text, tok, out, value) ? sameLineJoined(text, out) : null;
    if (failed.why === 'other') return null;
    const h = failed.span;
    // Whitespace would touch a line break: take the break into the stretch (it becomes a space
    // or newlines inside it) and try again.
    const f = failed.why === 'after' ? dec.folds.find((x) => x.atEnd === h.oa && x.at < x.atEnd) : dec.folds.find((x) => x.at === h.ob && x.at < x.atEnd);
    if (!f) return null;
    spans = merge(
      spans.map((x) => (x === h ? { ...x, oa: Math.min(x.oa, f.at), ob: Math.max(x.ob, f.atEnd) } : x)),
      dec.folds,
    );
  }
  return null;
}

function spliceFor(text: string, tok: FlowToken, dec: FlowDecoded, geo: Geometry, value: string, h: ValueHunk): Splice | EncodeFailure {
  const escapedAtEnd = dec.folds.find((f) => f.at === h.ob && f.atEnd === h.ob && h.oa < h.ob);
  const start = dec.pos[h.oa];
  const end = escapedAtEnd ? escapedAtEnd.src : dec.pos[h.ob];
  const absStart = tok.offset + start;
  const absEnd = tok.offset + end;
  const lineStart = text.lastIndexOf('\n', absStart - 1) + 1;
  let lineEnd = text.indexOf('\n', absEnd);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const enc = encodeStretch({
    type: tok.type,
    value,
    na: h.na,
    nb: h.nb,
    afterFold: dec.folds.some((f) => f.atEnd === h.oa),
    beforeFold: dec.folds.some((f) => f.at === h.ob && f.at < f.atEnd),
    indent: geo.indent,
    eol: geo.eol,
    col: absStart - lineStart,
    rest: Math.max(0, lineEnd - absEnd),
    width: geo.width,
    grows: h.nb - h.na > h.ob - h.oa,
  });
  return typeof enc === 'string' ? { start: absStart, end: absEnd, insert: enc } : enc;
}

/** Splices on one source line become one, so an edit reports one change per changed line. */
function sameLineJoined(text: string, splices: Splice[]): Splice[] {
  const out: Splice[] = [];
  for (const s of splices) {
    const last = out[out.length - 1];
    const gap = last ? text.slice(last.end, s.start) : '\n';
    if (last && !gap.includes('\n')) out[out.length - 1] = { start: last.start, end: s.end, insert: last.insert + gap + s.insert };
    else out.push(s);
  }
  return out;
}

/**
 * Spans that cover part of a fold (or insert inside a run of newlines) take all of it; spans
 * that then overlap or touch become one (two splices at one offset would be ambiguous).
 */
function merge(spans: Span[], folds: readonly Fold[]): Span[] {
  const out: Span[] = [];
  for (let s of spans) {
    for (const f of folds) {
      if (f.at === f.atEnd) continue;
      const overlaps = s.oa < s.ob ? s.oa < f.atEnd && s.ob > f.at : s.oa > f.at && s.oa < f.atEnd;
      if (overlaps) s = { ...s, oa: Math.min(s.oa, f.at), ob: Math.max(s.ob, f.atEnd) };
    }
    while (out.length > 0 && s.oa <= out[out.length - 1].ob) {
      const p = out.pop()!;
      s = { oa: Math.min(p.oa, s.oa), ob: Math.max(p.ob, s.ob), first: Math.min(p.first, s.first), last: Math.max(p.last, s.last) };
    }
    out.push(s);
  }
  return out;
}

/** Continuation indentation and line end as the recorder wrote them, and its line width. */
function geometry(text: string, tok: FlowToken, dec: FlowDecoded, eol: string): Geometry {
  const breaking = dec.folds.find((f) => f.at < f.atEnd || f.srcEnd > f.src);
  let indent = ' '.repeat(tok.indent + 2);
  let lineEnd = eol;
  if (breaking) {
    const src = tok.source.slice(breaking.src, breaking.srcEnd);
    const nl = src.lastIndexOf('\n');
    indent = src.slice(nl + 1);
    lineEnd = src[src.indexOf('\n') - 1] === '\r' ? '\r\n' : '\n';
  }
  if (dec.folds.length === 0) return { indent, eol: lineEnd, width: Infinity };
  let width = 0;
  let from = text.lastIndexOf('\n', tok.offset - 1) + 1;
  const stop = tok.offset + tok.source.length;
  while (from < stop) {
    let nl = text.indexOf('\n', from);
    if (nl < 0 || nl > stop) nl = stop;
    width = Math.max(width, nl - from - (text[nl - 1] === '\r' ? 1 : 0));
    from = nl + 1;
  }
  return { indent, eol: lineEnd, width };
}

/**
 * The edited token must resolve to exactly the new value. A plain scalar that spans lines is
 * also lexed again in the edited file: a continuation line could read as a key or a comment.
 */
function verified(text: string, tok: FlowToken, splices: readonly Splice[], value: string): boolean {
  const rel = splices.map((s) => ({ ...s, start: s.start - tok.offset, end: s.end - tok.offset }));
  const source = spliceText(tok.source, rel);
  let bad = false;
  if (CST.resolveAsScalar({ ...tok, source }, false, () => (bad = true))?.value !== value || bad) return false;
  if (tok.type !== 'scalar' || (!source.includes('\n') && !tok.source.includes('\n'))) return true;
  const found = scalarTokenAt(spliceText(text, splices), tok.offset);
  return !!found && found.type === 'scalar' && found.source === source;
}
