/** "Copy as cURL", as DevTools does it: one POSIX shell command that re-sends the request. */
import type { Interaction } from '../model/cassette';
import { masker } from './mask';

export interface CurlOptions {
  /** Put secret header values (and keys in the URL or body) in the command as recorded. */
  revealSecrets?: boolean;
}

/**
 * Headers curl computes itself (or that would be wrong once the body is sent decoded). A
 * recorded `content-length` no longer matches after masking, and `accept-encoding: gzip`
 * without `--compressed` would print binary to the terminal.
 */
const DROPPED = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

/** Single-quoted for a POSIX shell: a quote inside becomes '\'' . */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function toCurl(it: Interaction, opts: CurlOptions = {}): string {
  const m = masker(opts.revealSecrets === true);
  const req = it.request;
  const parts: string[] = [`curl ${shellQuote(m.url(req.url))}`];
  const method = req.method.toUpperCase();
  const body = req.body.storage === 'absent' ? null : req.body;
  const hasBody = body !== null && body.bytes.length > 0;
  if (method !== (hasBody ? 'POST' : 'GET')) parts.push(`-X ${method}`);
  let compressed = false;
  for (const h of req.headers) {
    const lower = h.name.toLowerCase();
    if (DROPPED.has(lower)) continue;
    if (lower === 'accept-encoding') compressed = true;
    // The body is sent as decoded text, so a recorded content-encoding would lie about it.
    if (lower === 'content-encoding') continue;
    parts.push(`-H ${shellQuote(`${h.name}: ${m.header(h)}`)}`);
  }
  if (compressed) parts.push('--compressed');
  // Last, because a binary body ends in a shell comment that would swallow what follows.
  if (hasBody) {
    parts.push(
      body.text !== null
        ? `--data-raw ${shellQuote(m.body(body.text))}`
        : `--data-binary @- # ${body.bytes.length} bytes of binary data, not reproducible in a shell argument`,
    );
  }
  return parts.join(' \\\n  ');
}
