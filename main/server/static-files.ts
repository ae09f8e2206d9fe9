import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { noncedPage } from './csp';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export const contentTypeOf = (file: string): string => TYPES[extname(file)] ?? 'application/octet-stream';

/** Serves a file of the built renderer. Returns false when there is no such file. */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse, headers: Record<string, string>): Promise<boolean> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  if (rel.includes('\0')) return false;
  const file = normalize(join(root, rel === '/' ? 'index.html' : rel));
  // Never serve anything outside the renderer's build folder.
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  const st = await stat(file).catch(() => null);
  if (!st?.isFile()) return false;
  if (extname(file) === '.html') {
    // Each page load gets its own style nonce, in the page and in its CSP header.
    const page = noncedPage(await readFile(file, 'utf8'));
    const body = Buffer.from(page.html);
    res.writeHead(200, { ...headers, 'content-security-policy': page.csp, 'content-type': contentTypeOf(file), 'content-length': String(body.length), 'cache-control': 'no-store' });
    res.end(body);
    return true;
  }
  res.writeHead(200, {
    ...headers,
    'content-type': contentTypeOf(file),
    'content-length': String(st.size),
    'cache-control': 'public, max-age=31536000, immutable',
  });
  createReadStream(file).pipe(res);
  return true;
}
