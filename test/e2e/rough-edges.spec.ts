/**
 * Issue #21's rough edges, each held by an assertion: reasoning pane, streaming Markdown,
 * panes at 1024×700, the diff editor's first change, Delete, the theme menu, ArrowDown from
 * the search box, and redo. (Compact folders: dashboard.spec.ts.)
 */
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './helpers/test';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { fileRow, openFile, screen, seekWithKeys, trackConsoleErrors } from './helpers/viewer';

let served: Served;
test.beforeAll(async () => {
  served = await startServe([tempCopy(join(fixturesDir, 'rough-edges'), join(fixturesDir, 'viewer'), join(fixturesDir, 'formats'))]);
});
test.afterAll(async () => served?.stop());

const STREAM = 'rough-edges/reasoning-markdown-stream.yaml';
type Store = { getState(): { editor: { history: { present: string } }; setText(t: string, label?: string): void } };
const store = (page: Page) => page.evaluate(() => (window as unknown as { __tapedeck: Store }).__tapedeck.getState().editor.history.present);

test('the reasoning pane follows the scrubber and stays open while the cursor leaves and comes back', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await openFile(page, STREAM);
  const pane = page.getByTestId('assembled-reasoning');
  const text = page.getByTestId('reasoning-text');
  await seekWithKeys(page, 4); // three thinking deltas in
  await expect(pane).not.toHaveAttribute('open');
  await pane.locator('summary').click();
  await expect(text).toContainText('Step 3:');
  await expect(text).not.toContainText('Step 4:');
  // Before the reasoning began the pane is gone; back in it, it is open again.
  await seekWithKeys(page, 0);
  await expect(pane).toHaveCount(0);
  await seekWithKeys(page, 31);
  await expect(pane).toHaveAttribute('open', '');
  await expect(text).toContainText('Step 30:');
  // It shows the newest reasoning: scrolled to its end, the last step inside the visible box.
  await expect.poll(() => text.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(2);
  expect(await text.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await screen(page, 'rough-reasoning');
  expect(errors).toEqual([]);
});

test('streamed Markdown renders block by block: an unclosed fence is code, finished blocks are never rebuilt, no switch to plain text', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await openFile(page, STREAM);
  const text = page.getByTestId('assembled-text');
  await seekWithKeys(page, 37); // "```python\ndef add(a, b):\n": the fence is still open
  await expect(text.locator('pre code')).toContainText('def add(a, b):');
  await expect(text.locator('strong')).toHaveText('fix');
  // Play from the first text event to the end, sampling every frame: always Markdown, and the
  // first block (marked here) the same DOM node throughout.
  await seekWithKeys(page, 35);
  await expect(text.locator('strong')).toHaveText('fix');
  await text.locator('.md-block').first().evaluate((el) => el.setAttribute('data-kept', 'yes'));
  const sample = page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const seen = new Set<string>();
        const t0 = performance.now();
        const tick = () => {
          const el = document.querySelector('[data-testid="assembled-text"]');
          const first = el?.querySelector('.md-block');
          seen.add(`${el?.tagName}.${el?.className}|kept=${first?.getAttribute('data-kept')}`);
          if (performance.now() - t0 < 4000 && document.querySelector('[data-testid="scrub-event"]')?.textContent !== '45') requestAnimationFrame(tick);
          else resolve([...seen]);
        };
        tick();
      }),
  );
  await page.getByTestId('scrub-play').click();
  expect(await sample).toEqual(['DIV.prose|kept=yes']);
  await expect(page.getByTestId('scrub-event')).toHaveText('45');
  await expect(text.locator('pre code')).toHaveText('def add(a, b):\n    return a + b\n');
  await expect(text).toContainText('It adds two numbers.');
  expect(await text.locator('.md-block').first().getAttribute('data-kept')).toBe('yes');
  await screen(page, 'rough-markdown');
  expect(errors).toEqual([]);
});

test('at 1024×700 the panes sit side by side without overlapping', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(served.url);
  await openFile(page, 'viewer/tool-calls-stream.yaml');
  const box = async (id: string) => (await page.getByTestId(id).boundingBox())!;
  const boxes = Object.fromEntries(await Promise.all(['library', 'timeline', 'request-panel', 'response-panel'].map(async (id) => [id, await box(id)] as const)));
  const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const ids = Object.keys(boxes);
  for (let i = 0; i < ids.length; i++) {
    const b = boxes[ids[i]];
    expect(b.x + b.width, ids[i]).toBeLessThanOrEqual(1024.5);
    for (let j = i + 1; j < ids.length; j++) expect(overlap(b, boxes[ids[j]]), `${ids[i]} × ${ids[j]}`).toBeLessThan(1);
  }
  // Inside the response: the assembled text and the event list, and the actions row wraps whole chips.
  await page.getByTestId('scrub-end').click();
  expect(overlap(await box('assembled'), await box('event-list'))).toBeLessThan(1);
  for (const chip of await page.locator('.interaction-actions .chip').all()) {
    const h = (await chip.boundingBox())!.height;
    expect(h, await chip.innerText()).toBeLessThan(24); // one line, never a label broken over two
  }
  await screen(page, 'rough-1024');
});

test('the diff editor opens at the first change, far down the file', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(served.url);
  await openFile(page, 'viewer/tool-calls-stream.yaml');
  const text = await store(page);
  expect(text.split('\n').findIndex((l) => l.includes('duration: 640ms'))).toBeGreaterThan(60);
  await page.evaluate((t) => (window as unknown as { __tapedeck: Store }).__tapedeck.getState().setText(t.replace('duration: 640ms', 'duration: 705ms'), 'test'), text);
  await page.getByTestId('edit-compare').click();
  const modified = page.getByTestId('diff-view').locator('.editor.modified');
  // Monaco draws only the lines in view: the changed line is drawn, the first lines are not.
  await expect(modified).toContainText('duration: 705ms');
  await expect(modified).not.toContainText('version: 2');
  await screen(page, 'rough-diff-first-change');
});

test('Delete names the interaction it deletes and is undone and redone like any edit; the redo bar stays while redo is possible', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await openFile(page, 'viewer/tool-calls-stream.yaml');
  const lanes = page.getByTestId('timeline-lane');
  await expect(lanes).toHaveCount(2);
  await lanes.nth(1).click();
  const del = page.getByTestId('interaction-delete');
  await expect(del).toHaveText('Delete #1');
  await expect(del).toHaveAttribute('title', /^Delete interaction #1 \(POST openrouter\.ai\/api\/v1\/chat\/completions\) from the cassette: .*Ctrl\+Z undoes it$/);
  await del.click();
  await expect(lanes).toHaveCount(1);
  await expect(page.getByTestId('edit-notice')).toContainText('Delete interaction #1 — unsaved (Ctrl+Z undoes)');
  await page.locator('body').click({ position: { x: 700, y: 5 } }); // keys to the page, not a field
  await page.keyboard.press('Control+Z');
  await expect(lanes).toHaveCount(2);
  // Back at the saved text: nothing to save, but Redo must stay in reach.
  await expect(page.getByTestId('dirty-flag')).toHaveCount(0);
  await expect(page.getByTestId('edit-redo')).toBeEnabled();
  await page.keyboard.press('Control+Shift+Z');
  await expect(lanes).toHaveCount(1);
  await page.keyboard.press('Control+Z');
  await expect(lanes).toHaveCount(2);
  await page.keyboard.press('Control+Y');
  await expect(lanes).toHaveCount(1);
  await expect(page.getByTestId('edit-redo')).toBeDisabled();
  await screen(page, 'rough-delete-redo');
  expect(errors).toEqual([]);
});

test('the theme menu switches system, light and dark, and a reload keeps the choice (Monaco too)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(served.url);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const theme = page.getByTestId('theme-select');
  await expect(theme).toHaveValue('system');
  expect(await bg()).toBe('rgb(255, 255, 255)');
  await theme.selectOption('dark');
  await expect.poll(bg).toBe('rgb(21, 24, 30)');
  await page.reload();
  await expect(theme).toHaveValue('dark');
  expect(await bg()).toBe('rgb(21, 24, 30)'); // before any interaction: no light flash to wait out
  await openFile(page, 'viewer/tool-calls-stream.yaml');
  await page.getByTestId('tab-raw').click();
  await expect(page.locator('.monaco-editor.vs-dark')).toBeVisible();
  await screen(page, 'rough-theme-dark');
  await theme.selectOption('light');
  await expect(page.locator('.monaco-editor.vs')).toBeVisible();
  // System follows the OS again.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await bg()).toBe('rgb(255, 255, 255)');
  await theme.selectOption('system');
  await expect.poll(bg).toBe('rgb(21, 24, 30)');
  await page.reload();
  await expect(theme).toHaveValue('system');
});

test('ArrowDown from the search box moves into the file list, onto its first row', async ({ page }) => {
  await page.goto(served.url);
  const search = page.getByTestId('library-search');
  await search.fill('crlf');
  await expect(page.getByTestId('library-file')).toHaveCount(1);
  await expect(page.getByTestId('search-hit')).toHaveCount(0); // no text hit to go to first
  await search.press('ArrowDown');
  await expect(page.getByTestId('library-list')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // from the folder row onto the file
  await expect(fileRow(page, 'formats/crlf.yaml')).toHaveClass(/is-focused/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cassette-path')).toContainText('crlf.yaml');
});
