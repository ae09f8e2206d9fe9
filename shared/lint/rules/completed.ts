/**
 * OpenAI Responses streams say everything twice: as deltas, and again in the final
 * `response.completed` (or `.incomplete`). Clients differ in which they read (streaming UIs
 * the deltas, `stream.finalResponse()` the completed copy), so a hand edit or a proxy that
 * changed one and not the other makes a test pass or fail depending on the client. This rule
 * compares what the deltas assemble to with the completed copy (fixes/completed-copy.ts):
 * answer text and each function call's arguments (matched by call id).
 */
import type { RawFinding } from '../types';
import type { RuleCtx } from '../context';
import { finding, pairs } from '../context';
import { bodyBytePos } from '../positions';
import { compareCompleted, completedCopy, completedCopyFix } from '../fixes/completed-copy';

export function completedMismatch(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { it, ia } of pairs(ctx)) {
    if (ia?.provider !== 'openai-responses' || !ia.stream || !ia.message) continue;
    const end = completedCopy(ia.stream.events);
    if (!end) continue;
    const { differs, edits } = compareCompleted(end.output, ia.message);
    if (differs.length === 0) continue;
    const where = bodyBytePos(ctx.lines, it.response.body, ia.stream.events[end.index].offset);
    const f = finding(
      'stream/completed-mismatch',
      `The stream's deltas and its final \`${end.type}\` disagree on ${differs.join(', ')}: clients that read one or the other replay different answers`,
      it.index,
      where,
    );
    // The deltas are what was streamed; the copy is rewritten to match when that is unambiguous.
    if (ctx.editable && edits?.length) f.fix = completedCopyFix(it.index);
    out.push(f);
  }
  return out;
}
