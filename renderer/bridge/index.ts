/**
 * Picks the API: Electron's preload exposes `window.tapedeck`; in a plain browser the page was
 * opened by `tapedeck serve` with `?token=` in its URL, and the HTTP bridge is used.
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
  const token = url.searchParams.get('token') ?? sessionStorage.getItem('tapedeck-token') ?? '';
  if (token) sessionStorage.setItem('tapedeck-token', token);
  return createHttpBridge({ baseUrl: url.origin, token });
}
