/**
 * Plans a new value for one scalar as splices on the source. Strategy, per style:
 * - JSON (HAR): the string token is rewritten with JSON escaping (JSON strings are one line).
 * - block literal (`|`, `|+`, `|-`, `|2`...): a line diff splices only the lines whose content
 *   changed; every other line keeps its bytes (block-literal-plan.ts). The plan is checked by
 *   lexing the edited text again.
 * - flow scalars: the changed middle is spliced into the source via a value→source index map,
 *   so a folded multi-line scalar keeps its other lines.
 * Every plan is checked by resolving the edited token; if the value does not come back exactly,
 * the scalar is rewritten as a one-line double-quoted scalar, which can hold any string.
 */
import { CST } from 'yaml';
import type { Scalar } from 'yaml';
import { planBlockLines } from './block-literal-plan';
import { blockEnd, resolveBlockValue } from './block-verify';
import type { EditableDoc } from './document';
import { decodeFlow, doubleQuote } from './flow-map';
import type { Splice } from './types';

type FlowType = 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar';

export function planScalar(ed: EditableDoc, node: Scalar, value: string): Splice[] | string {
  const tok = node.srcToken;
  if (!tok || !CST.isScalar(tok)) return 'not a scalar in the source';
  const span = tokenSpan(tok);
  if (tok.type === 'block-scalar') {
    // An unchanged value plans to no splices; yaml's resolver is not run first (it takes
    // ~0.6 s on a 20 MB body, longer than the whole plan).
    const plan = planBlockLines(ed.text, tok, value, ed.eol);
    if (plan) return plan;
    if (resolveBlockValue(tok) === value) return [];
    // Folded (`>`) blocks and values a literal block cannot hold (CR, control characters, no
    // content line) are rewritten whole as one double-quoted line.
    const text = ed.text.slice(span.start, span.end);
    return [{ start: span.start, end: span.end, insert: doubleQuote(value) + (/\n$/.test(text) ? ed.eol : '') }];
  }
  if (CST.resolveAsScalar(tok, false, () => {})?.value === value) return [];
  if (ed.isJson) return [{ start: tok.offset, end: tok.offset + tok.source.length, insert: doubleQuote(value) }];
  const plan = planFlow(tok as CST.FlowScalar & { type: FlowType }, value);
  if (plan) return [plan];
  return [{ start: tok.offset, end: tok.offset + tok.source.length, insert: doubleQuote(value) }];
}

/** Writes raw scalar source (a number, `null`), e.g. go-vcr `content_length` or HAR `bodySize`. */
export function planRawScalar(node: Scalar, source: string): Splice[] | string {
  const tok = node.srcToken;
  if (!tok || !CST.isScalar(tok) || tok.type === 'block-scalar') return 'not a flow scalar';
  return [{ start: tok.offset, end: tok.offset + tok.source.length, insert: source }];
}

function tokenSpan(tok: CST.FlowScalar | CST.BlockScalar): { start: number; end: number } {
  if (tok.type !== 'block-scalar') return { start: tok.offset, end: tok.offset + tok.source.length };
  return { start: tok.offset, end: blockEnd(tok) };
}

function commonEnds(a: string[] | string, b: string[] | string): { pre: number; suf: number } {
  const max = Math.min(a.length, b.length);
  let pre = 0;
  while (pre < max && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < max - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  return { pre, suf };
}

// YAML block scalars cannot carry these characters, so their presence forces a quoted scalar.
// eslint-disable-next-line no-control-regex
const NON_PRINTABLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029\r]/;

const PLAIN_SAFE = /^[A-Za-z0-9 _.\-/+=~@$%^&*()<>?!;'"|`]*$/;
const NOT_A_STRING =
  /^(?:|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|<<)$/;

function planFlow(tok: CST.FlowScalar & { type: FlowType }, value: string): Splice | null {
  const dec = decodeFlow(tok.source, tok.type);
  const resolved = CST.resolveAsScalar(tok, false, () => {});
  if (!dec || !resolved || dec.value !== resolved.value) return null;
  const old = dec.value;
  const { pre, suf } = commonEnds(old, value);
  const mid = value.slice(pre, value.length - suf);
  let enc: string;
  if (tok.type === 'double-quoted-scalar') enc = doubleQuote(mid).slice(1, -1);
  else if (tok.type === 'single-quoted-scalar') {
    if (/[\n]/.test(mid) || NON_PRINTABLE.test(mid)) return null;
    enc = mid.replace(/'/g, "''");
  } else {
    if (!PLAIN_SAFE.test(mid) || NOT_A_STRING.test(value) || /^[-?:,[\]{}#&*!|>'"%@`\s]|\s$/.test(value)) return null;
    if (/ #|: /.test(value)) return null;
    enc = mid;
  }
  const a = dec.pos[pre];
  const b = dec.pos[old.length - suf];
  const newSource = tok.source.slice(0, a) + enc + tok.source.slice(b);
  const check = { ...tok, source: newSource };
  if (CST.resolveAsScalar(check, false, () => {})?.value !== value) return null;
  return { start: tok.offset + a, end: tok.offset + b, insert: enc };
}
