/**
 * Sets a later request's copy of a response value back to what the response recorded (the
 * response is what the provider sent; the copy is what the client echoed). Only that JSON value
 * of the request body changes.
 */
import { parseCassette } from '../../cassette/parse';
import { openEditable } from '../../edit/document';
import { editBodies, historyTurns, writeCopies } from '../../edit/history-copies';
import { analyzeCassette } from '../../llm/analyze';
import { utf8Encode } from '../../util/bytes';
import type { Fix } from '../types';

export type StaleCopy = { kind: 'text' } | { kind: 'arguments'; position: number; name: string; id: string | null };

export function historyCopyFix(from: number, to: number, s: StaleCopy): Fix {
  const what = s.kind === 'text' ? 'text' : `${s.name} arguments`;
  return {
    title: `Copy interaction ${from}'s response ${what} into interaction ${to}'s request`,
    apply: (text) => {
      const analysis = analyzeCassette(parseCassette({ path: 'fix.yaml', bytes: utf8Encode(text) }));
      const lookup = (i: number) => analysis.interactions[i] ?? null;
      const msg = lookup(from)?.message;
      const ed = openEditable(text);
      const turn = historyTurns(editBodies(ed), from, lookup).find((t) => t.interaction === to);
      if (!msg || !turn) throw new Error(`interaction ${to} no longer carries interaction ${from}'s response`);
      const slot = s.kind === 'text' ? turn.texts[0] : turn.calls[s.position];
      const value = s.kind === 'text' ? msg.text : msg.toolCalls[s.position]?.arguments;
      if (!slot || value === undefined) throw new Error('the copy is gone');
      const r = writeCopies(ed, [{ interaction: to, slot }], value);
      if (!r.ok) throw new Error(r.error);
      return r.text;
    },
  };
}
