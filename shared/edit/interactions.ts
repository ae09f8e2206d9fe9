/**
 * Deleting and duplicating whole interactions by splicing their source lines (block lists) or
 * their JSON elements (HAR). go-vcr `id`s that equalled their index are renumbered in the same
 * edit, as go-vcr itself does on save.
 */
import { isScalar } from 'yaml';
import type { Node } from 'yaml';
import { commit } from './document';
import type { EditableDoc } from './document';
import { interactionCount, interactionLists } from './layout';
import { asSeq, get, scalarText } from '../yaml/nodes';
import type { Result } from './ops';
import { locate } from './ops';
import { planRawScalar } from './scalar-edit';
import type { Splice } from './types';
import { editError } from './types';

interface ItemSpan {
  start: number;
  end: number;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** Whole-line spans of a block sequence's items, or null when the list is not a plain block list. */
function blockSpans(text: string, list: Node): ItemSpan[] | null {
  const nodes = asSeq(list)?.items as Node[] | undefined;
  if (!nodes || nodes.length === 0 || list.srcToken?.type !== 'block-seq') return null;
  const tok = list.srcToken;
  const dashes: number[] = [];
  for (const it of tok.items) {
    const dash = it.start.find((t) => t.type === 'seq-item-ind');
    if (!dash) return null;
    if (text.slice(lineStartOf(text, dash.offset), dash.offset).trim() !== '') return null;
    dashes.push(dash.offset);
  }
  const spans: ItemSpan[] = [];
  for (let i = 0; i < dashes.length; i++) {
    const start = lineStartOf(text, dashes[i]);
    const end = i + 1 < dashes.length ? lineStartOf(text, dashes[i + 1]) : lineEndOf(text, Math.max(start, nodes[i].range![1] - 1));
    spans.push({ start, end });
  }
  return spans;
}

function idSplice(item: unknown, want: number): Splice | null {
  const id = get(item, 'id');
  if (!isScalar(id) || scalarText(id) === String(want) || !/^\d+$/.test(scalarText(id) ?? '')) return null;
  const p = planRawScalar(id, String(want));
  return typeof p === 'string' ? null : p[0];
}

function planList(ed: EditableDoc, list: Node, index: number, op: 'delete' | 'duplicate', renumber: boolean): Splice[] | string {
  const seq = asSeq(list);
  if (!seq) return 'the interaction list is missing';
  const nodes = seq.items as Node[];
  const text = ed.text;
  const out: Splice[] = [];
  const flow = list.srcToken?.type === 'flow-collection';
  if (flow) {
    const r = (i: number) => nodes[i].range!;
    if (op === 'delete') {
      if (index > 0) out.push({ start: r(index - 1)[1], end: r(index)[1], insert: '' });
      else if (nodes.length > 1) out.push({ start: r(0)[0], end: r(1)[0], insert: '' });
      else out.push({ start: r(0)[0], end: r(0)[1], insert: '' });
    } else {
      const sep =
        index > 0 ? text.slice(r(index - 1)[1], r(index)[0])
        : nodes.length > 1 ? text.slice(r(0)[1], r(1)[0])
        : ',' + ed.eol + text.slice(lineStartOf(text, r(0)[0]), r(0)[0]);
      out.push({ start: r(index)[1], end: r(index)[1], insert: sep + text.slice(r(index)[0], r(index)[1]) });
    }
  } else {
    const spans = blockSpans(text, list);
    if (!spans) return 'the interaction list is not a plain block list';
    const s = spans[index];
    if (op === 'delete') {
      out.push({ start: s.start, end: s.end, insert: '' });
      // The last interaction: leave `interactions: []` (what recorders write), not a null.
      const before = text.slice(0, s.start);
      if (nodes.length === 1 && before.endsWith(':' + ed.eol)) {
        const at = s.start - ed.eol.length;
        out.push({ start: at, end: at, insert: ' []' });
      }
    }
    else {
      let copy = text.slice(s.start, s.end);
      if (!copy.endsWith('\n')) copy = ed.eol + copy;
      const id = renumber ? idSplice(nodes[index], index + 1) : null;
      if (id) copy = copy.slice(0, id.start - s.start) + id.insert + copy.slice(id.end - s.start);
      out.push({ start: s.end, end: s.end, insert: copy });
    }
  }
  if (renumber) {
    const shift = op === 'delete' ? -1 : 1;
    for (let j = index + 1; j < nodes.length; j++) {
      const sp = idSplice(nodes[j], j + shift);
      if (sp && scalarText(get(nodes[j], 'id')) === String(j)) out.push(sp);
    }
  }
  return out;
}

function structural(ed: EditableDoc, interaction: number, op: 'delete' | 'duplicate'): Result {
  const loc = locate(ed);
  if (typeof loc === 'string') return editError(loc);
  const n = interactionCount(loc.doc, loc.format);
  if (!Number.isInteger(interaction) || interaction < 0 || interaction >= n)
    return editError(`interaction ${interaction} out of range (0..${n - 1})`);
  const splices: Splice[] = [];
  for (const list of interactionLists(loc.doc, loc.format)) {
    const p = planList(ed, list as Node, interaction, op, loc.format === 'go-vcr');
    if (typeof p === 'string') return editError(p);
    splices.push(...p);
  }
  return commit(ed, splices);
}

export function deleteInteraction(ed: EditableDoc, a: { interaction: number }): Result {
  return structural(ed, a.interaction, 'delete');
}

/** Inserts a copy of the interaction right after it. */
export function duplicateInteraction(ed: EditableDoc, a: { interaction: number }): Result {
  return structural(ed, a.interaction, 'duplicate');
}

