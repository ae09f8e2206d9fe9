/**
 * Line-level fidelity checks shared by the corpus suites: which lines an edit changed, with the
 * lines of base64 `!!binary`/`!binary` blocks (re-encoded whole by design) set aside.
 */
import { visit } from 'yaml';
import { openEditable } from '../../shared/edit/document';
import { isBinaryTag } from '../../shared/edit/nodes';
import { parseCassette } from '../../shared/cassette/parse';
import { analyzeCassette } from '../../shared/llm/analyze';
import { utf8Encode } from '../../shared/util/bytes';

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

function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (off) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

/**
 * Problems with an edit that should change only lines matching `touches`: the line count
 * (binary blocks aside) must stay, and every changed line must be one that `touches` accepts
 * (given the old line and its neighbours, for a word split by a `\` line continuation).
 */
export function lineProblems(before: string, after: string, touches: (line: string, prev: string, next: string) => boolean): string[] {
  const a = maskedLines(before);
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
