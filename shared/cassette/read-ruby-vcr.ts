/**
 * Ruby VCR (`http_interactions`): bodies are `{encoding, string}` (a Psych `!binary` string for
 * ASCII-8BIT) or `{encoding, base64_string}` (preserve_exact_body_bytes).
 */
import type { Body, Header, Interaction } from '../model/cassette';
import { makeBody } from './body';
import type { N, Tree } from '../yaml/tree';
import type { ReadCtx } from './read-util';
import { bodyFromNode, contentEncodingOf, contentTypeOf, headersFromMap, interaction, isoDate } from './read-util';

function rubyBody(t: Tree, node: N, headers: Header[]): Body {
  const b64 = t.get(node, 'base64_string');
  if (b64 !== undefined) {
    return makeBody({
      storage: 'base64',
      base64: t.str(b64) ?? '',
      contentEncoding: contentEncodingOf(headers),
      contentType: contentTypeOf(headers),
      range: t.range(b64),
    });
  }
  const s = t.isMap(node) ? t.get(node, 'string') : node;
  return bodyFromNode(t, s, headers, { rangeNode: s ?? node });
}

export function readRubyVcr(ctx: ReadCtx, root: N): Interaction[] {
  const { t } = ctx;
  return t.list(t.get(root, 'http_interactions')).map((node, index) => {
    const req = t.get(node, 'request');
    const res = t.get(node, 'response');
    const reqHeaders = headersFromMap(t, t.get(req, 'headers'));
    const resHeaders = headersFromMap(t, t.get(res, 'headers'));
    const status = t.get(res, 'status');
    return interaction(
      ctx,
      index,
      {
        method: (t.str(t.get(req, 'method')) ?? '').toUpperCase(),
        url: t.str(t.get(req, 'uri')) ?? '',
        headers: reqHeaders,
        body: rubyBody(t, t.get(req, 'body'), reqHeaders),
      },
      {
        status: t.num(t.get(status, 'code')),
        statusText: t.str(t.get(status, 'message')),
        headers: resHeaders,
        body: rubyBody(t, t.get(res, 'body'), resHeaders),
      },
      {
        recordedAt: isoDate(t.str(t.get(node, 'recorded_at'))),
        range: t.range(node),
        reqRange: t.range(req),
        resRange: t.range(res),
      },
    );
  });
}
