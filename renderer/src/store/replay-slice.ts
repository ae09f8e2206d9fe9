/**
 * Scrubber state. The cursor changes up to once per frame while playing or dragging; views read
 * it through transient subscriptions (see use-cursor.ts) so only they re-render.
 */
import { advancePlayback, clampCursor, playStartTime } from '../features/replay/scrubber-math';
import type { ReplaySlice, SliceCreator } from './types';

/** How long after the last cursor move the views switch back to full (Markdown) rendering. */
const SETTLE_MS = 180;

export const createReplaySlice: SliceCreator<ReplaySlice> = (set, get, deps) => {
  let clockT = 0;
  let lastFrame = 0;
  let playId = 0;
  let settleTimer: ReturnType<typeof setTimeout> | null = null;

  const moved = () => {
    if (!get().scrubbing) set({ scrubbing: true });
    if (settleTimer) clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      settleTimer = null;
      if (!get().playing) set({ scrubbing: false });
    }, SETTLE_MS);
  };

  const tick = (id: number) => {
    if (id !== playId || !get().playing) return;
    const now = deps.now();
    const { length, durationMs, speed } = get();
    const r = advancePlayback(clockT, now - lastFrame, speed, length, durationMs);
    clockT = r.t;
    lastFrame = now;
    if (r.cursor !== get().cursor) set({ cursor: r.cursor });
    if (r.ended) {
      set({ playing: false });
      moved();
      return;
    }
    deps.frame(() => tick(id));
  };

  const stop = () => {
    playId++;
    if (get().playing) set({ playing: false });
  };

  return {
    cursor: -1,
    length: 0,
    durationMs: null,
    playing: false,
    speed: 1,
    scrubbing: false,

    resetReplay(length, durationMs) {
      stop();
      // Opening an interaction shows the finished response; scrubbing goes back from there.
      set({ length, durationMs, cursor: length - 1, scrubbing: false });
    },

    seek(k) {
      const cursor = clampCursor(k, get().length);
      if (get().playing) clockT = playStartTime(cursor, get().length, get().durationMs);
      if (cursor !== get().cursor) {
        set({ cursor });
        moved();
      }
    },

    step(delta) {
      stop();
      get().seek(get().cursor + delta);
    },

    togglePlay() {
      if (get().playing) {
        stop();
        moved();
        return;
      }
      const { length, durationMs, cursor } = get();
      if (length <= 0) return;
      clockT = playStartTime(cursor, length, durationMs);
      if (cursor >= length - 1) set({ cursor: -1 });
      lastFrame = deps.now();
      const id = ++playId;
      set({ playing: true, scrubbing: true });
      deps.frame(() => tick(id));
    },

    setSpeed: (speed) => set({ speed }),
  };
};
