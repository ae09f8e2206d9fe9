/**
 * HAR 1.2 export (http://www.softwareishard.com/blog/har-12-spec/) of a cassette or some of its
 * interactions, in the shape Chrome DevTools and HTTP Toolkit import: every required field
 * present, bodies as decoded text (base64 with `encoding` for binary), secrets masked unless
 * asked for (as DevTools' own "Export HAR (sanitized)").
 */
import type { Body, Cassette, Header, Interaction } from '../model/cassette';
import { headerValue } from '../model/cassette';
import { base64Encode } from '../util/bytes';
import { masker, type Masker } from './mask';

export interface HarOptions {
  /** Which interactions (by index); all when absent. */
  interactions?: number[];
  revealSecrets?: boolean;
  creator: { name: string; version: string };
  /** ISO date for entries whose format records none (go-vcr, vcrpy), e.g. the file's mtime. */
  fallbackDate: string;
}

interface NameValue {
  name: string;
  value: string;
}

export interface Har {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: HarEntry[]; comment?: string };
}

export type HarEntry = ReturnType<typeof entry>;

export function toHar(c: Cassette, opts: HarOptions): Har {
  const m = masker(opts.revealSecrets === true);
  const pick = opts.interactions ? new Set(opts.interactions) : null;
  const entries = c.interactions.filter((it) => !pick || pick.has(it.index)).map((it) => entry(it, m, opts.fallbackDate));
  return { log: { version: '1.2', creator: opts.creator, entries, comment: `Exported from ${c.path}` } };
}

function entry(it: Interaction, m: Masker, fallbackDate: string) {
  const wait = it.durationMs !== null && it.durationMs >= 0 ? it.durationMs : 0;
  const req = it.request;
  const res = it.response;
  return {
    startedDateTime: isoDate(it.recordedAt) ?? fallbackDate,
    time: wait,
    request: {
      method: req.method.toUpperCase(),
      url: m.url(req.url),
      httpVersion: 'HTTP/1.1',
      cookies: [] as NameValue[],
      headers: headers(req.headers, m),
      queryString: queryOf(m.url(req.url)),
      ...(req.body.storage === 'absent' ? {} : { postData: postData(req.body, req.headers, m) }),
      headersSize: -1,
      bodySize: req.body.storage === 'absent' ? 0 : req.body.raw.length,
    },
    response: {
      status: res.status ?? 0,
      statusText: res.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [] as NameValue[],
      headers: headers(res.headers, m),
      content: content(res.body, res.headers, m),
      redirectURL: headerValue(res.headers, 'location') ?? '',
      headersSize: -1,
      bodySize: res.body.storage === 'absent' ? 0 : res.body.raw.length,
    },
    cache: {},
    // Cassettes keep one duration at most; it is all "wait" (time to the whole response).
    timings: { send: 0, wait, receive: 0 },
  };
}

const headers = (hs: Header[], m: Masker): NameValue[] => hs.map((h) => ({ name: h.name, value: m.header(h) }));

function queryOf(url: string): NameValue[] {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const out: NameValue[] = [];
  for (const part of url.slice(q + 1).split('#')[0].split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    out.push({ name: decode(eq < 0 ? part : part.slice(0, eq)), value: eq < 0 ? '' : decode(part.slice(eq + 1)) });
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s; // a malformed escape stays as recorded rather than failing the export
  }
}

function mimeOf(hs: Header[], fallback: string): string {
  return headerValue(hs, 'content-type') ?? fallback;
}

function postData(b: Body, hs: Header[], m: Masker) {
  const mimeType = mimeOf(hs, 'application/octet-stream');
  // HAR 1.2 postData has no encoding field; a binary body goes as base64 and says so.
  if (b.text === null) return { mimeType, text: base64Encode(b.bytes), comment: 'base64' };
  return { mimeType, text: m.body(b.text) };
}

function content(b: Body, hs: Header[], m: Masker) {
  const mimeType = mimeOf(hs, 'x-unknown');
  const size = b.bytes.length;
  const compression = b.raw.length !== size && b.contentEncoding.length ? size - b.raw.length : undefined;
  const base = { size, ...(compression !== undefined ? { compression } : {}), mimeType };
  if (b.storage === 'absent') return base;
  if (b.text === null) return { ...base, text: base64Encode(b.bytes), encoding: 'base64' };
  return { ...base, text: m.body(b.text) };
}

/** The recorded timestamp as ISO 8601 when it parses (Ruby writes `Tue, 01 Jan 2024 …`). */
function isoDate(s: string | null): string | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
