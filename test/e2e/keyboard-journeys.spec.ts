/**
 * The three journeys by keyboard alone, against `tapedeck serve`: find and open a cassette
 * (file filter, the tree, full-text search, quick open), scrub a stream, edit and save. No
 * mouse: only Tab, arrows, Enter, Escape and the app's shortcuts. After each step the test
 * checks where focus landed and that it is visible (`:focus-visible` with an outline or ring).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Locator, type Page } from '@playwright/test';
import { expect, test } from './helpers/test';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { screen, trackConsoleErrors } from './helpers/viewer';

const FILE = 'viewer/tool-calls-stream.yaml';
let served: Served;
let dir: string;
let errors: string[];

test.beforeEach(async ({ page }) => {
  dir = tempCopy(join(fixturesDir, 'viewer'), join(fixturesDir, 'search'));
  served = await startServe([dir]);
  errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await expect(page.getByTestId('library-list')).toBeVisible();
  await expect(page.getByTestId('library-search')).toBeEnabled();
});
test.afterEach(async () => {
  const seen = [...errors];
  await served?.stop();
  expect(seen).toEqual([]);
});

/** Focus is on `el` and drawn: the browser's :focus-visible, with an outline or a focus ring. */
async function expectVisibleFocus(el: Locator): Promise<void> {
  await expect(el).toBeFocused();
  const f = await el.evaluate((node) => {
    const s = getComputedStyle(node);
    return { fv: node.matches(':focus-visible'), outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, ring: s.boxShadow !== 'none' };
  });
  expect(f.fv).toBe(true);
  expect(f.outline || f.ring).toBe(true);
}

/** Presses Tab until `el` has focus (at most `max` presses), as a keyboard user would. */
async function tabTo(page: Page, el: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await el.evaluate((n) => n === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(el).toBeFocused();
}

/** The tree row the list's focus (aria-activedescendant) is on. */
const activeRow = (page: Page) =>
  page.evaluate(() => {
    const list = document.querySelector('[data-testid="library-list"]');
    const id = list?.getAttribute('aria-activedescendant');
    const row = id ? document.getElementById(id) : null;
    if (!row) return null;
    const r = row.getBoundingClientRect();
    const l = list!.getBoundingClientRect();
    return { path: row.getAttribute('data-path'), focused: row.classList.contains('is-focused'), inView: r.top >= l.top && r.bottom <= l.bottom + 1 };
  });

test('journey 1: find a cassette by its name, in the tree, by its text and by quick open', async ({ page }) => {
  const search = page.getByTestId('library-search');
  const list = page.getByTestId('library-list');
  // The first Tab stop is the library search.
  await page.keyboard.press('Tab');
  await expectVisibleFocus(search);
  await page.keyboard.type('tool-calls');
  await expect(page.getByTestId('library-file')).toHaveCount(1);
  // ArrowDown moves into the tree; arrows walk its rows (folder, then the file); Enter opens.
  await page.keyboard.press('ArrowDown');
  await expectVisibleFocus(list);
  for (let i = 0; i < 4 && (await activeRow(page))?.path !== FILE; i++) await page.keyboard.press('ArrowDown');
  expect(await activeRow(page)).toEqual({ path: FILE, focused: true, inView: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cassette-path')).toHaveText(FILE);
  await expect(list).toBeFocused(); // still in the tree, ready for the next file

  // Escape clears the filter; "/" comes back to the search from anywhere.
  await page.keyboard.press('/');
  await expectVisibleFocus(search);
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await page.keyboard.press('/');
  // Full text: a word only inside a streamed answer of an unopened file.
  await page.keyboard.type('ouagadougou');
  const hit = page.getByTestId('search-hit').first();
  await expect(hit).toContainText('#1 answer · event 4');
  await expect(page.getByTestId('search-summary')).toHaveText('1 match in 1 file');
  await page.keyboard.press('ArrowDown');
  await expectVisibleFocus(hit);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cassette-path')).toHaveText('search/stream-tool.yaml');
  await expect(page.getByTestId('scrub-event')).toHaveText('4');
  await screen(page, 'keyboard-search-hit');

  // Quick open: Ctrl+P, type, arrows, Enter; Escape would close it.
  await page.keyboard.press('Control+P');
  const qo = page.getByTestId('quick-open-input');
  await expectVisibleFocus(qo);
  await page.keyboard.type('tool-calls');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('quick-open')).toHaveCount(0);
  await expect(page.getByTestId('cassette-path')).toHaveText(FILE);
});

test('journey 2: scrub a stream with the keys, with the position read out', async ({ page }) => {
  await page.keyboard.press('Control+P');
  await page.keyboard.type('tool-calls');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cassette-path')).toHaveText(FILE);
  const event = page.getByTestId('scrub-event');
  const live = page.getByTestId('scrub-live');

  // Tab reaches the scrubber's slider; its arrows step, Shift+arrows jump ten, Home/End.
  const slider = page.getByTestId('scrub-slider');
  await tabTo(page, slider);
  await expectVisibleFocus(slider);
  await page.keyboard.press('Home');
  await expect(event).toHaveText('0');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(event).toHaveText('2');
  await expect(live).toHaveText('Event 2 of 11');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(event).toHaveText('11');
  await page.keyboard.press('Home');
  await expect(live).toHaveText('Event 0 of 11');
  await expect(slider).toHaveAttribute('aria-valuetext', 'event 0 of 11');

  // Jumps: T to the next tool-call start, Ctrl+G to an event by number.
  await page.keyboard.press('t');
  await expect(event).toHaveText('4');
  await page.keyboard.press('t');
  await expect(event).toHaveText('7');
  await page.keyboard.press('Control+G');
  const go = page.getByTestId('goto-event-input');
  await expectVisibleFocus(go);
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await expect(event).toHaveText('9');
  await expect(live).toHaveText('Event 9 of 11');
  await expect(page.getByTestId('event-row').and(page.locator('.is-current'))).toHaveAttribute('data-index', '8');

  // Space plays to the end (the live region stays quiet while playing), End/Home still work.
  await page.keyboard.press('Home');
  await page.keyboard.press('.'); // faster
  await page.keyboard.press('.');
  await page.keyboard.press('.');
  await page.keyboard.press('Space');
  await expect(event).toHaveText('11', { timeout: 20_000 });
  await expect(live).toHaveText('Event 11 of 11');

  // ] moves to the next interaction. The timeline is one Tab stop, its selected lane; the
  // arrows walk the lanes and select as they go.
  await page.keyboard.press(']');
  const lanes = page.getByTestId('timeline-lane');
  await expect(lanes.nth(1)).toHaveAttribute('aria-selected', 'true');
  await tabTo(page, lanes.nth(1));
  await expectVisibleFocus(lanes.nth(1));
  await expect(lanes.first()).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('ArrowUp');
  const lane0 = lanes.first();
  await expectVisibleFocus(lane0);
  await expect(lane0).toHaveAttribute('aria-selected', 'true');
  await screen(page, 'keyboard-scrub');

  // "?" opens the shortcuts with focus in the dialog; Escape gives it back to the lane.
  await page.keyboard.press('?');
  await expectVisibleFocus(page.getByTestId('shortcuts-dialog'));
  await page.keyboard.press('Tab'); // stays in the modal
  await expect(page.getByTestId('shortcuts-dialog')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-overlay')).toHaveCount(0);
  await expectVisibleFocus(lane0);
});

test('journey 3: edit a message, undo and redo, save, all from the keyboard', async ({ page }) => {
  await page.keyboard.press('Control+P');
  await page.keyboard.type('tool-calls');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cassette-path')).toHaveText(FILE);

  // The user message's Edit button; Enter opens the form with its field focused.
  const edit = page.getByTestId('message-edit-open').nth(1);
  await expect(edit).toHaveAccessibleName('Edit user message');
  await tabTo(page, edit);
  await expectVisibleFocus(edit);
  await page.keyboard.press('Enter');
  const field = page.getByTestId('message-edit-input');
  await expectVisibleFocus(field);
  await expect(field).toHaveAccessibleName('user message');
  // Escape cancels and gives focus back to the button.
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expectVisibleFocus(edit);

  await page.keyboard.press('Enter');
  await expect(field).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Add and multiply 4 and 5');
  await page.keyboard.press('Control+Enter');
  await expect(field).toHaveCount(0);
  await expectVisibleFocus(page.getByTestId('message-edit-open').nth(1));
  await expect(page.getByTestId('dirty-flag')).toBeVisible();
  await expect(page.getByTestId('edit-live')).toContainText('unsaved');
  await expect(page.getByTestId('transcript-message').nth(1)).toContainText('Add and multiply 4 and 5');

  // Undo and redo from where focus is.
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('transcript-message').nth(1)).toContainText('Add and multiply 2 and 3');
  await page.keyboard.press('Control+Y');
  await expect(page.getByTestId('transcript-message').nth(1)).toContainText('Add and multiply 4 and 5');
  await screen(page, 'keyboard-edit');

  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('edit-live')).toHaveText('Saved');
  await expect(page.getByTestId('dirty-flag')).toHaveCount(0);
  const saved = readFileSync(join(dir, FILE), 'utf8');
  expect(saved).toContain('{"role":"user","content":"Add and multiply 4 and 5"}');
  expect(saved.split('\n').length).toBe(readFileSync(join(fixturesDir, FILE), 'utf8').split('\n').length);
});

test('journey 3, in the Raw tab: type in the editor, save, and leave it again', async ({ page }) => {
  await page.keyboard.press('Control+P');
  await page.keyboard.type('tool-calls');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cassette-path')).toHaveText(FILE);
  await page.keyboard.press('2');
  await expect(page.getByTestId('tab-raw')).toHaveAttribute('aria-selected', 'true');
  const editor = page.locator('.monaco-editor [aria-label^="Editor content"]');
  await expect(editor).toHaveCount(1);
  // The editor is a Tab stop after the tabs (Monaco draws its own cursor and focus border).
  await tabTo(page, editor);
  await expect(page.locator('.monaco-editor.focused')).toHaveCount(1);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('# checked by keyboard');
  await expect(page.getByTestId('tab-dirty')).toBeVisible();
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('edit-live')).toHaveText('Saved');
  expect(readFileSync(join(dir, FILE), 'utf8').trimEnd().endsWith('# checked by keyboard')).toBe(true);
  // Tab types a tab in the editor; Ctrl+M (Monaco's tab focus mode) lets Shift+Tab leave it.
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('.monaco-editor.focused')).toHaveCount(0);
  await expectVisibleFocus(page.locator(':focus'));
});
