/**
 * Structured edits from the views → lossless edit operations on the cassette text. Every
 * intent goes through shared/edit (CST splices), so a saved file differs from the original
 * only on the lines the edit touched.
 */
import { openEditable } from '../../../../shared/edit/document';
import { deleteInteraction, duplicateInteraction } from '../../../../shared/edit/interactions';
import { getBodyText, setBody, setHeader, setStreamEvent } from '../../../../shared/edit/ops';
import type { Side } from '../../../../shared/edit/layout';
import { renameToolCallId } from '../../../../shared/edit/tool-ids';
import { stringTokens } from '../../../../shared/lint/json-tokens';
import type { InteractionAnalysis } from '../../../../shared/model/analysis';
import { redactText } from '../../../../shared/redact/redact';
import { argFragments } from './arg-fragments';

export type EditIntent =
  | { kind: 'tool-id'; from: string; to: string }
  | { kind: 'tool-args'; interaction: number; slot: number; args: string }
  /** A message text in a JSON body, found as the string token equal to `old`. */
  | { kind: 'text'; interaction: number; side: Side; old: string; text: string }
  | { kind: 'header'; interaction: number; side: Side; name: string; value: string; occurrence?: number }
  | { kind: 'event-data'; interaction: number; event: number; data: string }
  | { kind: 'delete-interaction'; interaction: number }
  | { kind: 'duplicate-interaction'; interaction: number }
  | { kind: 'redact-all' };

export type IntentResult = { ok: true; text: string; label: string } | { ok: false; error: string };

/** What an intent may need from the analysis (stream events, dialect, assembled calls). */
export type AnalysisLookup = (interaction: number) => InteractionAnalysis | null;

const fail = (error: string): IntentResult => ({ ok: false, error });

export function applyIntent(text: string, intent: EditIntent, analysis: AnalysisLookup): IntentResult {
  const ed = openEditable(text);
  const done = (r: { ok: true; text: string } | { ok: false; error: string }, label: string): IntentResult =>
    r.ok ? { ok: true, text: r.text, label } : fail(r.error);
  switch (intent.kind) {
    case 'tool-id':
      if (intent.from === intent.to) return fail('the id did not change');
      return done(renameToolCallId(ed, { from: intent.from, to: intent.to }), `Rename ${intent.from} → ${intent.to}`);
    case 'header':
      return done(setHeader(ed, intent), `Set header ${intent.name}`);
    case 'event-data':
      return done(setStreamEvent(ed, { interaction: intent.interaction, eventIndex: intent.event, data: intent.data }), `Edit event ${intent.event + 1}`);
    case 'delete-interaction':
      return done(deleteInteraction(ed, intent), `Delete interaction #${intent.interaction}`);
    case 'duplicate-interaction':
      return done(duplicateInteraction(ed, intent), `Duplicate interaction #${intent.interaction}`);
    case 'redact-all': {
      const r = redactText(text);
      if (r.error) return fail(r.error);
      if (r.text === text) return fail('no secrets found');
      return { ok: true, text: r.text, label: `Redact ${r.findings.length} secret(s)` };
    }
    case 'text':
      return replaceBodyString(text, intent.interaction, intent.side, intent.old, intent.text, 'Edit message text');
    case 'tool-args':
      return editToolArgs(text, intent, analysis(intent.interaction));
  }
}

/** Replaces the one JSON string token whose value is `old` in a body (first match). */
export function replaceBodyString(text: string, interaction: number, side: Side, old: string, next: string, label: string): IntentResult {
  const ed = openEditable(text);
  const body = getBodyText(ed, { interaction, side });
  if (typeof body !== 'string') return fail(body.error);
  const toks = stringTokens(body);
  if (!toks) return fail(`the ${side} body is not JSON`);
  const t = toks.find((k) => k.value === old);
  if (!t) return fail(`could not find that text in the ${side} body`);
  const nb = body.slice(0, t.start) + JSON.stringify(next) + body.slice(t.end);
  const r = setBody(ed, { interaction, side, text: nb });
  return r.ok ? { ok: true, text: r.text, label } : fail(r.error);
}

/**
 * A tool call's arguments. Streamed: the honest, simple rewrite: the whole new argument text
 * goes into the first fragment event and the other fragments become "", so the concatenation
 * a client assembles is exactly the new text. Not streamed: the arguments string token.
 */
function editToolArgs(text: string, a: { interaction: number; slot: number; args: string }, ia: InteractionAnalysis | null): IntentResult {
  const call = ia?.message?.toolCalls.find((c) => c.slot === a.slot);
  if (!ia || !call) return fail('no such tool call');
  const label = `Edit arguments of ${call.name || 'tool call'}`;
  if (!ia.stream) return replaceBodyString(text, a.interaction, 'response', call.arguments, a.args, label);
  const frags = argFragments(ia, a.slot);
  if (typeof frags === 'string') return fail(frags);
  let cur = text;
  for (let k = 0; k < frags.length; k++) {
    const f = frags[k];
    const value = k === 0 ? a.args : '';
    if (f.value === value) continue;
    const data = f.data.slice(0, f.start) + JSON.stringify(value) + f.data.slice(f.end);
    const r = setStreamEvent(openEditable(cur), { interaction: a.interaction, eventIndex: f.event, data });
    if (!r.ok) return fail(`event ${f.event + 1}: ${r.error}`);
    cur = r.text;
  }
  return { ok: true, text: cur, label };
}
