/** The folder dashboard in the empty main area: figures from the index, bars that filter, CSV. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { screen, trackConsoleErrors } from './helpers/viewer';

let served: Served;
test.beforeAll(async () => {
  served = await startServe([tempCopy(join(fixturesDir, 'export'), join(fixturesDir, 'viewer'), join(fixturesDir, 'formats'))]);
});
test.afterAll(async () => served?.stop());

test('the dashboard counts the folder, its bars filter the library, and the table exports as CSV', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  const dash = page.getByTestId('folder-dashboard');
  await expect(dash.getByTestId('dash-http-errors').locator('dd')).toHaveText('3'); // the 429 and two fixtures' 4xx/5xx
  await expect(dash.getByTestId('dash-cassettes').locator('dd')).toHaveText('11');
  await expect(dash.getByTestId('dash-models').locator('[data-key="gpt-4o-mini"]')).toContainText('15 tok');
  await screen(page, 'dashboard-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screen(page, 'dashboard-dark');

  const rows = page.getByTestId('library-file');
  const before = await rows.count();
  await dash.getByTestId('dash-models').locator('[data-key="gpt-4o-mini"]').click();
  // Files that used the model, alone or beside others (the library's model filter).
  await expect(rows).toHaveCount(2);
  expect(before).toBeGreaterThan(2);
  await expect(page.locator('[data-testid="library-file"][data-path$="openai-keyed.yaml"]')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), dash.getByTestId('dash-csv').click()]);
  expect(download.suggestedFilename()).toBe('tapedeck-cassettes.csv');
  const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
  expect(csv[0]).toMatch(/^file,format,interactions,/);
  expect(csv.some((l) => /openai-keyed\.yaml,go-vcr,2,/.test(l))).toBe(true);
  expect(errors).toEqual([]);
});
