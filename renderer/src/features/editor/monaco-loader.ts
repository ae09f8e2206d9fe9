/** Lazy Monaco: the first Raw tab (or diff) pays for the download; the viewer never does. */
import type * as MonacoApi from 'monaco-editor/editor';

export type Monaco = typeof MonacoApi;

let loading: Promise<Monaco> | null = null;

export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./monaco-setup').then((m) => m.monaco);
  return loading;
}

/** Monaco's theme follows the app's (which follows the OS colour scheme). */
export function monacoTheme(): 'vs' | 'vs-dark' {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs';
}
