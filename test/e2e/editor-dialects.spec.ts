/**
 * Structured edits from the views on the dialects whose fragments are not plain chat deltas:
 * OpenAI Responses (whole copies), Gemini (args objects), Bedrock (binary eventstream frames),
 * and "Edit text" on the assembled response. Each edit is saved and re-read from disk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './helpers/test';
import { editorSuite } from './helpers/editor-suite';
import { fixturesDir } from './helpers/serve';
import { openFile, screen } from './helpers/viewer';

const suite = editorSuite('edit-dialects');

const disk = (name: string) => readFileSync(join(suite.dir, 'edit-dialects', `${name}.yaml`), 'utf8');

async function save(page: Page) {
  await expect(page.getByTestId('tab-dirty')).toBeVisible();
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('edit-notice')).toHaveText('Saved');
}

async function editArgs(page: Page, name: string, from: string, to: string) {
  const card = page.locator(`[data-testid="tool-call"][data-name="${name}"]`);
  await card.getByTestId('tool-call-edit-open').click();
  await expect(page.getByTestId('tool-call-edit-args')).toHaveValue(from);
  await page.getByTestId('tool-call-edit-args').fill(to);
  await page.getByTestId('tool-call-edit-apply').click();
  return card;
}

test('Responses: edit arguments; deltas, .done, item and completed copies all change', async ({ page }) => {
  await openFile(page, 'edit-dialects/openai-responses-stream.yaml');
  const card = await editArgs(page, 'calculator', '{"a":12,"b":7}', '{"a":40,"b":2}');
  await expect(card.getByTestId('tool-call-args')).toContainText('40');
  await save(page);
  const saved = disk('openai-responses-stream');
  // function_call_arguments.done, output_item.done and response.completed carry the whole text.
  expect(saved.split('"arguments":"{\\"a\\":40,\\"b\\":2}"').length - 1).toBe(3);
  // The deltas keep their chunks: each changed number went into the delta that held it.
  expect(saved).toContain('"delta":"{\\"a\\":40"');
  expect(saved).toContain('"delta":",\\"b\\":2}"');
  await screen(page, 'editor-dialects-responses-args');
});

test('Gemini SSE: edit the args object', async ({ page }) => {
  await openFile(page, 'edit-dialects/gemini-sse.yaml');
  const card = await editArgs(page, 'weather', '{"location":"Rome","days":3}', '{"location":"Milan","days":1}');
  await expect(card.getByTestId('tool-call-args')).toContainText('Milan');
  await save(page);
  expect(disk('gemini-sse')).toContain('\\"args\\":{\\"location\\":\\"Milan\\",\\"days\\":1}');
});

test('Bedrock converse-stream: edit arguments inside binary frames; reopened file still decodes', async ({ page }) => {
  await openFile(page, 'edit-dialects/bedrock-converse-stream.yaml');
  const card = await editArgs(page, 'weather', '{"city":"Paris"}', '{"city":"Lyon"}');
  await expect(card.getByTestId('tool-call-args')).toContainText('Lyon');
  await save(page);
  expect(disk('bedrock-converse-stream')).not.toBe(readFileSync(join(fixturesDir, 'edit-dialects/bedrock-converse-stream.yaml'), 'utf8'));
  await page.reload();
  await openFile(page, 'edit-dialects/bedrock-converse-stream.yaml');
  await expect(page.locator('[data-testid="tool-call"][data-name="weather"]').getByTestId('tool-call-args')).toContainText('Lyon');
});

test('Edit text on a streamed Anthropic answer', async ({ page }) => {
  await openFile(page, 'edit-dialects/anthropic-stream.yaml');
  await page.getByTestId('text-edit-open').click();
  await expect(page.getByTestId('text-edit-input')).toHaveValue('Checking the weather.');
  await page.getByTestId('text-edit-input').fill('Looking it up now.');
  await screen(page, 'editor-dialects-text-edit');
  await page.getByTestId('text-edit-apply').click();
  await expect(page.getByTestId('assembled-text')).toContainText('Looking it up now.');
  await save(page);
  const saved = disk('anthropic-stream');
  // Each delta keeps its place in the stream: "Checking the " / "weather." became these.
  expect(saved).toContain('"text_delta","text":"Looking it "');
  expect(saved).toContain('"text_delta","text":"up now."');
});
