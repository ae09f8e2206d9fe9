import type { SliceCreator, UiSlice } from './types';

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  mainTab: 'replay',
  shortcutsOpen: false,
  quickOpenOpen: false,
  gotoEventOpen: false,
  markdownRaw: false,
  reasoningOpen: false,
  setReasoningOpen: (reasoningOpen) => set({ reasoningOpen }),
  rawJump: null,
  // Asking for a tab (or a line in Raw) means the cassette, not a folder's dashboard over it.
  setTab: (mainTab) => set({ mainTab, dashboardScope: null }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setQuickOpen: (quickOpenOpen) => set({ quickOpenOpen }),
  setGotoEventOpen: (gotoEventOpen) => set({ gotoEventOpen }),
  linkRequest: null,
  requestLink: (link) => set({ linkRequest: { link, nonce: (get().linkRequest?.nonce ?? 0) + 1 } }),
  toggleMarkdown: () => set({ markdownRaw: !get().markdownRaw }),
  jumpToLine: (line, column) =>
    set({ mainTab: 'raw', dashboardScope: null, rawJump: { line, column, nonce: (get().rawJump?.nonce ?? 0) + 1 } }),
  dashboardScope: null,
  showDashboard: (dashboardScope) => set({ dashboardScope }),
});
