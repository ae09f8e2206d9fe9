/**
 * Renaming a tool call id everywhere it appears: response bodies and stream deltas
 * (`tool_calls[].id`, Anthropic `tool_use.id`, Responses `call_id`) and the follow-up requests
 * (`tool_call_id`, `tool_use_id`). Only whole JSON string tokens equal to the id are replaced,
 * so an id that is a prefix of another id (call_1 / call_10) is never touched by mistake.
 */
import type { Scalar } from 'yaml';
import { planBody, readBody } from './body-codec';
import { commit } from './document';
import type { EditableDoc } from './document';
import { interactionCount, sideRef } from './layout';
import { scalarsUnder, scalarText } from '../yaml/nodes';
import type { Result } from './ops';
import { locate } from './ops';
import { planScalar } from './scalar-edit';
import type { Splice } from './types';
import { editError } from './types';

export interface RenameToolCallIdArgs {
  from: string;
  to: string;
  /** Interaction indices to touch; default: the whole cassette. */
  scope?: number[];
}

/** Replaces every JSON string token equal to `from` (also when the JSON is itself string-escaped). */
export function replaceJsonStringToken(text: string, from: string, to: string): { text: string; count: number } {
  let count = 0;
  let out = text;
  const plain = JSON.stringify(from);
  const escaped = JSON.stringify(plain).slice(1, -1);
  for (const [a, b] of [
    [plain, JSON.stringify(to)],
    [escaped, JSON.stringify(JSON.stringify(to)).slice(1, -1)],
  ]) {
    const parts = out.split(a);
    count += parts.length - 1;
    out = parts.join(b);
  }
  return { text: out, count };
}

export function renameToolCallId(ed: EditableDoc, a: RenameToolCallIdArgs): Result {
  if (a.from === '' || a.to === '') return editError('tool call ids must not be empty');
  const loc = locate(ed);
  if (typeof loc === 'string') return editError(loc);
  const n = interactionCount(loc.doc, loc.format);
  const scope = a.scope ?? [...Array(n).keys()];
  const splices: Splice[] = [];
  let count = 0;
  for (const i of scope) {
    if (i < 0 || i >= n) return editError(`interaction ${i} out of range (0..${n - 1})`);
    for (const s of ['request', 'response'] as const) {
      const ref = sideRef(loc.doc, loc.format, i, s);
      if (typeof ref === 'string') continue;
      if (ref.body.parsed !== undefined) {
        for (const sc of scalarsUnder(ref.body.parsed) as Scalar[]) {
          const v = scalarText(sc);
          if (v === null) continue;
          const r = v === a.from ? { text: a.to, count: 1 } : replaceJsonStringToken(v, a.from, a.to);
          if (r.count === 0) continue;
          const p = planScalar(ed, sc, r.text);
          if (typeof p === 'string') return editError(p);
          splices.push(...p);
          count += r.count;
        }
      }
      const b = readBody(ref);
      if (typeof b === 'string' || b.text === null) continue;
      const r = replaceJsonStringToken(b.text, a.from, a.to);
      if (r.count === 0) continue;
      const p = planBody(ed, ref, r.text);
      if (typeof p === 'string') return editError(`interaction ${i} ${s}: ${p}`);
      splices.push(...p);
      count += r.count;
    }
  }
  if (count === 0) return editError(`tool call id "${a.from}" not found`);
  return commit(ed, splices, `${count} occurrence(s) renamed`);
}
