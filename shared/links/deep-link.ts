/**
 * Links to a point in a cassette: folder, file, interaction and event. The browser host uses
 * a hash route (`#/open?…`, so a fresh page load keeps it and no server route is needed); the
 * desktop app registers `tapedeck://open?…`. Both carry the same query. Parsing is strict
 * because a link comes from outside (a bug report, a web page): anything odd yields null.
 */
export interface DeepLink {
  /** Absolute path of the open folder the file lives in (as the backend showed it). */
  folder: string;
  /** Path of the cassette inside that folder, `/`-separated. */
  file: string;
  /** Interaction index as stored (the UI's #0, #1…). */
  interaction: number;
  /** Event number counted from 1 as the scrubber shows it; null = the finished response. */
  event: number | null;
}

export const APP_LINK_SCHEME = 'tapedeck';
const MAX_LINK = 4096;
const MAX_INDEX = 10_000_000;

// URLSearchParams is a DOM/Node API; shared code stays on the ECMAScript globals.
function query(l: DeepLink): string {
  const q = [['folder', l.folder], ['file', l.file], ['i', String(l.interaction)]];
  if (l.event !== null) q.push(['e', String(l.event)]);
  return q.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

function params(q: string): Map<string, string> | null {
  const out = new Map<string, string>();
  for (const pair of q.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const k = eq < 0 ? pair : pair.slice(0, eq);
    const v = eq < 0 ? '' : pair.slice(eq + 1);
    try {
      // A key given twice is ambiguous: refuse rather than guess which one was meant.
      if (out.has(k)) return null;
      out.set(k, decodeURIComponent(v.replace(/\+/g, ' ')));
    } catch {
      return null;
    }
  }
  return out;
}

export function formatHashLink(l: DeepLink): string {
  return `#/open?${query(l)}`;
}

export function formatAppLink(l: DeepLink): string {
  return `${APP_LINK_SCHEME}://open?${query(l)}`;
}

/** `#/open?…` (with or without the `#`) → link, or null. */
export function parseHashLink(hash: string): DeepLink | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith('/open?') || h.length > MAX_LINK) return null;
  return fromQuery(h.slice('/open?'.length));
}

/** `tapedeck://open?…` → link, or null (any other scheme, host or shape is refused). */
export function parseAppLink(url: string): DeepLink | null {
  const prefix = `${APP_LINK_SCHEME}://open`;
  if (url.length > MAX_LINK || !url.toLowerCase().startsWith(prefix)) return null;
  let rest = url.slice(prefix.length);
  if (rest.startsWith('/')) rest = rest.slice(1); // some launchers add a slash before the query
  if (!rest.startsWith('?')) return null;
  return fromQuery(rest.slice(1));
}

function fromQuery(q: string): DeepLink | null {
  const p = params(q);
  if (!p) return null;
  const folder = p.get('folder');
  const file = p.get('file');
  const interaction = count(p.get('i') ?? '0', 0);
  const e = p.get('e') ?? null;
  const event = e === null ? null : count(e, 1);
  if (!folder || !isAbsolute(folder) || !file || !isSafeRelative(file)) return null;
  if (interaction === null || (e !== null && event === null)) return null;
  return { folder, file, interaction, event };
}

function count(s: string, min: number): number | null {
  if (!/^\d{1,8}$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= MAX_INDEX ? n : null;
}

function isAbsolute(p: string): boolean {
  return !p.includes('\0') && (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p));
}

/** A path inside a folder: no NUL, not absolute, no `..` step, no backslashes. */
export function isSafeRelative(p: string): boolean {
  if (p.includes('\0') || p.includes('\\') || p.startsWith('/') || /^[A-Za-z]:/.test(p)) return false;
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}
