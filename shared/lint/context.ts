/** Per-file lint state shared by the rules: the parsed cassette, its analysis, source lines. */
import type { InteractionAnalysis } from '../model/analysis';
import type { Interaction } from '../model/cassette';
import type { SourceRange } from '../model/diagnostics';
import { LineIndex } from './positions';
import type { LintContext, RawFinding } from './types';

export interface RuleCtx extends LintContext {
  lines: LineIndex;
}

export function withLines(ctx: LintContext): RuleCtx {
  return { ...ctx, lines: new LineIndex(ctx.text) };
}

/** Each interaction paired with its analysis (null where the LLM layer had nothing to say). */
export function pairs(ctx: LintContext): { it: Interaction; ia: InteractionAnalysis | null }[] {
  return ctx.cassette.interactions.map((it) => ({ it, ia: ctx.analysis?.interactions[it.index] ?? null }));
}

export function finding(code: string, message: string, interaction: number | undefined, where: { line: number; column: number } | SourceRange | undefined): RawFinding {
  const f: RawFinding = { code, message };
  if (interaction !== undefined) f.interaction = interaction;
  if (where && 'start' in where) {
    f.line = where.start.line;
    f.column = where.start.column;
  } else if (where) {
    f.line = where.line;
    f.column = where.column;
  }
  return f;
}

/** `"add:0"` for messages; ids can be anything, so quote them. */
export function q(s: string | null): string {
  return s === null ? '(none)' : JSON.stringify(s);
}
