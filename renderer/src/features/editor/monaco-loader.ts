/** Lazy Monaco: the first Raw tab (or diff) pays for the download; the viewer never does. */
import type * as MonacoApi from 'monaco-editor/editor';
import { isDark } from '../../lib/theme';

export type Monaco = typeof MonacoApi;

let loading: Promise<Monaco> | null = null;

export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./monaco-setup').then((m) => m.monaco);
  return loading;
}

/** Monaco's theme follows the app's (the OS colour scheme, or the theme chosen in the app). */
export function monacoTheme(): 'vs' | 'vs-dark' {
  return isDark() ? 'vs-dark' : 'vs';
}
