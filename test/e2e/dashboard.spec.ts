/** The folder dashboard in the empty main area: figures from the index, bars that filter, CSV. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './helpers/test';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { openFile, screen, trackConsoleErrors } from './helpers/viewer';

let served: Served;
test.beforeAll(async () => {
  served = await startServe([tempCopy(join(fixturesDir, 'export'), join(fixturesDir, 'viewer'), join(fixturesDir, 'formats'), join(fixturesDir, 'dashboard'))]);
});
test.afterAll(async () => served?.stop());

const folderRow = (page: Page, path: string) => page.locator(`[data-testid="library-folder"][data-path="${path}"]`);

test('the dashboard counts the folder, its bars filter the library, and the table exports as CSV', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  const dash = page.getByTestId('folder-dashboard');
  await expect(dash.getByTestId('dash-http-errors').locator('dd')).toHaveText('3'); // the 429 and two fixtures' 4xx/5xx
  await expect(dash.getByTestId('dash-cassettes').locator('dd')).toHaveText('17');
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
  expect(download.suggestedFilename()).toMatch(/^tapedeck-.*\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
  expect(csv[0]).toMatch(/^file,format,interactions,providers,dialects,/);
  expect(csv.some((l) => /openai-keyed\.yaml,go-vcr,2,/.test(l))).toBe(true);
  expect(errors).toEqual([]);
});

test('a folder clicked in the sidebar shows its own dashboard: cost against today, recording dates, dialects; every bar filters', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await expect(page.getByTestId('folder-dashboard')).toBeVisible();
  // Compact folders: a chain of single-folder folders is one row.
  await expect(folderRow(page, 'dashboard/deep/nested/chain')).toContainText('deep/nested/chain');
  await expect(folderRow(page, 'dashboard/deep')).toHaveCount(0);

  await folderRow(page, 'dashboard').click();
  const dash = page.getByTestId('folder-dashboard');
  await expect(dash.getByTestId('dash-title')).toHaveText(/\/dashboard$/);
  await expect(dash.getByTestId('dash-cassettes').locator('dd')).toHaveText('6');
  // Reported against estimated, on the one interaction that has both.
  await expect(dash.getByTestId('dash-pair')).toContainText('(1 interaction): reported $0.0005, estimated $0.00045');
  // Today: mistral-medium-latest costs more now than when it was recorded; the assumption is on screen.
  const today = dash.getByTestId('dash-today');
  await expect(today.locator('dd')).toContainText('+');
  await expect(dash.getByTestId('dash-today-assumption')).toContainText('same token counts as recorded');
  await expect(dash.getByTestId('dash-today-assumption')).toContainText('1 interaction with usage the table cannot price');
  // How stale: newest and oldest, a column per month from March 2025 to November 2026, the undated file named by format.
  await expect(dash.getByTestId('dash-date-range')).toContainText('Newest 2026-11-20');
  await expect(dash.getByTestId('dash-date-range')).toContainText('oldest 2025-03-10');
  await expect(dash.getByTestId('dash-period')).toHaveCount(22);
  await expect(dash.getByTestId('dash-undated')).toContainText('1 cassette keeps no date (1 vcrpy)');
  await expect(dash.getByTestId('dash-date-sources')).toContainText('HAR startedDateTime');
  await expect(dash.getByTestId('dash-dialects').locator('[data-key="openai-responses"]')).toContainText('1 file');
  await screen(page, 'dashboard-folder-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screen(page, 'dashboard-folder-dark');

  const rows = page.getByTestId('library-file');
  const chip = page.getByTestId('filter-dashboard');
  const expectRows = async (paths: string[]) => {
    await expect(rows).toHaveCount(paths.length);
    for (const p of paths) await expect(page.locator(`[data-testid="library-file"][data-path="dashboard/${p}"]`)).toBeVisible();
  };
  await dash.locator('[data-testid="dash-period"][data-key="2025-03"]').click();
  await expectRows(['openrouter/prime.yaml', 'openrouter/house-model.yaml']);
  await expect(chip).toContainText('recorded 2025-03 · in dashboard');
  await dash.locator('[data-testid="dash-period"][data-key="none"]').click();
  await expectRows(['undated/vcrpy-anthropic.yaml']);
  await dash.getByTestId('dash-dialects').locator('[data-key="openai-responses"]').click();
  await expectRows(['deep/nested/chain/responses.yaml']);
  await dash.getByTestId('dash-formats').locator('[data-key="har"]').click();
  await expectRows(['anthropic.har']);
  await dash.getByTestId('dash-providers').locator('[data-key="Mistral (openai-chat)"]').click();
  await expectRows(['mistral/summary.yaml']);
  await dash.getByTestId('dash-top-cassettes').locator('[data-key="dashboard/mistral/summary.yaml"]').click();
  await expectRows(['mistral/summary.yaml']);
  await expect(chip).toContainText('in dashboard/mistral/summary.yaml');
  await chip.click();
  await expect(chip).toHaveCount(0);

  // Over an open cassette: the folder's dashboard covers it; Back (or Escape) returns to it.
  await openFile(page, 'export/openai-keyed.yaml');
  await folderRow(page, 'export').click();
  await expect(dash.getByTestId('dash-cassettes').locator('dd')).toHaveText('1');
  await expect(page.getByTestId('cassette-view')).toHaveCount(0);
  await dash.getByTestId('dash-back').click();
  await expect(page.getByTestId('cassette-path')).toContainText('openai-keyed.yaml');
  await folderRow(page, 'export').click();
  await expect(dash).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cassette-view')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the dashboard fits a 1024×700 window: no chart sticks out of the main area', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(served.url);
  const dash = page.getByTestId('folder-dashboard');
  await expect(dash.getByTestId('dash-dates')).toBeVisible();
  const main = (await page.getByTestId('main').boundingBox())!;
  for (const id of ['dash-cost', 'dash-dates', 'dash-providers', 'dash-models', 'dash-formats', 'dash-dialects']) {
    const box = (await dash.getByTestId(id).boundingBox())!;
    expect(box.x, id).toBeGreaterThanOrEqual(main.x);
    expect(box.x + box.width, id).toBeLessThanOrEqual(main.x + main.width + 0.5);
  }
  // Nothing scrolls sideways.
  expect(await page.getByTestId('main').evaluate((m) => m.querySelector('.main-idle')!.scrollWidth <= m.clientWidth + 1)).toBe(true);
  await screen(page, 'dashboard-1024');
});
