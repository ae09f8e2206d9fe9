/**
 * Request checks for `tapedeck serve`. The server holds the user's files, so a page on any
 * other origin must not be able to talk to it: loopback bind, a per-launch token, a Host
 * check against DNS rebinding, an Origin check against cross-site requests, and no CORS.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The token is the first path segment: every URL of the app is /<token>/…, so the page, its
 * lazily loaded chunks, its workers, the API and the event stream all carry it without a
 * cookie. (A cookie would be sent to every port on 127.0.0.1, leaking the token to any
 * other local server the user's browser visits.)
 */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function allowedHosts(port: number): Set<string> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  // Browsers omit the default port from Host.
  if (port === 80) hosts.add('127.0.0.1').add('localhost');
  return hosts;
}

/** DNS rebinding: a hostile name resolving to 127.0.0.1 still sends its own name as Host. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && allowedHosts(port).has(host.toLowerCase());
}

/** Browsers send Origin on cross-origin requests and on every POST; only our own is accepted. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const suffix = port === 80 ? ['', ':80'] : [`:${port}`];
  return suffix.some((p) => origin === `http://127.0.0.1${p}` || origin === `http://localhost${p}`);
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Splits `/<token>/rest` and checks the token; returns the rest (`/` at least) or null. */
export function pathAfterToken(pathname: string, token: string): string | null {
  const m = /^\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!m || !safeEqual(m[1], token)) return null;
  return m[2] ?? '/';
}
