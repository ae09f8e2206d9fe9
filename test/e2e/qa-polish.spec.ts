/**
 * Fixes from a QA pass over real cassettes: numbering of tool-result links, why a file is
 * "not a cassette", binary/empty bodies, and the layout of a small (1024×700) window.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './helpers/test';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { fileRow, openFile, screen, trackConsoleErrors } from './helpers/viewer';

// A 4×4 orange PNG served as image/png, with an empty GET request body: a non-LLM interaction.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGP438AARwzEcQB+ohfxXaFgBQAAAABJRU5ErkJggg==';
const IMAGE_CASSETTE = `---
version: 2
interactions:
- id: 0
  request:
    proto: HTTP/1.1
    body: ""
    headers: {}
    url: https://example.com/cat.png
    method: GET
  response:
    proto: HTTP/1.1
    body: !!binary ${PNG}
    headers:
      Content-Type:
      - image/png
    status: 200 OK
    code: 200
    duration: 12ms
`;

async function open(served: Served, page: Page): Promise<string[]> {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await expect(page.getByTestId('library-list')).toBeVisible();
  return errors;
}

test.describe('QA polish', () => {
  let served: Served;
  let extra = '';
  test.beforeAll(async () => {
    extra = mkdtempSync(join(tmpdir(), 'tapedeck-e2e-'));
    writeFileSync(join(extra, 'image.yaml'), IMAGE_CASSETTE);
    const dir = tempCopy(join(fixturesDir, 'formats'), join(fixturesDir, 'viewer'), extra);
    served = await startServe([dir]);
  });
  test.afterAll(async () => {
    await served?.stop();
    if (extra) rmSync(extra, { recursive: true, force: true });
  });

  test('tool results name the call they answer, counted from 1, in interaction #N', async ({ page }) => {
    const errors = await open(served, page);
    await openFile(page, 'viewer/tool-calls-stream.yaml');
    await page.getByTestId('timeline-lane').nth(1).click();
    const links = page.getByTestId('tool-result-call');
    await expect(links).toHaveCount(2);
    await expect(links.first()).toHaveText(/^\S+ \(call 1 of 2\) in interaction #0$/);
    await expect(links.nth(1)).toContainText('(call 2 of 2) in interaction #0');
    // The help button lives in the tab bar while a cassette is open (it used to float over the bytes view).
    await expect(page.locator('.tabs [data-testid="help-button"]')).toBeVisible();
    await page.keyboard.press('?');
    await expect(page.getByTestId('numbering-note')).toContainText('#0, #1');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  test('files that are no HTTP cassette say why, in the sidebar and the replay tab', async ({ page }) => {
    const errors = await open(served, page);
    await page.getByTestId('library-search').fill('websocket');
    const row = fileRow(page, 'formats/websocket.yaml');
    await expect(row.getByTestId('badge-not-cassette')).toBeVisible();
    await expect(row.getByTestId('row-note')).toHaveText('WebSocket message log');
    await openFile(page, 'formats/websocket.yaml');
    await expect(page.getByTestId('replay-empty')).toContainText('WebSocket message log');
    await openFile(page, 'formats/empty.yaml');
    await expect(page.getByTestId('replay-empty')).toContainText('The file is empty');
    expect(errors).toEqual([]);
  });

  test('an image response is shown, an empty request body is said in words', async ({ page }) => {
    const errors = await open(served, page);
    await openFile(page, 'image.yaml');
    const img = page.getByTestId('body-image');
    await expect(img).toBeVisible();
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(4);
    await expect(page.getByTestId('response-body')).toContainText('bytes of image/png');
    await expect(page.getByTestId('request-body')).toHaveText('(empty body)');
    expect(errors).toEqual([]);
  });

  test('a 1024×700 window keeps the event list on screen and nothing sticks out', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.emulateMedia({ colorScheme: 'dark' });
    const errors = await open(served, page);
    await openFile(page, 'viewer/tool-calls-stream.yaml');
    await page.getByTestId('scrub-end').click();
    const events = page.getByTestId('event-list');
    await expect(events).toBeVisible();
    const box = (await events.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    // Nothing in the app extends past the right edge of the window.
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('#root *')]
        .filter((el) => !el.closest('.monaco-editor') && el.getBoundingClientRect().right > innerWidth + 1)
        .map((el) => `${el.tagName}.${el.className}`)
        .slice(0, 5),
    );
    expect(overflow).toEqual([]);
    await screen(page, 'small-window-dark');
    expect(errors).toEqual([]);
  });
});
