/**
 * A curl command line as the request curl would send: -X, -H, -d/--data/--data-ascii/
 * --data-raw/--data-binary/--data-urlencode (joined with `&`), --json, -G, -u, -A, -b, -I, --url.
 * Headers curl adds by itself (User-Agent, Accept) are left out: they are curl's, not the
 * client's whose request is being explained. `@file` data cannot be read here and is an error.
 */
import { base64Encode, utf8Encode } from '../util/bytes';
import type { Header } from '../model/cassette';
import { positionAt, positionText, type InputPosition } from './input-position';
import { shellWords } from './shell-words';
import type { MatchRequest } from './types';

/** A request, or why the text is none: what is wrong and, when it is one place, where. */
export type ParsedInput = { request: MatchRequest; warnings: string[] } | ({ error: string } & Partial<InputPosition>);

const WITH_ARG = new Set(['-o', '--output', '-m', '--max-time', '--connect-timeout', '-w', '--write-out', '--retry', '-x', '--proxy', '--cacert', '--cert', '--key', '-E', '-K', '--config', '-T', '--upload-file', '--resolve', '--connect-to', '-c', '--cookie-jar', '--limit-rate', '-r', '--range']);
const DATA = new Set(['-d', '--data', '--data-ascii', '--data-raw', '--data-binary', '--data-urlencode', '--json']);

function urlencodeData(v: string): string {
  const eq = v.indexOf('=');
  if (eq < 0) return encodeURIComponent(v);
  return (eq > 0 ? v.slice(0, eq) + '=' : '') + encodeURIComponent(v.slice(eq + 1));
}

export function parseCurl(command: string): ParsedInput {
  const lead = command.length - command.trimStart().length;
  const split = shellWords(command.trim());
  if ('error' in split) {
    const p = positionAt(command, lead + split.column - 1);
    return { error: `curl command: ${split.error} ${positionText(command, p)}`, ...p };
  }
  const words = split.words[0] === 'curl' ? split.words.slice(1) : split.words;
  const headers: Header[] = [];
  const data: string[] = [];
  const warnings: string[] = [];
  let method: string | null = null;
  let url: string | null = null;
  let json = false;
  let get = false;
  let head = false;
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    let attached: string | null = null;
    // -XPOST, -H'x: y': a short option's value may be glued to it.
    if (/^-[XHdAbu]./s.test(w)) { attached = w.slice(2); w = w.slice(0, 2); }
    const eqLong = /^(--[a-z-]+)=(.*)$/s.exec(w);
    if (eqLong) { w = eqLong[1]; attached = eqLong[2]; }
    const arg = (): string | null => attached ?? (i + 1 < words.length ? words[++i] : null);
    if (w === '-X' || w === '--request') method = arg();
    else if (w === '-H' || w === '--header') {
      const h = arg() ?? '';
      const colon = h.indexOf(':');
      if (colon > 0 && h.slice(colon + 1).trim() !== '') headers.push({ name: h.slice(0, colon).trim(), value: h.slice(colon + 1).trim() });
      else if (h.endsWith(';')) headers.push({ name: h.slice(0, -1).trim(), value: '' });
    } else if (DATA.has(w)) {
      const v = arg() ?? '';
      if (v.startsWith('@') && w !== '--data-raw' && w !== '--data-urlencode') return { error: `curl command: ${w} ${v} reads a file, which cannot be explained here; paste the body inline (--data-raw)` };
      data.push(w === '--data-urlencode' ? urlencodeData(v) : v);
      if (w === '--json') json = true;
    } else if (w === '--url') url = arg();
    else if (w === '-G' || w === '--get') get = true;
    else if (w === '-I' || w === '--head') head = true;
    else if (w === '-u' || w === '--user') headers.push({ name: 'Authorization', value: 'Basic ' + base64Encode(utf8Encode(arg() ?? '')) });
    else if (w === '-A' || w === '--user-agent') headers.push({ name: 'User-Agent', value: arg() ?? '' });
    else if (w === '-b' || w === '--cookie') headers.push({ name: 'Cookie', value: arg() ?? '' });
    else if (WITH_ARG.has(w)) arg();
    else if (w.startsWith('-') && w.length > 1) {
      if (!/^-[sSvLkfiN#]+$|^--(silent|show-error|verbose|location|insecure|fail|include|compressed|no-buffer|http1\.1|http2)$/.test(w)) warnings.push(`ignored curl option ${w}`);
    } else if (url === null) url = w;
    else warnings.push(`ignored extra argument ${JSON.stringify(w)}`);
  }
  if (!url) return { error: 'curl command: no URL' };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) url = 'http://' + url;
  const has = (n: string) => headers.some((h) => h.name.toLowerCase() === n.toLowerCase());
  let body: string | null = data.length ? data.join('&') : null;
  if (get && body !== null) {
    url += (url.includes('?') ? '&' : '?') + body;
    body = null;
  }
  if (body !== null && json) {
    if (!has('content-type')) headers.push({ name: 'Content-Type', value: 'application/json' });
    if (!has('accept')) headers.push({ name: 'Accept', value: 'application/json' });
  } else if (body !== null && !has('content-type')) headers.push({ name: 'Content-Type', value: 'application/x-www-form-urlencoded' });
  const m = method ?? (head ? 'HEAD' : body !== null ? 'POST' : 'GET');
  // curl sends -X's method as typed (`-X post` sends "post"), so no case folding here.
  return { request: { method: m, url, headers, body }, warnings };
}
