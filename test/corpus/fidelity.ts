/**
 * Line-level fidelity checks shared by the corpus suites: which lines an edit changed, with the
 * lines of base64 `!!binary`/`!binary` blocks (re-encoded whole by design) set aside, and
 * whether those lines are the ones whose content the edit changed.
 */
import { CST, visit } from 'yaml';
import type { Scalar } from 'yaml';
import { decodeFlow } from '../../shared/edit/flow-map';
import { diffLines } from '../../shared/edit/line-diff';
import { diffValues } from '../../shared/edit/value-diff';
import { openEditable } from '../../shared/edit/document';
import { isBinaryTag } from '../../shared/yaml/nodes';
import { parseCassette } from '../../shared/cassette/parse';
import { analyzeCassette } from '../../shared/llm/analyze';
import { utf8Encode } from '../../shared/util/bytes';
import { lineStartsOf, posInLines } from '../../shared/edit/value-pos';

/** The text's lines with every binary block folded into one placeholder line. */
export function maskedLines(text: string): string[] {
  const ed = openEditable(text);
  const ranges: [number, number][] = [];
  if (ed.doc) {
    visit(ed.doc, {
      Scalar(_, node) {
        if (isBinaryTag(node) && node.range) ranges.push([node.range[0], node.range[1]]);
      },
    });
  }
  const lines = text.split('\n');
  const lineOf = lineIndex(text);
  const drop = new Set<number>();
  for (const [a, b] of ranges) {
    const la = lineOf(a);
    const lb = lineOf(Math.max(a, b - 1));
    lines[la] = lines[la].slice(0, a - (text.lastIndexOf('\n', a - 1) + 1)) + '<binary>';
    for (let l = la + 1; l <= lb; l++) drop.add(l);
  }
  return lines.filter((_, i) => !drop.has(i));
}

/** 0-based line of an offset. */
function lineIndex(text: string): (offset: number) => number {
  const starts = lineStartsOf(text);
  return (off) => posInLines(starts, off).line - 1;
}

/**
 * Problems with an edit that should change only lines matching `touches`: the line count
 * (binary blocks aside) must stay, and every changed line must be one that `touches` accepts
 * (given the old line and its neighbours, for a word split by a `\` line continuation).
 */
export function lineProblems(before: string | string[], after: string, touches: (line: string, prev: string, next: string) => boolean): string[] {
  // A sweep making many edits to one file passes the original's masked lines in, once.
  const a = typeof before === 'string' ? maskedLines(before) : before;
  const b = maskedLines(after);
  if (a.length !== b.length) return [`line count ${a.length} -> ${b.length}`];
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i] || touches(a[i], a[i - 1] ?? '', a[i + 1] ?? '')) continue;
    out.push(`line ${i + 1} changed: ${JSON.stringify(a[i].slice(0, 80))} -> ${JSON.stringify(b[i].slice(0, 80))}`);
    if (out.length >= 3) break;
  }
  return out;
}

/** The assembled message of every interaction, as JSON. */
export function messagesJson(rel: string, text: string): string {
  const c = parseCassette({ path: rel, bytes: utf8Encode(text) });
  return JSON.stringify(analyzeCassette(c).interactions.map((x) => x.message ?? null));
}

interface Pos {
  scalar: Scalar;
  value: string;
}

function scalarsOf(text: string): Pos[] {
  const out: Pos[] = [];
  const ed = openEditable(text);
  if (ed.doc)
    visit(ed.doc, {
      Scalar(_, node) {
        out.push({ scalar: node, value: String(node.value) });
      },
    });
  return out;
}

/**
 * Problems with an edit that changes scalar values only (a lint fix, a view edit): every line of
 * `before` that the edit removed or rewrote must hold a changed part of a changed value (for a
 * flow scalar the source characters of each word-level change, for a block literal the value
 * lines that changed; a binary block or a folded `>` block counts whole), and no changed flow
 * scalar may change its style. A re-flowed body rewrites lines that hold no change and fails.
 */
export function scalarEditProblems(before: string, after: string): string[] {
  const a = scalarsOf(before);
  const b = scalarsOf(after);
  if (a.length !== b.length) return [`the structure changed (${a.length} -> ${b.length} scalars)`];
  const lineOf = lineIndex(before);
  const allowed = new Set<number>();
  const allow = (from: number, to: number) => {
    for (let l = lineOf(from); l <= lineOf(Math.max(from, to)); l++) allowed.add(l);
  };
  const out: string[] = [];
  a.forEach((x, i) => {
    const y = b[i];
    if (x.value === y.value) return;
    const tok = x.scalar.srcToken;
    const range = x.scalar.range;
    if (!tok || !CST.isScalar(tok) || !range) return;
    const newType = y.scalar.srcToken && CST.isScalar(y.scalar.srcToken) ? y.scalar.srcToken.type : null;
    if (tok.type !== 'block-scalar' && newType !== tok.type && !isBinaryTag(x.scalar))
      out.push(`line ${lineOf(tok.offset) + 1}: a ${tok.type} became a ${newType}`);
    const hunks = diffValues(x.value, y.value);
    if (isBinaryTag(x.scalar) || (tok.type === 'block-scalar' && tok.props.some((p) => 'source' in p && p.source.startsWith('>')))) {
      allow(range[0], range[1] - 1);
    } else if (tok.type === 'block-scalar') {
      // Value line k is source line header + 1 + k; the header changes with the chomping.
      const header = lineOf(tok.offset);
      allowed.add(header);
      for (const h of hunks) {
        const first = header + 1 + countLines(x.value, Math.max(0, h.oa - 1));
        const last = header + 1 + countLines(x.value, h.ob);
        for (let l = first; l <= last; l++) allowed.add(l);
      }
    } else {
      const dec = tok.type === 'alias' ? null : decodeFlow(tok.source, tok.type);
      if (!dec) return allow(range[0], range[1] - 1);
      // From the character before the change to the one after it: a change next to a fold
      // may take the line break in (whitespace beside a break would be folded away).
      for (const h of hunks) allow(tok.offset + dec.pos[Math.max(0, h.oa - 1)], tok.offset + dec.pos[Math.min(dec.value.length, h.ob + 1)]);
    }
  });
  const la = before.split('\n');
  const lb = after.split('\n');
  // Same line count: compare line by line (a diff could pair look-alike SSE lines one off and
  // call an untouched blank line removed). Otherwise by diff hunks, same-sized ones line by line.
  const hunks = la.length === lb.length ? [{ a0: 0, a1: la.length, b0: 0, b1: lb.length }] : diffLines(la, lb);
  for (const h of hunks) {
    const paired = h.a1 - h.a0 === h.b1 - h.b0;
    for (let l = h.a0; l < h.a1 && out.length < 3; l++) {
      if (paired && la[l] === lb[h.b0 + l - h.a0]) continue;
      if (!allowed.has(l)) out.push(`line ${l + 1} changed without a change in it: ${JSON.stringify(la[l].slice(0, 80))}`);
    }
  }
  return out;
}

const countLines = (s: string, end: number) => {
  let n = 0;
  for (let i = 0; i < end && i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
};
