/**
 * The app:// protocol that serves the built renderer to the Electron window (instead of
 * file://, which would give the page the powers of a local file: reading its neighbours,
 * and with the GrantFileProtocolExtraPrivileges fuse off, no module scripts at all). Kept free
 * of Electron so it is tested in Node; electron-main.ts only registers it.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { BASE_CSP, noncedPage } from '../server/csp';
import { contentTypeOf } from '../server/static-files';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://tapedeck';
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The file a request names, as path segments under the renderer folder, or null when it names
 * none: another scheme or host, an empty, `.` or `..` segment (also percent-encoded), an
 * encoded slash or backslash, a NUL, or a malformed escape.
 */
export function appRequestSegments(url: string): string[] | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== new URL(APP_ORIGIN).host) return null;
  const raw = u.pathname === '/' ? ['index.html'] : u.pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const s of raw) {
    let d: string;
    try {
      d = decodeURIComponent(s);
    } catch {
      return null;
    }
    if (d === '' || d === '.' || d === '..' || /[/\\\0]/.test(d)) return null;
    segments.push(d);
  }
  return segments;
}

export type AppFile = { ok: true; file: string } | { ok: false; status: 400 | 404 };

/** Resolves a request to a regular file inside `rendererDir`, following no symlink out of it. */
export async function resolveAppFile(url: string, rendererDir: string): Promise<AppFile> {
  const segments = appRequestSegments(url);
  if (!segments) return { ok: false, status: 400 };
  try {
    const base = await realpath(rendererDir);
    const file = await realpath(join(base, ...segments));
    if (!file.startsWith(base + sep)) return { ok: false, status: 404 };
    if (!(await stat(file)).isFile()) return { ok: false, status: 404 };
    return { ok: true, file };
  } catch {
    return { ok: false, status: 404 };
  }
}

const HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };

/** The whole handler: a fetch Request in, a Response out (Electron's protocol.handle shape). */
export async function handleAppRequest(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: { ...HEADERS, 'content-security-policy': BASE_CSP } });
  const found = await resolveAppFile(request.url, rendererDir);
  if (!found.ok) return new Response(null, { status: found.status, headers: { ...HEADERS, 'content-security-policy': BASE_CSP } });
  const type = contentTypeOf(found.file);
  const bytes = await readFile(found.file);
  if (found.file.endsWith('.html')) {
    const page = noncedPage(bytes.toString('utf8'));
    return new Response(page.html, { headers: { ...HEADERS, 'content-type': type, 'content-security-policy': page.csp } });
  }
  return new Response(bytes, { headers: { ...HEADERS, 'content-type': type, 'content-security-policy': BASE_CSP } });
}
