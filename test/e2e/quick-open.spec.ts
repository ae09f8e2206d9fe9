/**
 * Focus races with the lazy editor: opening a broken file jumps to its first error in the Raw
 * tab, and Monaco arrives a moment later. If the user has meanwhile opened quick open
 * (Ctrl+P) and is typing, the editor must not take the focus (Enter would then go into the
 * cassette instead of opening the file).
 */
import { expect, test } from './helpers/test';
import { samplesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { openFile, trackConsoleErrors } from './helpers/viewer';

let served: Served;
test.beforeAll(async () => {
  served = await startServe([tempCopy(samplesDir)]);
});
test.afterAll(async () => served?.stop());

test('Monaco arriving late does not steal focus from quick open', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  // Hold the editor chunk back (as a slow or busy machine does) until quick open is in use.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/monaco-setup-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(served.url);
  await expect(page.getByTestId('library-file').first()).toBeVisible();
  await openFile(page, 'go-vcr/broken.yaml');
  await expect(page.getByTestId('raw-view')).toBeVisible();

  await page.keyboard.press('Control+P');
  const input = page.getByTestId('quick-open-input');
  await input.fill('gemini-sse');
  release();
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
  await expect(input).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cassette-path')).toContainText('gemini-sse.yml');
  expect(errors).toEqual([]);
});
