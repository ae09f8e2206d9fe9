/**
 * Encodes one changed stretch of a flow scalar's value in the scalar's own style, for splicing
 * into its source (flow-fold.ts). Single-quoted and plain scalars write a newline the way the
 * recorder did, as line breaks (n newlines = n + 1 breaks); double-quoted ones as `\n`. Where
 * the stretch makes its line longer than the recorder's width, it is folded at its own spaces,
 * so the lines around it keep their bytes.
 */
import { doubleQuote } from './flow-map';

export type FlowType = 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar';

export interface EncodeContext {
  type: FlowType;
  /** The whole new value; the stretch is value[na, nb). */
  value: string;
  na: number;
  nb: number;
  /** The stretch starts right after / ends right before a line break of the source. */
  afterFold: boolean;
  beforeFold: boolean;
  /** Indentation and line end of continuation lines. */
  indent: string;
  eol: string;
  /** Column where the stretch starts, characters after it on its line, the recorder's width. */
  col: number;
  rest: number;
  width: number;
  /** The stretch is longer than what it replaces. */
  grows: boolean;
}

/** Why a stretch cannot be written as it stands: whitespace next to a line break is folded away. */
export type EncodeFailure = 'after' | 'before' | 'other';

// Characters a plain scalar may gain without turning into something else (checked per stretch;
// the caller checks the whole value for `: `, ` #`, indicators and non-strings). A plain
// scalar has no escapes, so `\` and printable non-ASCII are themselves; `,` `[]{}` are not
// (inside a flow collection they end the scalar).
const PLAIN_SAFE = /^[A-Za-z0-9 _.\-/+=~@$%^&*()<>?!;'"|`\\\n\u00a0-\ud7ff\ue000-\ufffd]*$/;

// Only a double-quoted scalar can escape these.
// eslint-disable-next-line no-control-regex
const NON_PRINTABLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029\r]/;

const isWs = (c: string | undefined) => c === ' ' || c === '\t';

export function encodeStretch(c: EncodeContext): string | EncodeFailure {
  const text = c.value.slice(c.na, c.nb);
  const first = text.length > 0 ? text[0] : c.value[c.nb];
  const last = text.length > 0 ? text[text.length - 1] : c.value[c.na - 1];
  if (c.type === 'double-quoted-scalar') {
    // Escaped whitespace survives folding, so only an empty stretch can expose a neighbour.
    if (text === '' && ((c.afterFold && isWs(first)) || (c.beforeFold && isWs(last)))) return c.afterFold && isWs(first) ? 'after' : 'before';
    let enc = doubleQuote(text).slice(1, -1);
    if (c.afterFold && enc.startsWith(' ')) enc = '\\' + enc;
    if (c.beforeFold && enc.endsWith(' ') && !enc.endsWith('\\ ')) enc = enc.slice(0, -1) + '\\ ';
    return wrap([enc], c);
  }
  if (NON_PRINTABLE.test(text) || (c.type === 'scalar' && !PLAIN_SAFE.test(text))) return 'other';
  if (c.afterFold && (isWs(first) || (text.startsWith('\n') && c.na > 0))) return 'after';
  if (c.beforeFold && (isWs(last) || text.endsWith('\n'))) return 'before';
  const parts = text.split(/(\n+)/);
  for (let i = 1; i < parts.length; i += 2) {
    const before = i === 1 && parts[0] === '' ? c.value[c.na - 1] : parts[i - 1].slice(-1);
    const after = i === parts.length - 2 && parts[i + 1] === '' ? c.value[c.nb] : parts[i + 1][0];
    if (isWs(before) || isWs(after)) return 'other';
  }
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const p = c.type === 'single-quoted-scalar' ? parts[i].replace(/'/g, "''") : parts[i];
    // n newlines are n + 1 breaks: the line ends, n empty lines follow.
    if (i > 0) lines.push(...Array<string>(parts[i - 1].length).fill(''));
    lines.push(p);
  }
  return wrap(lines, c);
}

/**
 * Joins the stretch's lines (the first continues the current line, the others are
 * continuation lines) and folds any that would pass the width at one of its own spaces.
 */
function wrap(lines: string[], c: EncodeContext): string {
  let out = '';
  lines.forEach((line, i) => {
    if (i > 0) out += c.eol + (line === '' && i < lines.length - 1 ? '' : c.indent);
    const start = i === 0 ? c.col : c.indent.length;
    const extra = i === lines.length - 1 ? c.rest : 0;
    out += c.grows && start + line.length + extra > c.width ? fold(line, start, c) : line;
  });
  return out;
}

function fold(line: string, startCol: number, c: EncodeContext): string {
  let out = '';
  let from = 0;
  let col = startCol;
  let space = -1;
  for (let j = 0; j < line.length; j++) {
    if (line[j] === ' ' && j > from && canBreak(line, j, c.type)) space = j;
    if (col + (j - from) >= c.width && space > from) {
      out += line.slice(from, space) + c.eol + c.indent;
      from = space + 1;
      col = c.indent.length;
      space = -1;
    }
  }
  return out + line.slice(from);
}

/** A single space between two visible characters folds back to exactly that space. */
function canBreak(line: string, j: number, type: FlowType): boolean {
  const prev = line[j - 1];
  const next = line[j + 1];
  if (next === undefined || isWs(prev) || isWs(next)) return false;
  if (type === 'double-quoted-scalar') return prev !== '\\' || (j >= 2 && line[j - 2] === '\\');
  // A plain continuation line may not start a comment, nor a line end after `:` start a map.
  return type !== 'scalar' || (next !== '#' && prev !== ':');
}
