/** Module-level selectors: stable identities, so `useShallow` compares only the picked fields. */
import type { AppState } from './types';

export const selectLibraryView = (s: AppState) => ({
  summaries: s.summaries,
  roots: s.roots,
  filters: s.filters,
  collapsed: s.collapsed,
  bodyText: s.bodyText,
  focusedKey: s.focusedKey,
  libraryStatus: s.libraryStatus,
  indexing: s.indexing,
  progress: s.progress,
});

export const selectCurrentInteraction = (s: AppState) => {
  if (s.doc.status !== 'ready') return null;
  const i = s.interactionIndex;
  return { index: i, analysis: s.doc.analysis.interactions[i] ?? null, interaction: s.doc.cassette.interactions[i] ?? null };
};

export const selectTransport = (s: AppState) => ({
  length: s.length,
  playing: s.playing,
  speed: s.speed,
  durationMs: s.durationMs,
});

export const selectUi = (s: AppState) => ({
  mainTab: s.mainTab,
  shortcutsOpen: s.shortcutsOpen,
  quickOpenOpen: s.quickOpenOpen,
});
