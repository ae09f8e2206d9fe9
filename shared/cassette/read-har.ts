/**
 * HAR 1.2 (Polly.js recordings). Response text is already decoded unless `content.encoding` is
 * base64; Polly then stores the raw (often gzip) bytes, sometimes as a JSON array of base64
 * chunks, one per chunk the server sent.
 */
import type { Body, HarTimings, Header, Interaction } from '../model/cassette';
import { absentBody, makeBody } from './body';
import type { N, Tree } from '../yaml/tree';
import type { ReadCtx } from './read-util';
import { bodyFromNode, contentEncodingOf, contentTypeOf, interaction, isoDate } from './read-util';

function harHeaders(t: Tree, node: N): Header[] {
  const out: Header[] = [];
  for (const h of t.list(node)) {
    const name = t.str(t.get(h, 'name'));
    if (name === null) continue;
    const v = t.get(h, 'value');
    const header: Header = { name, value: t.str(v) ?? '' };
    const r = t.range(v);
    if (r) header.range = r;
    out.push(header);
  }
  return out;
}

/** Polly's `["H4sI…","…"]` chunk arrays: null when `text` is a single base64 string. */
function base64Chunks(text: string): string[] | null {
  if (!text.startsWith('[')) return null;
  try {
    const arr: unknown = JSON.parse(text);
    return Array.isArray(arr) && arr.every((s) => typeof s === 'string') ? (arr as string[]) : null;
  } catch {
    return null;
  }
}

function responseBody(t: Tree, content: N, headers: Header[]): Body {
  const textNode = t.get(content, 'text');
  const text = t.str(textNode);
  const range = t.range(textNode);
  if (text === null) return absentBody(range);
  const contentType = contentTypeOf(headers) ?? t.str(t.get(content, 'mimeType'));
  if ((t.str(t.get(content, 'encoding')) ?? '').toLowerCase() === 'base64') {
    const base64 = base64Chunks(text) ?? text;
    return makeBody({ storage: 'base64', base64, contentEncoding: contentEncodingOf(headers), contentType, range });
  }
  // Plain HAR text is the decoded body, whatever Content-Encoding the headers claim.
  return makeBody({ storage: 'text', text, contentEncoding: [], contentType, range });
}

function requestBody(t: Tree, postData: N, headers: Header[]): Body {
  if (postData == null) return absentBody();
  const textNode = t.get(postData, 'text');
  const withType = contentTypeOf(headers) ? headers : [...headers, { name: 'content-type', value: t.str(t.get(postData, 'mimeType')) ?? '' }];
  if (textNode != null) return bodyFromNode(t, textNode, withType, { encodings: [] });
  const params = t.get(postData, 'params');
  if (t.list(params).length > 0) return bodyFromNode(t, params, withType, { storage: 'parsed', encodings: [] });
  return absentBody(t.range(postData));
}

export function readHar(ctx: ReadCtx, root: N): Interaction[] {
  const { t } = ctx;
  return t.list(t.get(t.get(root, 'log'), 'entries')).map((node, index) => {
    const req = t.get(node, 'request');
    const res = t.get(node, 'response');
    const reqHeaders = harHeaders(t, t.get(req, 'headers'));
    const resHeaders = harHeaders(t, t.get(res, 'headers'));
    const time = t.num(t.get(node, 'time'));
    return interaction(
      ctx,
      index,
      {
        method: (t.str(t.get(req, 'method')) ?? '').toUpperCase(),
        url: t.str(t.get(req, 'url')) ?? '',
        headers: reqHeaders,
        body: requestBody(t, t.get(req, 'postData'), reqHeaders),
      },
      {
        status: t.num(t.get(res, 'status')),
        statusText: t.str(t.get(res, 'statusText')) || null,
        headers: resHeaders,
        body: responseBody(t, t.get(res, 'content'), resHeaders),
      },
      {
        durationMs: time,
        recordedAt: isoDate(t.str(t.get(node, 'startedDateTime'))),
        timings: harTimings(t, t.get(node, 'timings')),
        range: t.range(node),
        reqRange: t.range(req),
        resRange: t.range(res),
      },
    );
  });
}

/** The phases, or undefined when the entry has no usable wait or receive time. */
function harTimings(t: Tree, node: N): HarTimings | undefined {
  const ms = (k: string) => {
    const v = t.num(t.get(node, k));
    return v != null && Number.isFinite(v) && v >= 0 ? v : null;
  };
  const out = { blocked: ms('blocked'), dns: ms('dns'), connect: ms('connect'), send: ms('send'), wait: ms('wait'), receive: ms('receive') };
  return out.wait === null && out.receive === null ? undefined : out;
}

export function harCreator(t: Tree, root: N): string | null {
  const c = t.get(t.get(root, 'log'), 'creator');
  const name = t.str(t.get(c, 'name'));
  if (!name) return null;
  const version = t.str(t.get(c, 'version'));
  return version ? `${name} ${version}` : name;
}
