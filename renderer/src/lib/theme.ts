/**
 * The colour theme: the OS's (system), or light or dark by choice, remembered in localStorage.
 * CSS picks its colours from `color-scheme` (base.css uses light-dark()), which data-theme on
 * <html> sets; Monaco, which has its own themes, asks `isDark()` and listens for changes.
 */
export type ThemePref = 'system' | 'light' | 'dark';

const KEY = 'tapedeck.theme';
const listeners = new Set<() => void>();

export function loadThemePref(): ThemePref {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system'; // storage blocked: follow the OS
  }
}

const media = () => window.matchMedia?.('(prefers-color-scheme: dark)');

/** True when the page shows dark colours now (the choice, or the OS's under "system"). */
export function isDark(): boolean {
  const pref = document.documentElement.dataset.theme;
  return pref === 'dark' || (pref !== 'light' && !!media()?.matches);
}

export function applyTheme(pref: ThemePref): void {
  if (pref === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = pref;
  for (const l of listeners) l();
}

export function setThemePref(pref: ThemePref): void {
  try {
    if (pref === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, pref);
  } catch {
    // Not remembered, still applied.
  }
  applyTheme(pref);
}

/** Calls `cb` when the effective theme may have changed (a choice, or the OS under "system"). */
export function onThemeChange(cb: () => void): () => void {
  listeners.add(cb);
  const m = media();
  m?.addEventListener('change', cb);
  return () => {
    listeners.delete(cb);
    m?.removeEventListener('change', cb);
  };
}
