/**
 * go-vcr: `version: 2` (v3/v4, with id/proto/uncompressed/duration) and `version: 1` (v1/v2,
 * no id, duration optional). Bodies are Go strings; yaml.v3 writes invalid UTF-8 as `!!binary`.
 */
import type { GoVcrSideFields, Interaction } from '../model/cassette';
import { diagnostic } from '../model/diagnostics';
import type { N, Tree } from '../yaml/tree';
import type { ReadCtx } from './read-util';
import { bodyFromNode, goDurationMs, headersFromMap, interaction, reasonFromStatusLine } from './read-util';

export function readGoVcr(ctx: ReadCtx, root: N): Interaction[] {
  const { t } = ctx;
  const version = t.num(t.get(root, 'version'));
  if (version !== null && version !== 1 && version !== 2)
    ctx.diags.push(
      diagnostic('warning', 'go-vcr.version', `go-vcr cassette version ${version} is unknown; reading it like version 2`, {
        range: t.range(t.get(root, 'version')),
      }),
    );
  return t.list(t.get(root, 'interactions')).map((node, index) => {
    const req = t.get(node, 'request');
    const res = t.get(node, 'response');
    const reqHeaders = headersFromMap(t, t.get(req, 'headers'));
    const resHeaders = headersFromMap(t, t.get(res, 'headers'));
    const reqFields = goVcrFields(t, req);
    const resFields = goVcrFields(t, res);
    // `uncompressed: true`: Go's transport already gunzipped the body (and usually dropped the header).
    const uncompressed = resFields?.uncompressed === true;
    const statusLine = t.str(t.get(res, 'status'));
    let code = t.num(t.get(res, 'code'));
    if (code === null && statusLine) code = Number(/^\s*(\d{3})/.exec(statusLine)?.[1] ?? NaN) || null;
    const reqBodyNode = t.get(req, 'body');
    const resBodyNode = t.get(res, 'body');
    const it = interaction(
      ctx,
      index,
      {
        method: (t.str(t.get(req, 'method')) ?? '').toUpperCase(),
        url: t.str(t.get(req, 'url')) ?? '',
        headers: reqHeaders,
        body: bodyFromNode(t, reqBodyNode, reqHeaders),
        ...(reqFields && { goVcr: reqFields }),
      },
      {
        status: code,
        statusText: reasonFromStatusLine(statusLine),
        headers: resHeaders,
        body: bodyFromNode(t, resBodyNode, resHeaders, uncompressed ? { encodings: [] } : {}),
        ...(resFields && { goVcr: resFields }),
      },
      {
        durationMs: goDurationMs(t.scalar(t.get(res, 'duration'))),
        range: t.range(node),
        reqRange: t.range(req),
        resRange: t.range(res),
      },
    );
    const reqLength = t.range(t.get(req, 'content_length'));
    const resLength = t.range(t.get(res, 'content_length'));
    if (reqLength) it.ranges.requestContentLength = reqLength;
    if (resLength) it.ranges.responseContentLength = resLength;
    return it;
  });
}

/** `content_length` and `uncompressed` of one side, for lint; undefined when neither is there. */
function goVcrFields(t: Tree, side: N): GoVcrSideFields | undefined {
  const out: GoVcrSideFields = {};
  const length = t.str(t.get(side, 'content_length'));
  if (length !== null) out.contentLength = length;
  if (t.scalar(t.get(side, 'uncompressed')) === true) out.uncompressed = true;
  return out.contentLength !== undefined || out.uncompressed ? out : undefined;
}
