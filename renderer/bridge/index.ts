/**
 * Picks the API: Electron's preload exposes `window.tapedeck`; in a plain browser the page was
 * opened by `tapedeck serve` at `/<token>/`, and the HTTP bridge talks to that same root.
 */
import type { TapedeckApi } from '../../shared/api/contract';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    /** Present only inside the Electron shell (set by the preload through contextBridge). */
    tapedeck?: TapedeckApi;
  }
}

export function connectApi(): TapedeckApi {
  if (window.tapedeck) return window.tapedeck;
  const url = new URL(window.location.href);
  const token = url.pathname.split('/')[1] ?? '';
  return createHttpBridge({ baseUrl: `${url.origin}/${token}` });
}
