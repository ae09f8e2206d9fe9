/**
 * Navigation policy of the window, kept pure for the tests. The window never navigates: the UI
 * lives at app://, and a folder or file dropped on it arrives as a navigation to its file://
 * URL (navigateOnDragDrop), which main turns into "open it" instead.
 */
import { fileURLToPath } from 'node:url';

/** The local path a dropped-file navigation names, or null for any other navigation. */
export function droppedPath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  try {
    return fileURLToPath(url); // throws on file://host/… URLs, which name no local path
  } catch {
    return null;
  }
}

/**
 * Responses that carry no CSP of their own get the base policy. The app:// handler sends its
 * own (with the page's nonce), which must not be overwritten.
 */
export function withCsp(headers: Record<string, string[]> | undefined, csp: string): Record<string, string[]> {
  const h = headers ?? {};
  return Object.keys(h).some((k) => k.toLowerCase() === 'content-security-policy') ? h : { ...h, 'Content-Security-Policy': [csp] };
}
