/**
 * One store per app (and per test): slices per concern, combined here. Dependencies (API,
 * worker, replay factory, frame scheduler) are injected so node tests can drive the logic.
 */
import { createStore } from 'zustand/vanilla';
import { createCompareSlice } from './compare-slice';
import { createConnectionSlice } from './connection-slice';
import { createEditorSlice } from './editor-slice';
import { createLibrarySlice } from './library-slice';
import { createMatchSlice } from './match-slice';
import { createReplaySlice } from './replay-slice';
import { createSearchSlice } from './search-slice';
import { createSelectionSlice } from './selection-slice';
import type { AppState, AppStore, StoreDeps } from './types';
import { createUiSlice } from './ui-slice';

export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...createLibrarySlice(set, get, deps),
    ...createSelectionSlice(set, get, deps),
    ...createReplaySlice(set, get, deps),
    ...createUiSlice(set, get, deps),
    ...createEditorSlice(set, get, deps),
    ...createConnectionSlice(set, get, deps),
    ...createSearchSlice(set, get, deps),
    ...createMatchSlice(set, get, deps),
    ...createCompareSlice(set, get, deps),
  }));
}
