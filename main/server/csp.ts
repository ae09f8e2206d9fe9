/**
 * The Content Security Policy both hosts (`tapedeck serve` and the Electron app:// handler)
 * send. Scripts come only from our own files. Style elements need a per-load nonce: Monaco
 * creates <style> elements at runtime (the renderer stamps them with the nonce it reads from
 * the page, see renderer/src/csp-nonce.ts), so an injected <style> without it is refused.
 * Style *attributes* stay allowed: Monaco renders its view lines through innerHTML with
 * style="" attributes, and there is no nonce for attributes.
 */
import { randomBytes } from 'node:crypto';

/** What the built index.html carries where the nonce goes (vite.config.ts `html.cspNonce`). */
export const NONCE_PLACEHOLDER = '__TAPEDECK_CSP_NONCE__';

export function contentSecurityPolicy(styleNonce?: string): string {
  const styleElements = styleNonce ? `'self' 'nonce-${styleNonce}'` : "'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `style-src-elem ${styleElements}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Responses that are not pages (scripts, workers, the API) get the policy without a nonce. */
export const BASE_CSP = contentSecurityPolicy();

/** Stamps a fresh nonce into a page; returns the page and the policy that must go with it. */
export function noncedPage(html: string): { html: string; csp: string } {
  const nonce = randomBytes(18).toString('base64url');
  return { html: html.replaceAll(NONCE_PLACEHOLDER, nonce), csp: contentSecurityPolicy(nonce) };
}
