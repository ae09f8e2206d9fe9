/**
 * A non-LLM body as a reader wants it: JSON indented, images shown, other binary named by
 * type and size, an empty body said in words (not an empty grey box). The exact bytes stay
 * one click away in the Raw tab.
 */
import { useMemo } from 'react';
import type { Body } from '../../../../shared/model/cassette';
import { base64Encode } from '../../../../shared/util/bytes';
import { formatInt } from '../../lib/format';

/** Big enough for screenshots and photos, small enough that the data: URL stays cheap. */
const IMAGE_LIMIT = 8 * 1024 * 1024;
/** Re-indenting a multi-megabyte JSON blob on every selection is not worth the pause. */
const PRETTY_LIMIT = 2 * 1024 * 1024;
// img-src allows data: in the CSP; SVG in <img> runs no scripts.
const IMAGE_TYPES = /^image\/(png|jpe?g|gif|webp|bmp|avif|svg\+xml|x-icon|vnd\.microsoft\.icon)$/;

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** Indented JSON when the text is a JSON object/array, else the text unchanged. */
export function prettyJson(text: string): string {
  const t = text.trimStart();
  if (text.length > PRETTY_LIMIT || (t[0] !== '{' && t[0] !== '[')) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function BodyView({ body, contentType, testId }: { body: Body; contentType?: string; testId?: string }) {
  const type = mediaType(contentType);
  const text = useMemo(() => (body.text == null ? null : prettyJson(body.text)), [body.text]);
  const image = useMemo(
    () => (body.text == null && IMAGE_TYPES.test(type) && body.bytes.length <= IMAGE_LIMIT ? `data:${type};base64,${base64Encode(body.bytes)}` : null),
    [body, type],
  );
  if (body.storage === 'absent' || body.bytes.length === 0) {
    return <pre className="code raw-body-pre muted" data-testid={testId}>(empty body)</pre>;
  }
  if (text != null) return <pre className="code raw-body-pre" data-testid={testId}>{text}</pre>;
  const what = `${formatInt(body.bytes.length)} bytes of ${type || 'binary data'}`;
  return (
    <div className="code raw-body-pre binary-body" data-testid={testId}>
      {image ? <img className="body-image" src={image} alt={`Recorded ${type} body`} data-testid="body-image" /> : null}
      <div className="muted">({what})</div>
    </div>
  );
}
