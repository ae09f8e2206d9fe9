/**
 * vcrpy (`interactions: [{request, response}]`), including pydantic-ai's serializer that stores
 * JSON bodies as structured `parsed_body`, and langchain's gzipped variant that keeps requests
 * and responses in two parallel lists.
 */
import type { Interaction, RecordedRequest, RecordedResponse } from '../model/cassette';
import { diagnostic } from '../model/diagnostics';
import type { N } from '../yaml/tree';
import type { ReadCtx } from './read-util';
import { bodyFromNode, headersFromMap, interaction } from './read-util';

export function readVcrpyRequest(ctx: ReadCtx, req: N): RecordedRequest {
  const { t } = ctx;
  const headers = headersFromMap(t, t.get(req, 'headers'));
  const parsed = t.get(req, 'parsed_body');
  const body =
    parsed !== undefined && parsed !== null
      ? bodyFromNode(t, parsed, headers, { storage: 'parsed' })
      : bodyFromNode(t, t.get(req, 'body'), headers);
  return { method: (t.str(t.get(req, 'method')) ?? '').toUpperCase(), url: t.str(t.get(req, 'uri')) ?? '', headers, body };
}

export function readVcrpyResponse(ctx: ReadCtx, res: N): RecordedResponse {
  const { t } = ctx;
  const headers = headersFromMap(t, t.get(res, 'headers'));
  const status = t.get(res, 'status');
  const parsed = t.get(res, 'parsed_body');
  let bodyNode = t.get(res, 'body');
  // `body: {string: …}` is the usual shape; a bare scalar body also occurs in old cassettes.
  if (t.isMap(bodyNode)) bodyNode = t.get(bodyNode, 'string');
  const body =
    parsed !== undefined && parsed !== null
      ? bodyFromNode(t, parsed, headers, { storage: 'parsed' })
      : bodyFromNode(t, bodyNode, headers, { rangeNode: bodyNode ?? t.get(res, 'body') });
  return {
    status: t.isMap(status) ? t.num(t.get(status, 'code')) : t.num(status),
    statusText: t.isMap(status) ? t.str(t.get(status, 'message')) : null,
    headers,
    body,
  };
}

export function readVcrpy(ctx: ReadCtx, root: N): Interaction[] {
  const { t } = ctx;
  return t.list(t.get(root, 'interactions')).map((node, index) => {
    const req = t.get(node, 'request');
    const res = t.get(node, 'response');
    return interaction(ctx, index, readVcrpyRequest(ctx, req), readVcrpyResponse(ctx, res), {
      range: t.range(node),
      reqRange: t.range(req),
      resRange: t.range(res),
    });
  });
}

/** langchain `.yaml.gz`: `requests[i]` pairs with `responses[i]`. */
export function readLangchain(ctx: ReadCtx, root: N): Interaction[] {
  const { t } = ctx;
  const reqs = t.list(t.get(root, 'requests'));
  const ress = t.list(t.get(root, 'responses'));
  if (reqs.length !== ress.length)
    ctx.diags.push(
      diagnostic(
        'warning',
        'langchain.unpaired',
        `${reqs.length} requests but ${ress.length} responses; only the first ${Math.min(reqs.length, ress.length)} pairs are shown`,
        { range: t.range(t.get(root, 'responses')) },
      ),
    );
  const n = Math.min(reqs.length, ress.length);
  const out: Interaction[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      interaction(ctx, i, readVcrpyRequest(ctx, reqs[i]), readVcrpyResponse(ctx, ress[i]), {
        range: t.range(reqs[i]),
        reqRange: t.range(reqs[i]),
        resRange: t.range(ress[i]),
      }),
    );
  return out;
}
