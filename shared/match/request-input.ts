/**
 * The request to explain, from what a user pastes or points at: a curl command, a HAR entry (or
 * a HAR file: its first entry), or JSON {method, url, headers, body}. Headers may be an object
 * (string or list values) or a list of {name, value}; a non-string body is sent as its JSON.
 */
import { latin1Decode } from '../cassette/body';
import type { Header, Interaction } from '../model/cassette';
import { parseCurl, type ParsedInput } from './curl';
import { jsonSyntaxError, positionAt } from './input-position';
import type { MatchRequest } from './types';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function headersOf(v: unknown): Header[] | null {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) {
    const out: Header[] = [];
    for (const h of v) {
      if (!isRecord(h) || typeof h.name !== 'string') return null;
      out.push({ name: h.name, value: String(h.value ?? '') });
    }
    return out;
  }
  if (!isRecord(v)) return null;
  return Object.entries(v).flatMap(([name, val]) => (Array.isArray(val) ? val : [val]).map((x) => ({ name, value: String(x) })));
}

function fromObject(o: Record<string, unknown>, warnings: string[]): ParsedInput {
  if (isRecord(o.log) && Array.isArray(o.log.entries)) {
    if (o.log.entries.length === 0) return { error: 'HAR file has no entries' };
    if (o.log.entries.length > 1) warnings.push(`HAR file has ${o.log.entries.length} entries; using the first`);
    return isRecord(o.log.entries[0]) ? fromObject(o.log.entries[0], warnings) : { error: 'HAR entry is not an object' };
  }
  if (isRecord(o.request)) {
    // A HAR entry: request.postData.text is the body.
    const r = o.request;
    const post = isRecord(r.postData) ? r.postData : null;
    return fromObject({ method: r.method, url: r.url, headers: r.headers, body: typeof post?.text === 'string' ? post.text : null }, warnings);
  }
  if (typeof o.url !== 'string' || o.url === '') return { error: 'request JSON needs a "url" string' };
  const headers = headersOf(o.headers);
  if (!headers) return { error: 'request "headers" must be an object or a list of {name, value}' };
  const body = o.body === undefined || o.body === null ? null : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  const method = typeof o.method === 'string' && o.method ? o.method : body !== null ? 'POST' : 'GET';
  return { request: { method, url: o.url, headers, body }, warnings };
}

/** What the text starts with, for "expected a curl command ... (the text starts with ...)". */
function opening(t: string): string {
  const first = t.split('\n')[0];
  return JSON.stringify(first.length > 40 ? first.slice(0, 40) + '…' : first);
}

export function parseRequestInput(text: string): ParsedInput {
  const t = text.trim();
  if (t === '') return { error: 'empty request: paste a curl command, a HAR entry or JSON {method, url, headers, body}' };
  // Positions are reported in `text` as given (the panel's textarea, the --request file).
  const lead = text.length - text.trimStart().length;
  if (/^curl(\s|$)/.test(t)) return parseCurl(text);
  if (t.startsWith('{')) {
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch {
      const e = jsonSyntaxError(text);
      return { error: `request JSON: ${e.message}`, line: e.line, column: e.column };
    }
    return isRecord(v) ? fromObject(v, []) : { error: 'request JSON must be an object' };
  }
  const p = positionAt(text, lead);
  return { error: `expected a curl command or a JSON request ({method, url, headers, body} or a HAR entry), but the text starts with ${opening(t)}`, ...p };
}

/** A recorded interaction's request as the matchers read it: the body as text, null when none was recorded. */
export function recordedRequest(it: Interaction): MatchRequest {
  const b = it.request.body;
  const text = b.storage === 'absent' ? null : (b.text ?? latin1Decode(b.bytes));
  return { method: it.request.method, url: it.request.url, headers: it.request.headers, body: text };
}
