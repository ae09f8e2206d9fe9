/**
 * Making a repeated tool-call id unique: the call in response k gets a new id, and so do the
 * references to *that* call in later requests — the assistant turn that echoes it and the
 * results that answer it — while older turns that used the same id for another call keep it.
 *
 * Requests carry the whole conversation, so in request j the id's occurrences are grouped into
 * turns (calls, then their results). Request k already holds the turns before response k; the
 * next turn in request j is the echo of response k.
 */
import { getBodyText, setBody } from '../../edit/ops';
import type { EditableDoc } from '../../edit/document';
import { openEditable } from '../../edit/document';
import { replaceJsonStringToken } from '../../edit/tool-ids';
import type { JsonPath, StringToken } from '../../json/scan';
import { replaceTokens, stringTokens } from '../../json/scan';
import type { Fix } from '../types';
import type { LintContext } from '../types';

const RESULT_KEYS = new Set(['tool_call_id', 'tool_use_id']);

function at(root: unknown, path: JsonPath): unknown {
  let v = root;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

function isResultToken(root: unknown, t: StringToken): boolean {
  const key = t.path[t.path.length - 1];
  if (typeof key === 'string' && RESULT_KEYS.has(key)) return true;
  if (t.path.includes('toolResult') || t.path.includes('functionResponse')) return true;
  if (key === 'call_id') {
    const type = (at(root, t.path.slice(0, -1)) as { type?: unknown } | undefined)?.type;
    return typeof type === 'string' && type.endsWith('_output');
  }
  return false;
}

/** Occurrences of `id` in a request body, grouped into turns (calls followed by their results). */
export function idTurns(text: string, id: string): StringToken[][] | null {
  const tokens = stringTokens(text);
  if (!tokens) return null;
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return null;
  }
  const turns: StringToken[][] = [];
  let lastWasResult = true;
  for (const t of tokens) {
    if (t.value !== id) continue;
    const result = isResultToken(root, t);
    if (!result && lastWasResult) turns.push([]);
    if (turns.length === 0) turns.push([]); // a result with no call before it (history cut short)
    turns[turns.length - 1].push(t);
    lastWasResult = result;
  }
  return turns;
}

export function freshId(text: string, id: string, k: number): string {
  let candidate = `${id}_turn${k}`;
  for (let n = 2; text.includes(JSON.stringify(candidate).slice(1, -1)); n++) candidate = `${id}_turn${k}_${n}`;
  return candidate;
}

function requestText(ed: EditableDoc, i: number): string | null {
  const t = getBodyText(ed, { interaction: i, side: 'request' });
  return typeof t === 'string' ? t : null;
}

export function renameCallFrom(text: string, k: number, id: string, to: string, count: number): string {
  let ed = openEditable(text);
  const step = (r: ReturnType<typeof setBody>) => {
    if (!r.ok) throw new Error(r.error);
    ed = r.doc;
  };
  const res = getBodyText(ed, { interaction: k, side: 'response' });
  if (typeof res !== 'string') throw new Error(res.error);
  const renamed = replaceJsonStringToken(res, id, to);
  if (renamed.count === 0) throw new Error(`id ${id} not found in response ${k}`);
  step(setBody(ed, { interaction: k, side: 'response', text: renamed.text }));
  const before = requestText(ed, k);
  const skip = before === null ? 0 : (idTurns(before, id)?.length ?? 0);
  for (let j = k + 1; j < count; j++) {
    const body = requestText(ed, j);
    if (body === null) continue;
    const turns = idTurns(body, id);
    const turn = turns?.[skip];
    if (!turn) continue;
    step(setBody(ed, { interaction: j, side: 'request', text: replaceTokens(body, turn, to) }));
  }
  return ed.text;
}

export function uniqueIdFix(ctx: LintContext, k: number, id: string): Fix {
  const to = freshId(ctx.text, id, k);
  const count = ctx.cassette.interactions.length;
  return {
    title: `Rename tool-call id ${JSON.stringify(id)} of interaction ${k} to ${JSON.stringify(to)} and update its results`,
    apply: (text) => renameCallFrom(text, k, id, to, count),
  };
}
