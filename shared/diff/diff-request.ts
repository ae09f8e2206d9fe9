/** What changed in the request of a pair: model, messages, tools and parameters as parsed. */
import { diffLines } from '../edit/line-diff';
import type { LlmRequest, RequestMessage, ToolDeclaration } from '../model/llm';
import { jsonDiff, parseJsonOrText } from './json-diff';
import type { Change } from './types';
import { wordDiff } from './word-diff';

const callText = (m: RequestMessage): string =>
  (m.toolCalls ?? []).map((c) => `${c.name}(${JSON.stringify(parseJsonOrText(c.arguments))})`).join(' ');

/** Ids are left out: clients and providers mint new ones on every run. */
const messageKey = (m: RequestMessage): string => `${m.role}\n${m.name ?? ''}\n${m.text}\n${callText(m)}`;

export function diffLlmRequest(a: LlmRequest, b: LlmRequest): Change[] {
  const out: Change[] = [];
  if (a.model !== b.model) out.push({ field: 'request.model', kind: 'value', before: a.model, after: b.model });
  out.push(...diffMessages(a.messages, b.messages));
  out.push(...diffTools(a.tools, b.tools));
  const params = jsonDiff(a.params, b.params);
  if (params.length) out.push({ field: 'request.params', kind: 'json', entries: params });
  if (a.stream !== b.stream) out.push({ field: 'request.stream', kind: 'value', before: a.stream, after: b.stream });
  return out;
}

function diffMessages(a: RequestMessage[], b: RequestMessage[]): Change[] {
  const out: Change[] = [];
  for (const h of diffLines(a.map(messageKey), b.map(messageKey))) {
    const both = Math.min(h.a1 - h.a0, h.b1 - h.b0);
    for (let k = 0; k < both; k++) out.push(...diffMessage(h.b0 + k, a[h.a0 + k], b[h.b0 + k]));
    for (let i = h.a0 + both; i < h.a1; i++) out.push({ field: `request.messages[${i}]`, kind: 'removed', before: summary(a[i]) });
    for (let j = h.b0 + both; j < h.b1; j++) out.push({ field: `request.messages[${j}]`, kind: 'added', after: summary(b[j]) });
  }
  return out;
}

function diffMessage(j: number, a: RequestMessage, b: RequestMessage): Change[] {
  const field = `request.messages[${j}]`;
  const out: Change[] = [];
  if (a.role !== b.role) out.push({ field: `${field}.role`, kind: 'value', before: a.role, after: b.role });
  if (a.text !== b.text) out.push({ field: `${field}.text`, kind: 'text', words: wordDiff(a.text, b.text) });
  const ca = a.toolCalls ?? [];
  const cb = b.toolCalls ?? [];
  if (callText(a) !== callText(b)) {
    for (let k = 0; k < Math.max(ca.length, cb.length); k++) {
      const f = `${field}.toolCalls[${k}]`;
      if (!cb[k]) out.push({ field: f, kind: 'removed', before: ca[k].name });
      else if (!ca[k]) out.push({ field: f, kind: 'added', after: cb[k].name });
      else {
        if (ca[k].name !== cb[k].name) out.push({ field: `${f}.name`, kind: 'value', before: ca[k].name, after: cb[k].name });
        const entries = jsonDiff(parseJsonOrText(ca[k].arguments), parseJsonOrText(cb[k].arguments));
        if (entries.length) out.push({ field: `${f}.arguments`, kind: 'json', entries });
      }
    }
  }
  return out;
}

function summary(m: RequestMessage): string {
  const text = m.text.length > 200 ? `${m.text.slice(0, 200)}…` : m.text;
  const calls = callText(m);
  return `${m.role}: ${text}${calls ? ` ${calls}` : ''}`;
}

function diffTools(a: ToolDeclaration[], b: ToolDeclaration[]): Change[] {
  const out: Change[] = [];
  const ma = new Map(a.map((t) => [t.name, t]));
  const mb = new Map(b.map((t) => [t.name, t]));
  for (const [name, ta] of ma) {
    const tb = mb.get(name);
    const field = `request.tools.${name}`;
    if (!tb) {
      out.push({ field, kind: 'removed', before: name });
      continue;
    }
    if ((ta.description ?? '') !== (tb.description ?? ''))
      out.push({ field: `${field}.description`, kind: 'text', words: wordDiff(ta.description ?? '', tb.description ?? '') });
    const entries = jsonDiff(ta.schema ?? null, tb.schema ?? null);
    if (entries.length) out.push({ field: `${field}.schema`, kind: 'json', entries });
  }
  for (const name of mb.keys()) if (!ma.has(name)) out.push({ field: `request.tools.${name}`, kind: 'added', after: name });
  return out;
}
