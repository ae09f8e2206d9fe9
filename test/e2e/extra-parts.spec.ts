/**
 * Parts beyond text and client tool calls: provider-run tools with their status, cited
 * sources, and redacted thinking, as the assemblers build them from our own fixtures.
 */
import { join } from 'node:path';
import { expect, test } from './helpers/test';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { openFile, screen, seekWithKeys, trackConsoleErrors } from './helpers/viewer';

let served: Served;
test.beforeAll(async () => {
  served = await startServe([tempCopy(join(fixturesDir, 'dialects'))]);
});
test.afterAll(async () => served?.stop());

test('Anthropic server tools, citations and redacted thinking are shown, each once', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await expect(page.getByTestId('library-list')).toBeVisible();

  await openFile(page, 'anthropic-server-tools-stream.yaml');
  const tools = page.getByTestId('builtin-tool');
  await expect(tools.first()).toBeVisible();
  await expect(tools.filter({ hasText: 'Tokyo population 2026' }).first()).toHaveAttribute('data-status', 'completed');
  await expect(tools.filter({ hasText: '3 results' })).toHaveCount(1);
  // The web_fetch call and its result both failed (url_not_accessible).
  await expect(page.locator('[data-testid="builtin-tool"][data-status="failed"]')).toHaveCount(2);
  await expect(tools.filter({ hasText: 'url_not_accessible' })).toHaveCount(1);
  // The web_search call is a builtin card, not also a client tool-call card.
  await expect(page.locator('[data-testid="tool-call"][data-name="web_search"]')).toHaveCount(0);
  await expect(page.getByTestId('citation').first()).toContainText('Demographics of Tokyo');
  await screen(page, 'extra-parts-server-tools');

  await openFile(page, 'anthropic-redacted-thinking.yaml');
  await expect(page.getByTestId('redacted-thinking')).toHaveCount(2);
  await expect(page.getByTestId('redacted-thinking').first()).toContainText('96');
  expect(errors).toEqual([]);
});

test('Responses built-in tools change status as the scrubber moves', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await expect(page.getByTestId('library-list')).toBeVisible();
  await openFile(page, 'openai-responses-builtin-tools-stream.yaml');
  const search = page.locator('[data-testid="builtin-tool"][data-type="web_search_call"]');
  await expect(search).toHaveAttribute('data-status', 'completed');
  await page.getByTestId('scrub-slider').focus();
  await page.keyboard.press('Home');
  await expect(search).toHaveCount(0);
  // The event that adds the search call: from there on the card shows, not yet completed.
  const added = await page.evaluate(() => {
    type Ev = { json?: { type?: string; item?: { type?: string } } };
    const s = (window as unknown as { __tapedeck: { getState(): { doc: { analysis: { interactions: { stream: { events: Ev[] } }[] } } } } }).__tapedeck.getState();
    return s.doc.analysis.interactions[0].stream.events.findIndex((e) => e.json?.type === 'response.output_item.added' && e.json.item?.type === 'web_search_call');
  });
  expect(added).toBeGreaterThan(0);
  await seekWithKeys(page, added);
  await expect(search).toHaveCount(1);
  await expect(search).not.toHaveAttribute('data-status', 'completed');
  await screen(page, 'extra-parts-responses-progress');
  await page.keyboard.press('End');
  await expect(search).toHaveAttribute('data-status', 'completed');
  expect(errors).toEqual([]);
});

test('Edit text is offered for answers with text, not for tool-call-only responses', async ({ page }) => {
  await page.goto(served.url);
  await expect(page.getByTestId('library-list')).toBeVisible();
  await openFile(page, 'anthropic-citations-stream.yaml');
  await expect(page.getByTestId('text-edit-open')).toHaveCount(1);
  // Reasoning and a function call, no answer text.
  await openFile(page, 'openai-responses-stream.yaml');
  await expect(page.getByTestId('tool-call').first()).toBeVisible();
  await expect(page.getByTestId('text-edit-open')).toHaveCount(0);
});
