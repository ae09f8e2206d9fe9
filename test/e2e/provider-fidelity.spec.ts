/**
 * Issue #14 in the UI: the sidebar's provider filter names who served the calls beside the
 * dialect; the cost tooltip lists each part, fees the table cannot price show "tokens only",
 * and a cassette with no recording date says it was priced at today's prices.
 */
import { join } from 'node:path';
import { expect, test } from './helpers/test';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { fileRow, openFile, screen, trackConsoleErrors } from './helpers/viewer';

let served: Served;
test.beforeAll(async () => {
  served = await startServe([tempCopy(join(fixturesDir, 'provider-fidelity'))]);
});
test.afterAll(async () => served?.stop());

test('provider filter shows the real provider beside the dialect', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await expect(page.getByTestId('library-list')).toBeVisible();
  const filter = page.getByTestId('filter-provider');
  await expect(filter.locator('option', { hasText: 'OpenRouter → Chutes (openai-chat)' })).toHaveCount(1);
  await expect(filter.locator('option', { hasText: 'Together AI (openai-chat)' })).toHaveCount(1);
  await expect(filter.locator('option', { hasText: 'AWS Bedrock (bedrock)' })).toHaveCount(1);
  await filter.selectOption('Google Vertex AI (gemini)');
  await expect(page.getByTestId('library-file')).toHaveCount(1);
  await expect(fileRow(page, 'c8-vendors.yaml')).toBeVisible();
  await filter.selectOption('Together AI (openai-chat)');
  // The Together HAR (class 1) and the vendors cassette both have a Together call.
  await expect(page.getByTestId('library-file')).toHaveCount(2);
  // The chosen label is shown whole (it was cut to "Together AI (open" at half the sidebar).
  const shown = await filter.evaluate((el: HTMLSelectElement) => {
    const probe = document.createElement('span');
    probe.style.cssText = `font: ${getComputedStyle(el).font}; position: absolute; white-space: pre`;
    probe.textContent = el.selectedOptions[0].text;
    document.body.append(probe);
    const need = probe.getBoundingClientRect().width;
    probe.remove();
    const inside = el.getBoundingClientRect().right <= el.closest('.library-filters')!.getBoundingClientRect().right;
    return { need, have: el.clientWidth - 24, inside }; // the arrow takes ~24 px
  });
  expect(shown.need).toBeLessThan(shown.have);
  expect(shown.inside).toBe(true);
  await screen(page, 'provider-filter');
  expect(errors).toEqual([]);
});

test('cost tooltip lists each part; unpriced fees show "tokens only"; no recording date says today', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await expect(page.getByTestId('library-list')).toBeVisible();

  await openFile(page, 'c6-fees.yaml');
  const cost = page.getByTestId('interaction-cost');
  const est = cost.getByTestId('cost-estimated-item');
  await expect(est).toHaveAttribute('title', /^input: 2000 × \$3\/M = \$0\.006\noutput: 100 × \$15\/M = \$0\.0015\nweb searches: 2 × \$0\.01 = \$0\.02\nPrice as of 2025-12-02/);
  await expect(cost.getByTestId('cost-tokens-only')).toHaveCount(0);
  await page.getByTestId('timeline-lane').nth(4).click();
  await expect(cost.getByTestId('cost-tokens-only')).toBeVisible();
  await expect(page.getByTestId('request-vendor')).toHaveText('OpenRouter → Groq');
  await expect(cost.getByTestId('cost-tokens-only')).toHaveText('tokens only');
  await expect(est).toHaveAttribute('title', /Tokens only: 1 web search not priced/);
  await expect(page.getByTestId('cassette-cost').getByTestId('cost-tokens-only')).toBeVisible();
  await screen(page, 'cost-tokens-only');

  await openFile(page, 'c9-no-recording-date.yaml');
  await expect(cost.getByTestId('cost-date')).toHaveText("(today's prices)");
  await expect(est).toHaveAttribute('title', /No recording date in the cassette: priced at today's prices \(\d{4}-\d\d-\d\d\)/);
  await openFile(page, 'c2-mistral-thinking.yml');
  await expect(cost.getByTestId('cost-date')).toHaveText('(2026-08-19)');
  expect(errors).toEqual([]);
});
