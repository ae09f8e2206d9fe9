/**
 * The "Which interaction replays?" panel's inputs: the pasted request, the recorder and its
 * match-on list. Kept in the store (not the component) so they survive switching tabs and
 * files: the same request is often tried against several cassettes.
 */
import type { MatchSlice, SliceCreator } from './types';

export const createMatchSlice: SliceCreator<MatchSlice> = (set, get) => ({
  matchPanel: { input: '', recorder: null, matchOn: null },
  setMatchInput: (input) => set({ matchPanel: { ...get().matchPanel, input } }),
  // Another recorder has other matcher names: its defaults apply until the user picks.
  setMatchRecorder: (recorder) => set({ matchPanel: { ...get().matchPanel, recorder, matchOn: null } }),
  setMatchOn: (matchOn) => set({ matchPanel: { ...get().matchPanel, matchOn } }),
});
