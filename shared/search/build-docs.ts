/**
 * Builds the search documents of a cassette from the index's own parse and analysis (no second
 * parse). The summary analysis cut big SSE streams to their ends, so those interactions are
 * framed and assembled again here, in full; every stream is stepped once to record where each
 * event's delta ended. Secret values (the redaction rules' headers and patterns) are masked
 * with asterisks of the same length, so offsets and event marks stay true and no secret is kept.
 */
import type { CassetteAnalysis, InteractionAnalysis } from '../model/analysis';
import { headerValue, type Cassette, type Header, type Interaction } from '../model/cassette';
import type { AssembledMessage, LlmRequest, StreamEvent } from '../model/llm';
import { BaseAssembler } from '../llm/assemblers/base';
import { createAssembler } from '../llm/dialects';
import type { Dialect } from '../llm/dialects';
import { builtinRules } from '../redact/rules';
import { cleanHits, headerSecretRanges, patternHits, type Hit } from '../redact/scan';
import { frameBody } from '../stream/frame';
import { jsonMemo } from '../stream/json-memo';
import { sseEventsOfLines } from '../stream/sse';
import { literalOf, type LiteralText } from '../yaml/lazy-literal';
import { contentEncodingOf } from '../cassette/read-util';
import type { InteractionDoc, SearchField } from './doc';

const RULES = builtinRules();
const SECRET_HEADERS = new Set(RULES.headers.map((h) => h.name));
/**
 * Cheap pre-check before the body patterns run over long text: one literal start per built-in
 * rule (OpenAI/Anthropic, Google, AWS key id and secret, GitHub, Hugging Face, Slack, Stripe,
 * Bearer). A test indexes a sample of every rule, so a new rule without its start here fails.
 */
const MAYBE_KEY = /sk-|AIza|AKIA|ASIA|gh[pousr]_|github_pat_|hf_|xox[abposr]-|[sr]k_(?:live|test)_|Bearer/;
/** The one case-blind rule (aws-secret-key); apart, as /i on the whole list scanned 2x slower. */
const MAYBE_AWS_SECRET = /access_?key/i;
const maybeSecret = (text: string) => MAYBE_KEY.test(text) || MAYBE_AWS_SECRET.test(text);

export function buildSearchDocs(c: Cassette, analysis: CassetteAnalysis | null, trimmed: ReadonlySet<number>): InteractionDoc[] {
  return c.interactions.map((it, n) => {
    const ia = analysis?.interactions[n] ?? null;
    // The URL rules are the body ones plus `?key=…`-style parameters, which need an `=`.
    const url = it.request.url;
    const urlHits = maybeSecret(url) || url.includes('=') ? patternHits(url, 'url', RULES) : [];
    const fields: SearchField[] = [{ kind: 'url', text: mask(`${it.request.method} ${url}`, urlHits, it.request.method.length + 1) }];
    addHeaders(fields, 'request-header', it.request.headers);
    addHeaders(fields, 'response-header', it.response.headers);
    if (ia?.request) push(fields, 'request', requestText(ia.request));
    if (ia) addResponse(fields, it, ia, trimmed.has(it.index));
    return { index: it.index, fields };
  });
}

function push(fields: SearchField[], kind: SearchField['kind'], text: string, marks?: number[]): void {
  if (!text) return;
  const f: SearchField = { kind, text: maskBody(text) };
  if (marks && marks.length) f.marks = marks;
  fields.push(f);
}

function addHeaders(fields: SearchField[], kind: 'request-header' | 'response-header', headers: Header[]): void {
  if (headers.length === 0) return;
  const lines = headers.map((h) => {
    // patternHits builds a regex per rule per call: only for values that may hold a secret.
    const hits = SECRET_HEADERS.has(h.name.toLowerCase()) ? headerSecretRanges(h.value, 'header') : maybeSecret(h.value) ? patternHits(h.value, 'header', RULES) : [];
    // One line per header: a hit's line number is its header's index.
    return `${h.name}: ${mask(h.value, hits, 0).replace(/[\r\n]/g, ' ')}`;
  });
  fields.push({ kind, text: lines.join('\n') });
}

function requestText(r: LlmRequest): string {
  const out: string[] = [];
  for (const m of r.messages) {
    if (m.text) out.push(`${m.role}: ${m.text}`);
    for (const t of m.toolCalls ?? []) out.push(`${t.name} ${t.arguments}`);
  }
  return out.join('\n');
}

function addResponse(fields: SearchField[], it: Interaction, ia: InteractionAnalysis, wasTrimmed: boolean): void {
  if (!ia.streaming || !ia.dialect) {
    if (ia.message) addMessage(fields, ia.message);
    return;
  }
  const a = createAssembler(ia.dialect as Dialect);
  const text: number[] = [];
  const reasoning: number[] = [];
  const tools: number[][] = [];
  let stepped = 0;
  const step = (ev: StreamEvent) => {
    stepped++;
    a.step(ev);
    // The assembler's own fields, not snapshot(): a snapshot classifies every tool call's
    // arguments (a JSON parse), which per event made long argument streams quadratic.
    const s = a instanceof BaseAssembler ? a : null;
    const now = s ?? a.snapshot();
    grow(text, now.text.length, ev.index);
    grow(reasoning, now.reasoning.length, ev.index);
    (s ? s.calls : (now as AssembledMessage).toolCalls).forEach((t, k) => grow((tools[k] ??= []), t.name.length + 1 + t.arguments.length, ev.index));
  };
  const lit = wasTrimmed ? streamLiteral(it) : undefined;
  if (lit) sseEventsOfLines((take) => lit.forEachLine(take), step, jsonMemo());
  else for (const ev of wasTrimmed ? frameBody(it.response.body, it.response.headers).events : ia.stream?.events ?? []) step(ev);
  if (stepped) addMessage(fields, a.snapshot(), text, reasoning, tools);
}

/**
 * A big SSE body the index left as an unresolved literal block: its events are read straight
 * from the source, one at a time, instead of building its text, its bytes and an array of
 * every event (same events: frameBody frames a text/event-stream body as SSE).
 */
function streamLiteral(it: Interaction): LiteralText | undefined {
  const b = it.response.body;
  const lit = literalOf(b);
  // From the headers: the body's own contentEncoding would decode (and so build) the text.
  if (!lit || lit.resolved || contentEncodingOf(it.response.headers).length > 0) return undefined;
  return (headerValue(it.response.headers, 'content-type') ?? '').toLowerCase().includes('text/event-stream') ? lit : undefined;
}

/** Records a mark when the field grew at this event. */
function grow(marks: number[], length: number, event: number): void {
  if (length > (marks.length ? marks[marks.length - 2] : 0)) marks.push(length, event);
}

function addMessage(fields: SearchField[], m: AssembledMessage, text?: number[], reasoning?: number[], tools?: number[][]): void {
  push(fields, 'text', m.text, text);
  push(fields, 'reasoning', m.reasoning, reasoning);
  m.toolCalls.forEach((t, k) => push(fields, 'tool', `${t.name} ${t.arguments}`, tools?.[k]));
}

function maskBody(text: string): string {
  return maybeSecret(text) ? mask(text, patternHits(text, 'body', RULES), 0) : text;
}

/** `value` with each secret range (shifted by `offset`) replaced by as many asterisks. */
function mask(value: string, hits: Hit[], offset: number): string {
  const clean = cleanHits(value.slice(offset), hits, RULES.replacement);
  if (clean.length === 0) return value;
  let out = value.slice(0, offset);
  let at = 0;
  const rest = value.slice(offset);
  for (const h of clean) {
    out += rest.slice(at, h.start) + '*'.repeat(h.end - h.start);
    at = h.end;
  }
  return out + rest.slice(at);
}
