/** Timing where it was recorded: HAR phases vs duration only, first-token mark and density strip on the lanes. */
import { join } from 'node:path';
import { expect, test } from './helpers/test';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { openFile, screen, trackConsoleErrors } from './helpers/viewer';

test.describe('timing', () => {
  let served: Served;
  test.beforeAll(async () => {
    served = await startServe([tempCopy(join(fixturesDir, 'timing'), join(fixturesDir, 'dialects'))]);
  });
  test.afterAll(async () => served?.stop());

  test('HAR timings give first byte, first token and tokens/s; go-vcr says duration only', async ({ page }) => {
    const errors = trackConsoleErrors(page);
    await page.goto(served.url);
    await openFile(page, 'timing/polly-timings.har');
    const timing = page.getByTestId('interaction-timing');
    await expect(timing).toHaveAttribute('data-basis', 'phases');
    await expect(page.getByTestId('timing-first-byte')).toHaveText('400 ms');
    await expect(page.getByTestId('timing-first-token')).toHaveText(/^4\d\d ms$/);
    await expect(timing).toContainText('50 tok/s while streaming');
    const lanes = page.getByTestId('timeline-lane');
    // The stream's lane has a first-token tick inside its bar and a density strip; the JSON reply only the tick.
    await expect(lanes.nth(0).getByTestId('lane-first-token')).toHaveCount(1);
    await expect(lanes.nth(0).getByTestId('lane-density')).toHaveCount(1);
    await expect(lanes.nth(1).getByTestId('lane-density')).toHaveCount(0);
    const bar = await lanes.nth(0).locator('.lane-bar').boundingBox();
    const tick = await lanes.nth(0).getByTestId('lane-first-token').boundingBox();
    expect(tick!.x).toBeGreaterThan(bar!.x + bar!.width * 0.3); // ≈ 0.37 of the way: after 400 ms of 1.2 s
    expect(tick!.x).toBeLessThan(bar!.x + bar!.width * 0.5);
    await screen(page, 'timing-har');

    await lanes.nth(1).click();
    await expect(page.getByTestId('timing-first-byte')).toHaveText('500 ms');
    await expect(timing).toContainText('10 tok/s over the whole response');

    await openFile(page, 'dialects/openai-chat-stream.yaml');
    await expect(timing).toHaveAttribute('data-basis', 'duration');
    await expect(timing).toContainText('duration only 1.50 s · 20 tok/s over the whole response');
    await expect(page.getByTestId('lane-first-token')).toHaveCount(0);
    await expect(page.getByTestId('lane-density')).toHaveCount(2);
    expect(errors).toEqual([]);
  });
});
