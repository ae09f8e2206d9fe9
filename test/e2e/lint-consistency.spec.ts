/**
 * Issue #19.6 in the browser: the sidebar's lint counts for a file are the Problems panel's,
 * both from the one lint run (shared/lint/file.ts), and stay equal after a fix is saved.
 */
import { join } from 'node:path';
import { type Locator, type Page } from '@playwright/test';
import { expect, test } from './helpers/test';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { fileRow, openFile, screen, trackConsoleErrors } from './helpers/viewer';

let served: Served;
test.beforeAll(async () => {
  served = await startServe([tempCopy(join(fixturesDir, 'redact'))]);
});
test.afterAll(async () => served?.stop());

/** The sidebar's badges as numbers (a badge is absent at 0). */
async function sidebarCounts(row: Locator): Promise<{ error: number; warning: number }> {
  const n = async (id: string) => ((await row.getByTestId(id).count()) ? Number((await row.getByTestId(id).textContent())!.replace(/\D/g, '')) : 0);
  return { error: await n('badge-lint-errors'), warning: await n('badge-lint-warnings') };
}

async function panelCounts(page: Page): Promise<{ error: number; warning: number }> {
  const c = page.getByTestId('problems-counts');
  return { error: Number(await c.getAttribute('data-error')), warning: Number(await c.getAttribute('data-warning')) };
}

test('the sidebar counts the same lint findings as the Problems panel, before and after a saved fix', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(served.url);
  const row = fileRow(page, 'redact/go-vcr.yaml');
  // The lint pass runs after the rows are in; its counts then reach the row.
  await expect(row.getByTestId('badge-lint-errors')).toBeVisible();
  await openFile(page, 'redact/go-vcr.yaml');
  await page.getByTestId('tab-problems').click();
  const problems = page.getByTestId('problem');
  await expect(problems.first()).toBeVisible();
  const panel = await panelCounts(page);
  expect(panel.error).toBeGreaterThan(0);
  expect(panel.warning).toBeGreaterThan(0);
  expect(await sidebarCounts(row)).toEqual(panel);
  // The list is what the counts say (info findings too).
  await expect(problems.and(page.locator('[data-severity="error"]'))).toHaveCount(panel.error);
  await expect(problems.and(page.locator('[data-severity="warning"]'))).toHaveCount(panel.warning);
  await expect(page.getByTestId('problems-counts')).toContainText(`${panel.error} errors · ${panel.warning} warnings`);
  await screen(page, 'lint-consistency-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screen(page, 'lint-consistency-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Redact the secrets and save: the index re-lints the saved file and the row follows.
  await page.getByTestId('redact-all').click();
  await expect(page.getByTestId('problems-counts')).toHaveAttribute('data-error', /^[0-9]+$/);
  await expect.poll(async () => (await panelCounts(page)).error).toBeLessThan(panel.error);
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('edit-notice')).toHaveText('Saved');
  const after = await panelCounts(page);
  await expect.poll(() => sidebarCounts(row)).toEqual(after);
  expect(errors).toEqual([]);
});
