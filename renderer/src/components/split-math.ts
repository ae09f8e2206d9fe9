/** Pure sizing rules for SplitPane (unit-tested: test/unit/renderer/split-math.test.ts). */

export const DIVIDER_PX = 5;

/**
 * The first pane's size as rendered: the stored size, but never so large that the second pane
 * drops below `min` (a remembered 380 px request pane in a 1024 px window used to push the
 * response's event list off-screen). When even that is impossible, both panes share the space.
 * `total` is the container's size along the split (0 or less: not measured yet).
 */
export function fitFirst(size: number, total: number, min: number, max: number): number {
  const wanted = Math.max(min, Math.min(size, max));
  if (!(total > 0)) return wanted;
  const room = total - DIVIDER_PX;
  if (room < 2 * min) return Math.max(0, Math.floor(room / 2));
  return Math.min(wanted, room - min);
}
