/**
 * The README tour's pictures of issue #21's features: full-text search results, the folder
 * dashboard and the Replay event list with its explained rows, on the built-in samples plus a
 * few fixtures. Each step asserts what the picture must show. The pictures go to
 * test-results/screens; `README_SCREENS=1` writes them to docs/screens instead (done by hand
 * after looking at them, so an ordinary test run never rewrites the README's pictures).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './helpers/test';
import { fixturesDir, samplesDir, startServe, type Served } from './helpers/serve';
import { openFile, trackConsoleErrors } from './helpers/viewer';

let served: Served;
test.beforeAll(async () => {
  // A folder named like a project's fixtures folder, so the pictures show a readable root.
  const root = join(mkdtempSync(join(tmpdir(), 'tapedeck-e2e-')), 'cassettes');
  cpSync(samplesDir, join(root, 'samples'), { recursive: true });
  for (const f of ['dialects', 'dashboard', 'search']) cpSync(join(fixturesDir, f), join(root, f), { recursive: true });
  served = await startServe([root]);
});
test.afterAll(async () => served?.stop());

const dir = process.env.README_SCREENS ? 'docs/screens' : 'test-results/screens';
const shot = (page: Page, name: string) => page.screenshot({ path: `${dir}/${name}.png` });

/** The cursor has stopped moving, so the views show their settled rendering. */
const settled = (page: Page) =>
  page.waitForFunction(() => !(window as unknown as { __tapedeck: { getState(): { scrubbing: boolean } } }).__tapedeck.getState().scrubbing);

test.use({ viewport: { width: 1280, height: 780 } });
// One test below seeds localStorage through addInitScript, which stays on a page for good.
test.use({ keepPage: false });

test('README: full-text search results grouped by file and interaction', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await expect(page.getByTestId('index-progress')).toHaveCount(0);
  await page.getByTestId('library-search').fill('weather');
  const results = page.getByTestId('search-results');
  // Results grow as the index fills (the search runs again on each batch), so wait for them.
  await expect.poll(() => results.getByTestId('search-file').count()).toBeGreaterThan(2);
  await expect(results.getByTestId('search-hit').first().locator('mark')).toHaveText(/weather/i);
  await expect(page.getByTestId('search-summary')).toContainText(/\d+\+? matches in \d+ files/);
  // A hit in a streamed tool call opens its file with the scrubber on that event.
  const hit = results.getByTestId('search-hit').filter({ hasText: 'tool call · event 6' }).first();
  await hit.click();
  await expect(page.getByTestId('cassette-path')).toHaveText('dialects/anthropic-stream.yaml');
  await expect(page.getByTestId('scrub-event')).toHaveText('6');
  await expect(page.getByTestId('tool-call-name')).toHaveText('weather');
  await settled(page);
  await shot(page, 'search');
  expect(errors).toEqual([]);
});

test('README: the folder dashboard', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await expect(page.getByTestId('index-progress')).toHaveCount(0);
  const dash = page.getByTestId('folder-dashboard');
  await expect(dash.getByTestId('dash-dates')).toBeVisible();
  await expect(dash.getByTestId('dash-today').locator('dd')).toContainText('$');
  await expect(dash.getByTestId('dash-date-range')).toContainText('Newest');
  // The overview, not the "no cassette open" note above it, fills the picture.
  await dash.evaluate((el) => el.scrollIntoView());
  await shot(page, 'dashboard');
  // A long list of models shows its first 15 bars; the rest are one click away.
  const models = dash.getByTestId('dash-models');
  await expect(models.getByTestId('dash-bar')).toHaveCount(15);
  await models.getByTestId('dash-more').click();
  await expect.poll(() => models.getByTestId('dash-bar').count()).toBeGreaterThan(15);
  expect(errors).toEqual([]);
});

test('README: the Replay event list, each row saying what its event added', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  // Narrower sidebar and request, so the event list has room for its notes.
  await page.addInitScript(() => {
    localStorage.setItem('tapedeck.split.sidebar', '250');
    localStorage.setItem('tapedeck.split.request-response', '280');
    localStorage.setItem('tapedeck.split.replay-events', '330');
  });
  await page.goto(served.url);
  await openFile(page, 'samples/go-vcr/openrouter-kimi.yaml');
  const notes = page.getByTestId('event-note');
  const rows = page.getByTestId('event-row');
  await expect(rows.first()).toBeVisible();
  // Mid-stream: on the second argument piece of the tool call, its JSON still partial. The
  // list is virtual: read the rows' own event indexes, not their places on screen.
  const args = await rows.filter({ hasText: /args \+/ }).evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-index'))));
  const k = args.sort((a, b) => a - b)[1];
  expect(k).toBeGreaterThan(0);
  await page.evaluate((at) => (window as unknown as { __tapedeck: { getState(): { seek(k: number): void } } }).__tapedeck.getState().seek(at), k);
  await expect(page.getByTestId('scrub-event')).toHaveText(String(k + 1));
  await expect(notes.filter({ hasText: /^get_time#0 args \+/ }).first()).toBeVisible();
  await expect(notes.filter({ hasText: /^tool_call start get_time$/ })).toBeVisible();
  await expect(notes.filter({ hasText: /^text "/ }).first()).toBeVisible();
  await expect(page.getByTestId('tool-call')).toHaveAttribute('data-status', 'partial');
  await settled(page);
  await shot(page, 'event-list');
  expect(errors).toEqual([]);
});
