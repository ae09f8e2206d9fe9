/** Pieces every format reader shares: headers, bodies, durations, diagnostics. */
import type { Body, HarTimings, Header, Interaction, RecordedRequest, RecordedResponse } from '../model/cassette';
import { headerValue } from '../model/cassette';
import type { Diagnostic, SourceRange } from '../model/diagnostics';
import { diagnostic } from '../model/diagnostics';
import { parseContentEncoding } from '../codec/decompress';
import { absentBody, makeBody } from './body';
import { Base64Text } from '../yaml/load';
import { LiteralText } from '../yaml/lazy-literal';
import type { N, Tree } from '../yaml/tree';

export interface ReadCtx {
  t: Tree;
  diags: Diagnostic[];
  decodeBodies: boolean;
}

/** `{Name: [v1, v2]}` (go-vcr, vcrpy, Ruby) or `{Name: value}` (langchain redactions): one Header per value. */
export function headersFromMap(t: Tree, node: N): Header[] {
  const out: Header[] = [];
  for (const [name, v] of t.entries(node)) {
    const values = t.isSeq(v) ? t.list(v) : v == null ? [] : [v];
    for (const item of values) {
      const value = t.str(item);
      if (value === null) continue;
      const h: Header = { name, value };
      const r = t.range(item);
      if (r) h.range = r;
      out.push(h);
    }
  }
  return out;
}

export function headerValues(headers: Header[], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value);
}

export function contentEncodingOf(headers: Header[]): string[] {
  return parseContentEncoding(headerValues(headers, 'content-encoding'));
}

export function contentTypeOf(headers: Header[]): string | null {
  return headerValue(headers, 'content-type') ?? null;
}

/**
 * A body stored as one YAML node: a string, a `!!binary`/`!binary` scalar, or (pydantic-ai)
 * a structured value. `encodings` are the Content-Encoding tokens still applied to the bytes.
 */
export function bodyFromNode(
  t: Tree,
  node: N,
  headers: Header[],
  opts: { encodings?: string[]; storage?: 'parsed'; rangeNode?: N } = {},
): Body {
  const range = t.range(opts.rangeNode ?? node);
  if (node == null) return absentBody(range);
  const contentType = contentTypeOf(headers);
  const contentEncoding = opts.encodings ?? contentEncodingOf(headers);
  const base = { contentEncoding, contentType, range };
  if (opts.storage === 'parsed' || !('value' in node) || t.isMap(node) || t.isSeq(node)) {
    // Converted now, not on demand: a closure over the node would keep the whole Document alive.
    const value = t.toJS(node);
    return makeBody({ ...base, storage: 'parsed', parsed: () => value });
  }
  const v = t.text(node);
  if (v === null || v === undefined) return absentBody(range);
  if (v instanceof Base64Text) return makeBody({ ...base, storage: 'binary-tag', base64: v.text });
  if (v instanceof Uint8Array) return makeBody({ ...base, storage: 'binary-tag', bytes: v });
  if (v instanceof LiteralText) return makeBody({ ...base, storage: 'text', literal: v });
  return makeBody({ ...base, storage: 'text', text: String(v) });
}

/** Go `time.Duration` strings ("1.757821875s", "312.0085ms", "1m21.9s", "850µs"); numbers are ns. */
export function goDurationMs(v: unknown): number | null {
  if (typeof v === 'number') return v / 1e6;
  if (typeof v !== 'string' || v === '') return null;
  const unit: Record<string, number> = { h: 3.6e6, m: 6e4, s: 1e3, ms: 1, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ns: 1e-6 };
  const re = /(\d+(?:\.\d*)?|\.\d+)(h|ms|m|s|us|µs|μs|ns)/gy;
  let s = v.trim();
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += parseFloat(m[1]) * unit[m[2]];
    matched = re.lastIndex;
  }
  return matched === s.length && matched > 0 ? sign * total : null;
}

/** RFC 1123 / ISO dates → ISO 8601; anything unparseable is kept as written. */
export function isoDate(v: string | null): string | null {
  if (!v) return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? v : new Date(ms).toISOString();
}

/** Surfaces undecodable bodies when the caller asked for eager decoding. */
export function checkBody(ctx: ReadCtx, body: Body, index: number, which: 'request' | 'response'): void {
  if (!ctx.decodeBodies || body.storage === 'absent') return;
  const err = body.decodeError;
  if (err)
    ctx.diags.push(
      diagnostic('warning', 'body.decode-failed', `${which} body could not be decoded (${err}); showing the recorded bytes`, {
        range: body.range,
        interaction: index,
      }),
    );
}

export function interaction(
  ctx: ReadCtx,
  index: number,
  request: RecordedRequest,
  response: RecordedResponse,
  extra: { durationMs?: number | null; recordedAt?: string | null; timings?: HarTimings; range?: SourceRange; reqRange?: SourceRange; resRange?: SourceRange },
): Interaction {
  checkBody(ctx, request.body, index, 'request');
  checkBody(ctx, response.body, index, 'response');
  const it: Interaction = {
    index,
    request,
    response,
    durationMs: extra.durationMs ?? null,
    recordedAt: extra.recordedAt ?? null,
    ranges: {},
  };
  if (extra.timings) it.timings = extra.timings;
  if (extra.range) it.range = extra.range;
  if (extra.reqRange) it.ranges.request = extra.reqRange;
  if (extra.resRange) it.ranges.response = extra.resRange;
  if (request.body.range) it.ranges.requestBody = request.body.range;
  if (response.body.range) it.ranges.responseBody = response.body.range;
  return it;
}

/** "200 OK" → "OK"; a bare reason stays as is. */
export function reasonFromStatusLine(s: string | null): string | null {
  if (s === null) return null;
  const m = /^\s*\d{3}\s*(.*)$/.exec(s);
  return m ? m[1] || null : s;
}
