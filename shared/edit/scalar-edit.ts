/**
 * Plans a new value for one scalar as splices on the source. Strategy, per style:
 * - JSON (HAR): the string token is rewritten with JSON escaping (JSON strings are one line).
 * - block literal (`|`, `|+`, `|-`): only the content lines that differ are rewritten, with the
 *   source's content indentation (CST.setScalarValue would re-indent every line).
 * - flow scalars: the changed middle is spliced into the source via a value→source index map,
 *   so a folded multi-line scalar keeps its other lines.
 * Every plan is checked by resolving the edited token; if the value does not come back exactly,
 * the scalar is rewritten as a one-line double-quoted scalar, which can hold any string.
 */
import { CST } from 'yaml';
import type { Scalar } from 'yaml';
import type { EditableDoc } from './document';
import { decodeFlow, doubleQuote } from './flow-map';
import type { Splice } from './types';

type FlowType = 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar';

export function planScalar(ed: EditableDoc, node: Scalar, value: string): Splice[] | string {
  const tok = node.srcToken;
  if (!tok || !CST.isScalar(tok)) return 'not a scalar in the source';
  const old = CST.resolveAsScalar(tok, false, () => {});
  if (old && old.value === value) return [];
  const span = tokenSpan(tok);
  if (ed.isJson) return [{ start: tok.offset, end: tok.offset + tok.source.length, insert: doubleQuote(value) }];
  if (tok.type === 'block-scalar') {
    const plan = planBlockLiteral(ed, tok, value);
    if (plan) return plan;
    const text = ed.text.slice(span.start, span.end);
    return [{ start: span.start, end: span.end, insert: doubleQuote(value) + (/\n$/.test(text) ? ed.eol : '') }];
  }
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
  let len = tok.source.length;
  for (const p of tok.props) len += CST.stringify(p).length;
  return { start: tok.offset, end: tok.offset + len };
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

function planBlockLiteral(ed: EditableDoc, tok: CST.BlockScalar, value: string): Splice[] | null {
  const header = tok.props[0];
  if (!header || header.type !== 'block-scalar-header') return null;
  const m = /^\|([+-]?)$/.exec(header.source);
  if (!m) return null; // folded or explicit indentation indicator: rewrite instead
  const chomp = m[1];
  const src = tok.source;
  const lines = src.match(/[^\n]*(\n|$)/g)!.filter((l, i, all) => l !== '' || i < all.length - 1);
  const first = lines.find((l) => l.trim() !== '');
  if (first === undefined) return null;
  const ci = /^ */.exec(first)![0].length;
  const ind = ' '.repeat(ci);
  const content = lines.map((l) => {
    const body = l.replace(/\r?\n$/, '');
    return /^ *$/.test(body) && body.length <= ci ? '' : body.slice(Math.min(ci, /^ */.exec(body)![0].length));
  });
  const u = content.map((c) => c + '\n').join('');
  const chompOf = (s: string, c: string) => (c === '+' ? s : c === '-' ? s.replace(/\n+$/, '') : s.replace(/\n+$/, '\n').replace(/^\n$/, ''));
  const oldValue = chompOf(u, chomp);
  if (oldValue !== CST.resolveAsScalar(tok, false, () => {})?.value) return null;
  const fits = (c: string) => (c === '+' ? value === '' || value.endsWith('\n') : c === '-' ? !value.endsWith('\n') : value === '' || (value.endsWith('\n') && !value.endsWith('\n\n')));
  const newChomp = fits(chomp) ? chomp : !value.endsWith('\n') ? '-' : value.endsWith('\n\n') ? '+' : '';
  const trailer = newChomp === chomp ? u.slice(oldValue.length) : newChomp === '-' && value !== '' ? '\n' : '';
  const u2 = value + trailer;
  if (u2 !== '' && !u2.endsWith('\n')) return null;
  const newContent = u2 === '' ? [] : u2.slice(0, -1).split('\n');
  const firstNew = newContent.find((c) => c !== '');
  if (firstNew === undefined || /^[ ]/.test(firstNew) || newContent.some((c) => NON_PRINTABLE.test(c))) return null;
  if (newContent.length > 0 && newContent[0] === '' && content[0] !== '') return null;
  const { pre, suf } = commonEnds(content, newContent);
  const bodyStart = tokenSpan(tok).end - src.length;
  const lineStart: number[] = [];
  let at = 0;
  for (const l of lines) {
    lineStart.push(at);
    at += l.length;
  }
  lineStart.push(src.length);
  const a = lineStart[pre];
  const b = lineStart[lines.length - suf];
  let insert = newContent
    .slice(pre, newContent.length - suf)
    .map((c) => (c === '' ? '' : ind + c) + ed.eol)
    .join('');
  if (lines.length - suf === lines.length && !/\n$/.test(src) && insert.endsWith(ed.eol)) insert = insert.slice(0, -ed.eol.length);
  const newSrc = src.slice(0, a) + insert + src.slice(b);
  const newHeader = '|' + newChomp;
  const check: CST.BlockScalar = { ...tok, props: [{ ...header, source: newHeader }, ...tok.props.slice(1)], source: newSrc };
  if (CST.resolveAsScalar(check, false, () => {})?.value !== value) return null;
  const out: Splice[] = [{ start: bodyStart + a, end: bodyStart + b, insert }];
  if (newHeader !== header.source) out.push({ start: header.offset, end: header.offset + header.source.length, insert: newHeader });
  return out;
}

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
