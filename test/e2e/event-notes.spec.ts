/** Replay event list: rows say what each event added, filter by kind, envelope with the changed path. */
import { join } from 'node:path';
import { expect, test } from './helpers/test';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { openFile, screen, trackConsoleErrors } from './helpers/viewer';

test.describe('event explanations', () => {
  let served: Served;
  test.beforeAll(async () => {
    served = await startServe([tempCopy(join(fixturesDir, 'dialects'))]);
  });
  test.afterAll(async () => served?.stop());

  test('rows explain, filter narrows, envelope highlights the changed path', async ({ page }) => {
    const errors = trackConsoleErrors(page);
    await page.goto(served.url);
    await openFile(page, 'anthropic-stream.yaml');
    const notes = page.getByTestId('event-note');
    await expect(notes).toHaveCount(11);
    await expect(notes.nth(2)).toHaveText('reasoning +"Need the weather tool."');
    await expect(notes.nth(5)).toHaveText('tool_use start weather');
    await expect(notes.nth(6)).toHaveText(`weather#0 args +'{"location": '`);
    await expect(notes.nth(9)).toHaveText('finish tool_use, usage in 6012 · out 30 · cache 5000');

    // Tool filter: only the three tool events remain; clicking one seeks to it.
    await page.getByTestId('event-filter-tool').click();
    await expect(notes).toHaveCount(3);
    await expect(page.getByTestId('event-list')).toContainText('3 of 11');
    await page.getByTestId('event-row').nth(2).click();
    await expect(page.getByTestId('scrub-event')).toHaveText('8');

    // Envelope: pretty-printed, the line carrying the argument piece highlighted.
    await page.getByTestId('event-envelope-toggle').click();
    const env = page.getByTestId('event-envelope');
    await expect(env).toContainText('"type": "content_block_delta"');
    await expect(env.locator('[data-hit]')).toHaveText(['"partial_json": "\\"Florence\\"}"']);
    await screen(page, 'event-notes');

    // The envelope choice stays while stepping; the highlight follows the event.
    await page.getByTestId('event-row').nth(0).click();
    await expect(env.locator('[data-hit]')).toHaveText(['"name": "weather",']);
    // Filters add up; turning every one off shows all again.
    await page.getByTestId('event-filter-reasoning').click();
    await expect(notes).toHaveCount(4);
    await page.getByTestId('event-filter-tool').click();
    await page.getByTestId('event-filter-reasoning').click();
    await expect(notes).toHaveCount(11);
    expect(errors).toEqual([]);
  });
});
