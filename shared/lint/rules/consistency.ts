/**
 * The recording agrees with itself: length fields match the body, Content-Encoding matches the
 * bytes, header names are not duplicated in different case, text bodies are UTF-8, and a matcher
 * can tell interactions apart.
 */
import type { Body, Header, Interaction } from '../../model/cassette';
import { headerValue } from '../../model/cassette';
import { hasDecompressor, isGzip, parseContentEncoding } from '../../codec/decompress';
import { isValidUtf8 } from '../../util/bytes';
import type { RawFinding } from '../types';
import type { RuleCtx } from '../context';
import { finding, pairs } from '../context';
import { contentLengthFix } from '../fixes/content-length';

const SIDES = ['request', 'response'] as const;

/** go-vcr `content_length` against the body; -1 and 0 mean unknown (streams, Go client requests). */
export function contentLength(ctx: RuleCtx): RawFinding[] {
  if (ctx.cassette.format !== 'go-vcr') return [];
  const out: RawFinding[] = [];
  for (const it of ctx.cassette.interactions) {
    for (const s of SIDES) {
      const fields = it[s].goVcr;
      if (!fields || fields.uncompressed || fields.contentLength === undefined) continue;
      const declared = Number(fields.contentLength);
      if (!Number.isInteger(declared) || declared <= 0) continue;
      const actual = it[s].body.raw.length;
      if (declared === actual) continue;
      const f = finding(
        'consistency/content-length',
        `${s} content_length is ${declared} but the recorded body has ${actual} bytes`,
        it.index,
        it.ranges[s === 'request' ? 'requestContentLength' : 'responseContentLength'] ?? it.ranges[s],
      );
      if (ctx.editable) f.fix = contentLengthFix(it.index, s, actual);
      out.push(f);
    }
  }
  return out;
}

function jsonOrText(contentType: string | undefined): boolean {
  const ct = (contentType ?? '').toLowerCase();
  return ct.startsWith('text/') || /[/+]json\b/.test(ct) || ct.includes('x-ndjson');
}

export function contentEncoding(ctx: RuleCtx): RawFinding[] {
  // HAR stores content.text decoded by definition (HAR 1.2), whatever the headers say.
  if (ctx.cassette.format === 'har') return [];
  const out: RawFinding[] = [];
  for (const it of ctx.cassette.interactions) {
    for (const s of SIDES) {
      const { headers, body } = it[s];
      if (body.storage === 'absent' || body.raw.length === 0) continue;
      const claimed = parseContentEncoding(headers.filter((h) => h.name.toLowerCase() === 'content-encoding').map((h) => h.value));
      const where = body.range ?? it.ranges[s];
      // Only codings this runtime can undo are judged (brotli has no decoder in a browser), and
      // go-vcr `uncompressed: true` says the body was stored decoded on purpose.
      const judged = claimed.length > 0 && claimed.every(hasDecompressor) && !it[s].goVcr?.uncompressed;
      if (judged && body.contentEncoding.length < claimed.length) {
        out.push(
          finding(
            'consistency/content-encoding',
            `${s} says Content-Encoding: ${claimed.join(', ')} but the body is stored ${body.decodeError ? `undecodable (${body.decodeError})` : 'already decoded'}; a client that decodes it again will fail`,
            it.index,
            where,
          ),
        );
      } else if (claimed.length === 0 && isGzip(body.raw) && jsonOrText(headerValue(headers, 'content-type'))) {
        out.push(finding('consistency/content-encoding', `${s} body is gzip data but no Content-Encoding header says so; clients will read compressed bytes`, it.index, where));
      }
    }
  }
  return out;
}

export function duplicateHeaders(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const it of ctx.cassette.interactions) {
    for (const s of SIDES) {
      const seen = new Map<string, Header>();
      const reported = new Set<string>();
      for (const h of it[s].headers) {
        const lower = h.name.toLowerCase();
        const first = seen.get(lower);
        if (!first) seen.set(lower, h);
        else if (first.name !== h.name && !reported.has(lower)) {
          reported.add(lower);
          out.push(finding('consistency/duplicate-header', `${s} has both "${first.name}" and "${h.name}" headers; which one a client sees depends on the library`, it.index, h.range ?? it.ranges[s]));
        }
      }
    }
  }
  return out;
}

export function invalidUtf8(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const it of ctx.cassette.interactions) {
    for (const s of SIDES) {
      const { headers, body } = it[s];
      const ct = headerValue(headers, 'content-type');
      if (body.storage === 'absent' || body.decodeError || !jsonOrText(ct)) continue;
      const charset = /charset\s*=\s*"?([\w-]+)/i.exec(ct ?? '')?.[1]?.toLowerCase();
      if (charset && charset !== 'utf-8' && charset !== 'utf8') continue;
      if (isValidUtf8(body.bytes)) continue;
      out.push(finding('consistency/invalid-utf8', `${s} body is declared as ${ct} but is not valid UTF-8`, it.index, body.range ?? it.ranges[s]));
    }
  }
  return out;
}

function sameBytes(a: Body, b: Body): boolean {
  if (a.bytes.length !== b.bytes.length) return false;
  for (let i = 0; i < a.bytes.length; i++) if (a.bytes[i] !== b.bytes[i]) return false;
  return true;
}

export function indistinguishable(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  const list = pairs(ctx).map((p) => p.it);
  const byKey = new Map<string, Interaction[]>();
  for (const it of list) {
    const key = `${it.request.method} ${it.request.url} ${it.request.body.bytes.length}`;
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(it);
  }
  for (const group of byKey.values()) {
    for (let k = 1; k < group.length; k++) {
      const it = group[k];
      const twin = group.slice(0, k).find((o) => sameBytes(o.request.body, it.request.body));
      // Identical responses replay the same whichever one a matcher picks: nothing to report.
      if (!twin || sameBytes(twin.response.body, it.response.body)) continue;
      out.push(
        finding('consistency/indistinguishable', `Interaction ${it.index} has the same method, URL and body as interaction ${twin.index} but a different response; only the replay order tells them apart`, it.index, it.range),
      );
    }
  }
  return out;
}
