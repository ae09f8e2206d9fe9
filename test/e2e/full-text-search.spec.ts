/**
 * Full-text search in the sidebar against `tapedeck serve`: hits from files never opened,
 * grouped by file and interaction with the match marked; a hit opens the cassette at its
 * interaction with the scrubber on the event that carries the match, a header hit opens the
 * Raw tab at the header's line; toggles and a bad regex.
 */
import { join } from 'node:path';
import { expect, test } from './helpers/test';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { screen, trackConsoleErrors } from './helpers/viewer';

test.describe('full-text search', () => {
  let served: Served;
  test.beforeAll(async () => {
    served = await startServe([tempCopy(join(fixturesDir, 'search'), join(fixturesDir, 'dialects'))]);
  });
  test.afterAll(async () => served?.stop());

  test('finds text in unopened cassettes and opens the hit at its event', async ({ page }) => {
    const errors = trackConsoleErrors(page);
    await page.goto(served.url);
    await expect(page.getByTestId('library-list')).toBeVisible();
    const search = page.getByTestId('library-search');
    await search.fill('ouagadougou');
    const results = page.getByTestId('search-results');
    await expect(results.getByTestId('search-file')).toHaveCount(1);
    const hit = results.getByTestId('search-hit').first();
    await expect(hit).toContainText('#1 answer · event 4');
    await expect(hit.locator('mark')).toHaveText('Ouagadougou');
    await expect(page.getByTestId('search-summary')).toHaveText('1 match in 1 file');
    await screen(page, 'full-text-search');

    // Keyboard: ArrowDown from the box into the hits, Enter opens it.
    await search.press('ArrowDown');
    await expect(hit).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('scrub-event')).toHaveText('4');
    await expect(page.getByTestId('assembled-text')).toContainText('Ouagadougou');
    await screen(page, 'full-text-search-opened');

    // A header hit opens the Raw tab at the header's line (its value, line 18 of the file).
    await search.fill('nightly-canary');
    await expect(results.getByTestId('search-hit')).toHaveCount(2);
    await results.getByTestId('search-hit').first().click();
    await expect(page.getByTestId('tab-raw')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('raw-target-line')).toHaveAttribute('data-line', '18');

    // Secrets are not searchable; toggles narrow; a bad regex says so.
    await search.fill('SECRETTAIL');
    await expect(page.getByTestId('search-summary')).toHaveText('0 matches in 0 files');
    await search.fill('zebra');
    await expect(page.getByTestId('search-summary')).toHaveText('3 matches in 1 file');
    await page.getByTestId('search-wholeWord').click();
    await expect(page.getByTestId('search-summary')).toHaveText('2 matches in 1 file');
    await page.getByTestId('search-wholeWord').click();
    await page.getByTestId('search-regex').click();
    await search.fill('zeb(ra');
    await expect(page.getByTestId('search-error')).toContainText('Bad regular expression');
    expect(errors).toEqual([]);
  });
});
