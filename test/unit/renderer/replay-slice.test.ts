import { describe, expect, it } from 'vitest';
import type { TapedeckApi } from '../../../shared/api/contract';
import { createAppStore } from '../../../renderer/src/store/create-app-store';

/** A store with a manual clock and frame queue, set to a 10-event stream recorded over 1 s. */
function setup() {
  let now = 0;
  const frames: (() => void)[] = [];
  const store = createAppStore({
    api: {} as TapedeckApi,
    analyzer: { analyze: async () => { throw new Error('unused'); } },
    makeReplay: () => null,
    frame: (cb) => frames.push(cb),
    now: () => now,
  });
  store.getState().resetReplay(10, 1000);
  const advance = (ms: number) => {
    now += ms;
    frames.splice(0).forEach((f) => f());
  };
  return { store, advance };
}

describe('replay slice', () => {
  it('opens at the last event and clamps steps', () => {
    const { store } = setup();
    const s = () => store.getState();
    expect(s().cursor).toBe(9);
    s().step(5);
    expect(s().cursor).toBe(9);
    s().step(-10);
    expect(s().cursor).toBe(-1);
    s().step(-1);
    expect(s().cursor).toBe(-1);
    s().seek(4.9);
    expect(s().cursor).toBe(4);
  });

  it('plays from the start at the end, at the chosen speed, and stops at the end', () => {
    const { store, advance } = setup();
    const s = () => store.getState();
    s().setSpeed(2);
    s().togglePlay();
    expect(s().cursor).toBe(-1);
    expect(s().playing).toBe(true);
    advance(100); // 200 ms of recording at 2x = 2 events
    expect(s().cursor).toBe(1);
    advance(100);
    expect(s().cursor).toBe(3);
    advance(10_000);
    expect(s().cursor).toBe(9);
    expect(s().playing).toBe(false);
  });

  it('pause keeps the cursor; stepping while playing pauses', () => {
    const { store, advance } = setup();
    const s = () => store.getState();
    s().seek(-1);
    s().togglePlay();
    advance(250);
    const at = s().cursor;
    s().togglePlay();
    advance(500);
    expect(s().cursor).toBe(at);
    s().togglePlay();
    s().step(1);
    expect(s().playing).toBe(false);
    expect(s().cursor).toBe(at + 1);
  });
});
