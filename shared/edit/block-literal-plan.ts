/**
 * Minimal edits of a literal block scalar (`|`, `|-`, `|+`, with or without an indentation
 * indicator): the body is read as lines of content (after the content indentation), diffed
 * line by line against the new value, and only the hunks that differ are spliced. Unchanged
 * lines keep their exact bytes: indented blank lines, CRLF ends, trailing whitespace and the
 * blank lines chomping drops. New lines get the block's indentation, line end and blank-line
 * style. The header is touched only when the new value needs another chomping indicator or
 * an indentation indicator (first line starting with a space). Every plan is checked by
 * lexing the edited text again (block-verify.ts); the caller rewrites the scalar otherwise.
 */
import type { CST } from 'yaml';
import { blockEnd, verifyBlockEdit } from './block-verify';
import { diffLines } from './line-diff';
import type { Splice } from './types';

type Chomp = '' | '-' | '+';

interface Header {
  indicator: number;
  chomp: Chomp;
  /** `|-2` rather than `|2-`: kept when the header is rewritten. */
  chompFirst: boolean;
}

function parseHeader(src: string): Header | null {
  let m = /^\|([1-9]?)([+-]?)$/.exec(src);
  if (m) return { indicator: Number(m[1] || 0), chomp: m[2] as Chomp, chompFirst: false };
  m = /^\|([+-])([1-9])$/.exec(src);
  return m ? { indicator: Number(m[2]), chomp: m[1] as Chomp, chompFirst: true } : null;
}

function headerText(h: Header): string {
  const ind = h.indicator ? String(h.indicator) : '';
  return '|' + (h.chompFirst ? h.chomp + ind : ind + h.chomp);
}

// YAML block scalars cannot carry these characters (a CR would be read as a line break).
// eslint-disable-next-line no-control-regex
const NON_PRINTABLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029\r]/;

/** The body's lines: content after the indentation, and where each source line starts. */
interface Body {
  content: string[];
  start: number[];
  ci: number;
  /** Raw text of an existing blank line (spaces up to the indentation), for new blank lines. */
  blank: string;
  eol: string;
}

function readBody(src: string, h: Header, parentIndent: number, eol: string): Body | null {
  // Offsets only: a 20 MB body has ~400k lines, so no per-line copies or regexes here.
  const start: number[] = [];
  const stop: number[] = []; // end of the line's text, before its CR LF or LF
  for (let at = 0; at < src.length; ) {
    let nl = src.indexOf('\n', at);
    if (nl < 0) nl = src.length;
    start.push(at);
    stop.push(nl > at && src.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
    at = nl + 1;
  }
  const lead = (i: number, max: number): number => {
    let k = start[i];
    const lim = Math.min(stop[i], start[i] + max);
    while (k < lim && src.charCodeAt(k) === 32) k++;
    return k - start[i];
  };
  let ci = parentIndent + h.indicator;
  if (!h.indicator) {
    // yaml's auto-detection: the first line with content sets the indentation; leading blank
    // lines may not be longer than it.
    let longest = parentIndent;
    let i = 0;
    for (; i < start.length; i++) {
      const n = lead(i, Infinity);
      if (start[i] + n < stop[i]) break;
      longest = Math.max(longest, n);
    }
    if (i === start.length) return null;
    ci = lead(i, Infinity);
    if (ci < longest) return null;
  }
  if (ci === 0) return null;
  const content: string[] = new Array(start.length);
  let blank: string | null = null;
  for (let i = 0; i < start.length; i++) {
    const n = lead(i, ci);
    if (n === ci) content[i] = src.slice(start[i] + ci, stop[i]);
    else if (start[i] + n === stop[i]) content[i] = ''; // blank, shorter than the indentation
    else return null; // less indented content: the source has an error
    if (blank === null && content[i] === '') blank = src.slice(start[i], stop[i]);
  }
  const nl = src.indexOf('\n');
  return { content, start, ci, blank: blank ?? '', eol: nl > 0 && src[nl - 1] === '\r' ? '\r\n' : nl >= 0 ? '\n' : eol };
}

const fits = (c: Chomp, v: string): boolean => (c === '-' ? !v.endsWith('\n') : c === '+' ? v.endsWith('\n') : v.endsWith('\n') && !v.endsWith('\n\n'));

/** Splices that turn block scalar `tok` into `value`, or null when another style must hold it. */
export function planBlockLines(text: string, tok: CST.BlockScalar, value: string, eol: string): Splice[] | null {
  const header = tok.props[0];
  if (header?.type !== 'block-scalar-header' || !/[^ \n]/.test(value) || NON_PRINTABLE.test(value)) return null;
  const h = parseHeader(header.source);
  if (!h) return null;
  const src = tok.source;
  const body = readBody(src, h, tok.indent, eol);
  if (!body) return null;
  const { content, start, ci } = body;
  const chomp: Chomp = fits(h.chomp, value) ? h.chomp : !value.endsWith('\n') ? '-' : value.endsWith('\n\n') ? '+' : '';
  const lines = (chomp === '-' ? value : value.slice(0, -1)).split('\n');
  // A first content line that starts with a space (or leading blank lines carrying spaces)
  // would move yaml's auto-detected indentation: the header then needs an explicit indicator.
  let indicator = h.indicator;
  const first = lines.findIndex((l) => /[^ ]/.test(l));
  if (!indicator && (lines[first].startsWith(' ') || lines.slice(0, first).some((l) => l !== ''))) {
    indicator = ci - tok.indent;
    if (indicator < 1 || indicator > 9) return null;
  }
  let last = content.length - 1;
  while (last >= 0 && content[last] === '') last--;
  // With `+` every line is value; otherwise the blank lines after the last content line are
  // chomped and stay as they are.
  const region = chomp === '+' ? content.length : last + 1;
  const bodyStart = blockEnd(tok) - src.length;
  const lineStart = (i: number) => (i < start.length ? start[i] : src.length);
  const open = !src.endsWith('\n'); // the last line has no line break (end of file)
  const indent = ' '.repeat(ci);
  const out: Splice[] = [];
  for (const hk of diffLines(content, lines, region, lines.length)) {
    const rows = lines.slice(hk.b0, hk.b1).map((c) => (c === '' ? body.blank : indent + c));
    let a = lineStart(hk.a0);
    let b = lineStart(hk.a1);
    let insert = rows.map((r) => r + body.eol).join('');
    if (open && hk.a1 === start.length) {
      if (hk.a1 > hk.a0 && rows.length > 0) insert = rows.join(body.eol);
      else if (hk.a1 > hk.a0) a = hk.a0 > 0 ? lineStart(hk.a0) - lineEnding(src, lineStart(hk.a0)) : a;
      else insert = body.eol + rows.join(body.eol);
      if (hk.a1 === hk.a0) a = b = src.length;
    }
    out.push({ start: bodyStart + a, end: bodyStart + b, insert });
  }
  const next = headerText({ ...h, chomp, indicator });
  if (next !== header.source) out.push({ start: header.offset, end: header.offset + header.source.length, insert: next });
  return verifyBlockEdit(text, tok, out, value) ? out : null;
}

/** Length of the line break that ends just before `at` (1 or 2). */
function lineEnding(src: string, at: number): number {
  return at >= 2 && src[at - 2] === '\r' ? 2 : 1;
}
