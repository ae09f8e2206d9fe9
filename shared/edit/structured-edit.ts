/**
 * Structured edits from the views → lossless edit operations on the cassette text. Every
 * intent goes through shared/edit (CST splices), so a saved file differs from the original
 * only on the lines the edit touched.
 */
import { openEditable } from './document';
import { deleteInteraction, duplicateInteraction } from './interactions';
import { getBodyText, setBody, setHeader } from './ops';
import type { Side } from './layout';
import type { IntentResult } from './types';
import { renameToolCallId } from './tool-ids';
import { stringTokens } from '../json/scan';
import type { InteractionAnalysis } from '../model/analysis';
import { redactText } from '../redact/redact';
import { setStreamEvents } from './stream-events';
import { tryJson } from '../stream/json-event';
import { argFragments, jsonArgFragment } from './arg-fragments';
import { assignValues, eventEdits } from './fragments';
import type { AnalysisLookup, Doc, Frag } from './fragments';
import { laterCopies, withHistory } from './history-edit';
import { textFragments } from './text-fragments';

export { laterCopies };

export type EditIntent =
  | { kind: 'tool-id'; from: string; to: string }
  /** `history: false` leaves the copies later requests carry alone (see history-copies.ts). */
  | { kind: 'tool-args'; interaction: number; slot: number; args: string; history?: boolean }
  /** A message text in a JSON body, found as the string token equal to `old`. */
  | { kind: 'text'; interaction: number; side: Side; old: string; text: string }
  /** The assembled response text (streamed or not), as the views show it. */
  | { kind: 'response-text'; interaction: number; text: string; history?: boolean }
  | { kind: 'header'; interaction: number; side: Side; name: string; value: string; occurrence?: number }
  | { kind: 'event-data'; interaction: number; event: number; data: string }
  | { kind: 'delete-interaction'; interaction: number }
  | { kind: 'duplicate-interaction'; interaction: number }
  | { kind: 'redact-all' };


export type { AnalysisLookup };

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
      // The batch writer also re-encodes AWS eventstream frames (setStreamEvent cannot).
      return done(setStreamEvents(ed, { interaction: intent.interaction, edits: [{ eventIndex: intent.event, data: intent.data }] }), `Edit event ${intent.event + 1}`);
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
      return withHistory(text, intent, analysis, editToolArgs(text, intent, analysis(intent.interaction)));
    case 'response-text': {
      const ia = analysis(intent.interaction);
      if (!ia?.message) return fail('not an LLM response');
      // Same text: nothing to do (rewriting would only consolidate the fragments).
      if (ia.message.text === intent.text) return fail('the text did not change');
      return withHistory(text, intent, analysis, editFragments(text, intent.interaction, ia, (doc) => textFragments(ia, doc), intent.text, 'Edit response text', ia.message.text));
    }
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
 * A tool call's arguments. Streamed: the change goes into the fragments it touches, so the
 * concatenation a client assembles is exactly the new text and the other events stay as
 * recorded (fragments.ts spreadPieces); whole copies (Responses) get the whole text. Not
 * streamed: the arguments value in the body.
 */
function editToolArgs(text: string, a: { interaction: number; slot: number; args: string }, ia: InteractionAnalysis | null): IntentResult {
  const call = ia?.message?.toolCalls.find((c) => c.slot === a.slot);
  if (!ia || !call) return fail('no such tool call');
  const label = `Edit arguments of ${call.name || 'tool call'}`;
  if (call.arguments === a.args) return fail('the arguments did not change');
  return editFragments(text, a.interaction, ia, (doc) => (doc ? wrapOne(jsonArgFragment(ia, doc, a.slot)) : argFragments(ia, a.slot)), a.args, label, call.arguments);
}

const wrapOne = (f: Frag | string): Frag[] | string => (typeof f === 'string' ? f : [f]);

/**
 * Writes `value` into the fragments `find` returns: over the stream's events (one body write,
 * eventstream frames re-encoded) or, for a non-streamed body (`find` gets the body as a Doc),
 * into the body JSON.
 */
function editFragments(text: string, interaction: number, ia: InteractionAnalysis, find: (bodyDoc?: Doc) => Frag[] | string, value: string, label: string, old: string): IntentResult {
  const ed = openEditable(text);
  let bodyDoc: Doc | undefined;
  if (!ia.stream) {
    const body = getBodyText(ed, { interaction, side: 'response' });
    if (typeof body !== 'string') return fail(body.error);
    const json = tryJson(body);
    if (json === undefined) return fail('the response body is not JSON');
    bodyDoc = { event: 0, text: body, json };
  }
  const frags = find(bodyDoc);
  if (typeof frags === 'string') return fail(frags);
  const values = assignValues(frags, value, old);
  if (typeof values === 'string') return fail(values);
  const edits = eventEdits(values);
  if (typeof edits === 'string') return fail(edits);
  if (edits.length === 0) return fail('nothing changed');
  const r = bodyDoc ? setBody(ed, { interaction, side: 'response', text: edits[0].data }) : setStreamEvents(ed, { interaction, edits });
  return r.ok ? { ok: true, text: r.text, label } : fail(r.error);
}
