/**
 * An edit of a response's tool-call arguments carries over into the later requests that keep
 * the call in their message history, as one undoable edit; without it, lint flags each stale
 * copy in the Problems panel and its quick fix restores it. Real serve, real Chromium.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './helpers/test';
import { editorSuite } from './helpers/editor-suite';
import { screen } from './helpers/viewer';

const FIXTURE = 'history/openai-chat.yaml';
const suite = editorSuite('history', FIXTURE);

const present = (page: Page) => page.evaluate(() => (window as unknown as { __tapedeck: { getState(): { editor: { history: { present: string } } } } }).__tapedeck.getState().editor.history.present);
const NEW_ARGS = '{"a": 20, "b": 30}';
const COPY = '"name":"multiply","arguments":"{\\"a\\": 20, \\"b\\": 30}"';

async function editMultiply(page: Page, updateLater: boolean) {
  const call = page.locator('[data-testid="tool-call"][data-name="multiply"]');
  await call.getByTestId('tool-call-edit-open').click();
  await expect(page.getByTestId('history-toggle')).toHaveText('also update 2 later requests');
  await expect(page.getByTestId('history-toggle-input')).toBeChecked();
  if (!updateLater) await page.getByTestId('history-toggle-input').uncheck();
  await page.getByTestId('tool-call-edit-args').fill(NEW_ARGS);
  if (updateLater) await screen(page, 'history-copies-offer');
  await page.getByTestId('tool-call-edit-apply').click();
  await expect(call.getByTestId('tool-call-args')).toContainText('"a": 20');
}

test('the edit updates both later requests; one undo takes back all three', async ({ page }) => {
  const original = readFileSync(join(suite.dir, FIXTURE), 'utf8');
  await editMultiply(page, true);
  await expect(page.getByTestId('edit-notice')).toContainText('and 2 later requests');
  const text = await present(page);
  // The response's own chunk and the two later requests.
  expect(text.split(COPY).length - 1).toBe(3);
  await page.getByTestId('tab-problems').click();
  await expect(page.locator('[data-testid="problem"][data-code="history/stale-copy"]')).toHaveCount(0);
  await page.getByTestId('edit-undo').click();
  expect(await present(page)).toBe(original);
});

test('left alone, the stale copies are flagged and the quick fix restores them', async ({ page }) => {
  await editMultiply(page, false);
  expect((await present(page)).split(COPY).length - 1).toBe(1);
  await page.getByTestId('tab-problems').click();
  const stale = page.locator('[data-testid="problem"][data-code="history/stale-copy"]');
  await expect(stale).toHaveCount(2);
  await expect(stale.first()).toContainText("Interaction 1's request carries the arguments of multiply");
  await screen(page, 'history-copies-problems');
  await stale.first().getByTestId('problem-fix').click();
  await expect(stale).toHaveCount(1);
  expect((await present(page)).split(COPY).length - 1).toBe(2);
});
