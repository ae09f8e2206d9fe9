/**
 * Usage a truncated stream lost is estimated with js-tiktoken, shown with "≈", and the
 * tokenizer chunk is fetched only for such files (it is 3.4 MB; CSP must allow it).
 */
import { join } from 'node:path';
import { expect, test } from './helpers/test';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { openFile, screen, trackConsoleErrors } from './helpers/viewer';

let served: Served;
test.beforeAll(async () => {
  served = await startServe([tempCopy(join(fixturesDir, 'estimate'))]);
});
test.afterAll(async () => served?.stop());

test('a complete stream loads no tokenizer; a truncated one shows estimated usage and cost', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  const chunks: string[] = [];
  page.on('request', (r) => chunks.push(r.url()));
  await page.goto(served.url);
  await expect(page.getByTestId('library-list')).toBeVisible();

  await openFile(page, 'openai-chat-complete.yaml');
  await expect(page.getByTestId('interaction-usage')).toBeVisible();
  await expect(page.locator('[data-estimated="true"]')).toHaveCount(0);
  expect(chunks.filter((u) => u.includes('tokenizer-tiktoken'))).toEqual([]);

  // The sidebar (the index estimates nothing) says the truncated file's totals lack usage.
  await expect(page.locator('[data-testid="library-file"][data-path$="openai-chat-truncated.yaml"] [data-testid="badge-usage-missing"]')).toBeVisible();
  await expect(page.locator('[data-testid="library-file"][data-path$="openai-chat-complete.yaml"] [data-testid="badge-usage-missing"]')).toHaveCount(0);
  await openFile(page, 'openai-chat-truncated.yaml');
  const usage = page.getByTestId('interaction-usage-bar');
  await expect(usage).toHaveAttribute('data-estimated', 'true');
  // Exact js-tiktoken counts for this fixture (see test/unit/llm/estimate-usage.test.ts).
  await expect(usage).toContainText('≈70');
  await expect(usage).toContainText('≈15');
  await expect(page.locator('[data-testid="cost-estimated"][data-estimated="true"]').first()).toContainText('≈$');
  expect(chunks.filter((u) => u.includes('tokenizer-tiktoken')).length).toBe(1);
  await screen(page, 'estimate-truncated');
  expect(errors).toEqual([]);
});

test('a tokenizer chunk that fails to load leaves the file readable, and the next file gets estimates', async ({ page }) => {
  let failures = 0;
  await page.route(/tokenizer-tiktoken-[\w-]+\.js$/, async (route) => {
    if (failures++ === 0) return route.abort('connectionreset');
    return route.continue();
  });
  await page.goto(served.url);
  await expect(page.getByTestId('library-list')).toBeVisible();
  await openFile(page, 'openai-chat-truncated.yaml');
  // Opened without estimates (the chunk failed), not as an error.
  await expect(page.getByTestId('main-error')).toHaveCount(0);
  await expect(page.getByTestId('interaction-usage')).toContainText('No usage reported');
  await openFile(page, 'anthropic-truncated.yaml');
  await expect(page.getByTestId('interaction-usage-bar')).toHaveAttribute('data-estimated', 'true');
  expect(failures).toBe(2);
});
