/**
 * A later request's copy of a response (its message history) against the response it came
 * from: a hand edit of one and not the other leaves a conversation no client could have sent,
 * and replays then depend on which side the code under test reads. Copies are found as the
 * edits find them (shared/edit/history-copies.ts); arguments compare as canonical JSON, since
 * clients re-serialise them (Gemini and Anthropic reorder keys, Go drops spaces).
 */
import { cassetteBodies, historyTurns } from '../../edit/history-copies';
import type { TurnCopy } from '../../edit/history-copies';
import { normArgs } from '../../llm/links';
import type { AssembledMessage } from '../../model/llm';
import type { RawFinding } from '../types';
import type { RuleCtx } from '../context';
import { finding, pairs, q } from '../context';
import { findInRange } from '../positions';
import { historyCopyFix, type StaleCopy } from '../fixes/history-copy';

/** Which values of a copy disagree with the response. */
export function staleCopies(msg: AssembledMessage, t: TurnCopy): StaleCopy[] {
  const out: StaleCopy[] = [];
  if (t.calls.length === msg.toolCalls.length)
    msg.toolCalls.forEach((c, p) => {
      const copy = t.calls[p];
      if (copy.name === c.name && normArgs(copy.value) !== normArgs(c.arguments)) out.push({ kind: 'arguments', position: p, name: c.name, id: c.id });
    });
  // One text value against one text: anything else (split parts, thinking) is ambiguous, and
  // clients send a blank for a turn that only called tools (fantasy sends " " for "   ").
  if (t.texts.length === 1 && msg.text.trim() !== '' && t.texts[0].value.trim() !== '' && t.texts[0].value !== msg.text) out.push({ kind: 'text' });
  return out;
}

export function staleHistory(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  const list = pairs(ctx);
  const lookup = (i: number) => list[i]?.ia ?? null;
  const bodies = cassetteBodies(ctx.cassette);
  list.forEach(({ ia }, k) => {
    const msg = ia?.message;
    if (!msg || (msg.text === '' && msg.toolCalls.length === 0) || k + 1 >= list.length) return;
    for (const t of historyTurns(bodies, k, lookup)) {
      const it = list[t.interaction].it;
      for (const s of staleCopies(msg, t)) {
        const what = s.kind === 'text' ? 'the assistant text' : `the arguments of ${s.name} (${q(s.id)})`;
        const f = finding(
          'history/stale-copy',
          `Interaction ${t.interaction}'s request carries ${what} of interaction ${k}'s response, but not as recorded there: one of them was edited without the other`,
          it.index,
          findInRange(ctx.lines, it.ranges.requestBody, s.kind === 'text' ? '"assistant"' : s.name) ?? it.ranges.requestBody,
        );
        if (ctx.editable) f.fix = historyCopyFix(k, t.interaction, s);
        out.push(f);
      }
    }
  });
  return out;
}
