import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MS_PER_EVENT, advancePlayback, clampCursor, eventAtTime, msPerEvent, nextSpeed, playStartTime, timeAtEvent,
} from '../../../renderer/src/features/replay/scrubber-math';

describe('scrubber math', () => {
  it('clamps the cursor to [-1, length-1], including infinities and fractions', () => {
    expect(clampCursor(5, 46)).toBe(5);
    expect(clampCursor(99, 46)).toBe(45);
    expect(clampCursor(-7, 46)).toBe(-1);
    expect(clampCursor(Infinity, 46)).toBe(45);
    expect(clampCursor(-Infinity, 46)).toBe(-1);
    expect(clampCursor(3.7, 46)).toBe(3);
    expect(clampCursor(3, 0)).toBe(-1);
  });

  it('spreads the recorded duration evenly over the events', () => {
    expect(msPerEvent(46, 4600)).toBe(100);
    expect(msPerEvent(46, null)).toBe(DEFAULT_MS_PER_EVENT);
    expect(msPerEvent(46, 0)).toBe(DEFAULT_MS_PER_EVENT);
    expect(timeAtEvent(-1, 46, 4600)).toBe(0);
    expect(timeAtEvent(0, 46, 4600)).toBe(100);
    expect(timeAtEvent(45, 46, 4600)).toBe(4600);
  });

  it('eventAtTime inverts timeAtEvent', () => {
    for (const k of [-1, 0, 1, 24, 45]) expect(eventAtTime(timeAtEvent(k, 46, 4600), 46, 4600)).toBe(k);
    expect(eventAtTime(99, 46, 4600)).toBe(-1);
    expect(eventAtTime(1e9, 46, 4600)).toBe(45);
  });

  it('advances playback by wall time × speed and reports the end', () => {
    let r = advancePlayback(0, 100, 1, 10, 1000);
    expect(r).toEqual({ t: 100, cursor: 0, ended: false });
    r = advancePlayback(r.t, 100, 4, 10, 1000);
    expect(r.cursor).toBe(4);
    r = advancePlayback(r.t, 10_000, 8, 10, 1000);
    expect(r).toEqual({ t: 1000, cursor: 9, ended: true });
    // Negative elapsed time (clock skew) never rewinds.
    expect(advancePlayback(300, -50, 1, 10, 1000).t).toBe(300);
    // 0.25x: a quarter of the wall time.
    expect(advancePlayback(0, 400, 0.25, 10, 1000).cursor).toBe(0);
  });

  it('restarts from the beginning when play is pressed at the end', () => {
    expect(playStartTime(45, 46, 4600)).toBe(0);
    expect(playStartTime(9, 46, 4600)).toBe(1000);
  });

  it('steps through the speed list and stops at its ends', () => {
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(8, 1)).toBe(8);
    expect(nextSpeed(0.25, -1)).toBe(0.25);
    expect(nextSpeed(1, -1)).toBe(0.5);
  });
});
