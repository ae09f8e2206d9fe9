/**
 * Plans a new value for one scalar as splices on the source. Strategy, per style:
 * - JSON (HAR): the string token is rewritten with JSON escaping (JSON strings are one line).
 * - block literal (`|`, `|+`, `|-`, `|2`...): a line diff splices only the lines whose content
 *   changed; every other line keeps its bytes (block-literal-plan.ts). The plan is checked by
 *   lexing the edited text again.
 * - flow scalars: each changed stretch is spliced into the source where it came from, in the
 *   scalar's style, so a folded multi-line scalar keeps its other lines (flow-fold.ts).
 * Every plan is checked by resolving the edited token; if the value does not come back exactly,
 * the scalar is rewritten as a one-line double-quoted scalar, which can hold any string.
 */
import { CST } from 'yaml';
import type { Scalar } from 'yaml';
import { planBlockLines } from './block-literal-plan';
import { blockEnd, resolveBlockValue } from './block-verify';
import type { EditableDoc } from './document';
import { planFoldedFlow } from './flow-fold';
import type { FlowToken } from './flow-fold';
import { doubleQuote } from './flow-map';
import type { Splice } from './types';

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
  const plan = planFoldedFlow(ed.text, tok as FlowToken, value, ed.eol, plainHolds(value));
  if (plan) return plan;
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

const NOT_A_STRING =
  /^(?:|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|<<)$/;

/** Whether a plain scalar can hold `value` at all (the stretches are checked one by one). */
function plainHolds(value: string): boolean {
  return !NOT_A_STRING.test(value) && !/^[-?:,[\]{}#&*!|>'"%@`\s]|\s$/.test(value) && !/ #|: |\n#|:\n/.test(value);
}
