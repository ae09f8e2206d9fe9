import { describe, expect, it } from 'vitest';
import { DIVIDER_PX, fitFirst } from '../../../renderer/src/components/split-math';

describe('fitFirst', () => {
  it('keeps the stored size when it fits', () => {
    expect(fitFirst(380, 1000, 240, 2000)).toBe(380);
  });
  it('leaves the second pane its minimum in a small window', () => {
    const total = 560;
    const first = fitFirst(380, total, 240, 2000);
    expect(total - DIVIDER_PX - first).toBe(240);
  });
  it('splits evenly when both minimums cannot fit', () => {
    expect(fitFirst(360, 305, 220, 2000)).toBe(150);
  });
  it('clamps to min/max before the container is measured', () => {
    expect(fitFirst(10, 0, 100, 500)).toBe(100);
    expect(fitFirst(900, 0, 100, 500)).toBe(500);
  });
});
