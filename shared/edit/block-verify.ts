/**
 * Resolving and re-checking literal block scalars the way the cassette reader does
 * (shared/cassette/cst-tree.ts: resolveLiteralFast for big blocks, yaml's resolver otherwise).
 * A planned block edit is kept only if the edited text, lexed again by yaml's Parser, holds a
 * block scalar at the same offset whose value is the new value and whose end moved only by
 * the planned length (give or take trailing blank lines).
 */
import { CST, Parser } from 'yaml';
import { resolveLiteralFast } from '../yaml/block-literal';
import { literalMatches } from './literal-matches';
import type { Splice } from './types';

/** Same threshold as the reader's fast path: below it yaml's resolver is cheap enough. */
const BIG_BLOCK = 8 * 1024;

/**
 * The value of a block scalar, or null when yaml reports an error for it. Big `|`, `|-`, `|+`
 * blocks are resolved by resolveLiteralFast on a normalised source that reads the same to yaml:
 * CRLF becomes LF (yaml drops one `\r` before each `\n` and reads `\r`-only content as empty)
 * and blank lines shorter than the indentation become empty (yaml reads both as an empty
 * line). Checked against yaml in test/unit/edit/block-literal-minimal.
 */
export function resolveBlockValue(tok: CST.BlockScalar): string | null {
  const h = tok.props[0]?.type === 'block-scalar-header' ? tok.props[0].source : '';
  if ((h === '|' || h === '|-' || h === '|+') && tok.source.length > BIG_BLOCK) {
    const fast = resolveLiteralFast(normalised(tok.source), tok.indent, h === '|-' ? '-' : h === '|+' ? '+' : '');
    if (fast !== null) return fast;
  }
  let bad = false;
  const r = CST.resolveAsScalar(tok, true, () => (bad = true));
  return r && !bad ? r.value : null;
}

/** resolveBlockValue(tok) === value for a big `|` block, without resolving it; null: resolve it. */
function bigLiteralMatches(tok: CST.BlockScalar, value: string): true | null {
  const h = tok.props[0]?.type === 'block-scalar-header' ? tok.props[0].source : '';
  if (!(h === '|' || h === '|-' || h === '|+') || tok.source.length <= BIG_BLOCK) return null;
  return literalMatches(tok.source, tok.indent, h === '|-' ? '-' : h === '|+' ? '+' : '', value);
}

function normalised(source: string): string {
  let src = source;
  if (src.includes('\r')) {
    const lf = src.split('\r\n').join('\n');
    if (lf.includes('\r')) return source; // a lone CR: yaml's business
    src = lf;
  }
  let k = 0;
  while (src.charCodeAt(k) === 32) k++;
  if (k < 2) return src;
  shortBlank[k] ??= new RegExp(`\\n {1,${k - 1}}(?=\\n)`, 'g');
  return src.replace(shortBlank[k], '\n');
}

const shortBlank: RegExp[] = [];

/** Offset just past a block scalar token: header, header comment and newline, then body. */
export function blockEnd(tok: CST.BlockScalar): number {
  let len = tok.source.length;
  for (const p of tok.props) len += CST.stringify(p).length;
  return tok.offset + len;
}

/** Applies sorted, non-overlapping splices (no line bookkeeping: this runs on 20 MB texts). */
export function spliceText(text: string, splices: readonly Splice[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const s of [...splices].sort((x, y) => x.start - y.start)) {
    if (s.start < pos) return text; // overlapping: leave unchanged, the check then fails
    parts.push(text.slice(pos, s.start), s.insert);
    pos = s.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** The block scalar token that starts at `offset` in a freshly lexed `text`. */
export function blockScalarAt(text: string, offset: number): CST.BlockScalar | null {
  const t = scalarTokenAt(text, offset);
  return t?.type === 'block-scalar' ? t : null;
}

/** The scalar token (block or flow) that starts at `offset` in a freshly lexed `text`. */
export function scalarTokenAt(text: string, offset: number): CST.BlockScalar | CST.FlowScalar | null {
  const stack: CST.Token[] = [];
  for (const top of new Parser().parse(text)) stack.push(top);
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (CST.isScalar(t)) {
      if (t.offset === offset) return t;
    } else if (t.type === 'document') {
      if (t.value) stack.push(t.value);
    } else if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      for (const it of t.items) {
        if (it.key) stack.push(it.key);
        if (it.value) stack.push(it.value);
      }
    }
  }
  return null;
}

/**
 * True when applying `splices` (all inside `tok`) to `text` turns the block scalar `tok` into
 * exactly `value` and leaves everything after it alone. The token may end a few blank lines
 * earlier or later than before (yaml hands trailing blank lines of a `|`/`|-` block to the
 * parent), but must never take in or give up anything else.
 */
export function verifyBlockEdit(text: string, tok: CST.BlockScalar, splices: readonly Splice[], value: string): boolean {
  const next = spliceText(text, splices);
  const found = blockScalarAt(next, tok.offset);
  if (!found || !(bigLiteralMatches(found, value) || resolveBlockValue(found) === value)) return false;
  const want = blockEnd(tok) + next.length - text.length;
  const got = blockEnd(found);
  return got === want || /^[ \r\n]*$/.test(next.slice(Math.min(got, want), Math.max(got, want)));
}
