/**
 * The Monaco features Tapedeck loads on purpose (monaco-setup.ts lists them instead of
 * `register.all`): find/replace, go to line, the command palette, comment toggling, marker
 * navigation and hover, and the diff editor's revert arrows. Each check goes through the
 * keyboard or mouse and ends in the store's text, so a missing contribution fails here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Locator, type Page } from '@playwright/test';
import { expect, test } from './helpers/test';
import { editorSuite, rawAtLineEnd } from './helpers/editor-suite';
import { editorFocused, screen } from './helpers/viewer';

const FIXTURE = 'viewer/tool-calls-stream.yaml';

const suite = editorSuite('viewer', FIXTURE);

interface Problemish {
  line?: number;
  message: string;
}
interface StoreView {
  jumpToLine(l: number): void;
  editor: { history: { present: string }; findings: Problemish[] };
  doc: { status: string; cassette?: { diagnostics: Problemish[] } };
}
type Win = { __tapedeck: { getState(): StoreView } };

/** The editor's text as the store holds it (what a save would write). */
const storeText = (page: Page) => page.evaluate(() => (window as unknown as Win).__tapedeck.getState().editor.history.present);
const lineOf = async (page: Page, n: number) => (await storeText(page)).split('\n')[n - 1];
const count = (s: string, sub: string) => s.split(sub).length - 1;

/** First lines of the parse and lint messages the store has for `line` (markers show these). */
const messagesAt = (page: Page, line: number) =>
  page.evaluate((l) => {
    const s = (window as unknown as Win).__tapedeck.getState();
    const diags = s.doc.status === 'ready' ? (s.doc.cassette?.diagnostics ?? []) : [];
    return [...diags, ...s.editor.findings].filter((p) => p.line === l).map((p) => p.message.split('\n')[0].trim());
  }, line);

/** Types after the end of the line the cursor is on; the store shows where the cursor was. */
async function markCursorLine(page: Page, mark: string) {
  await page.keyboard.press('End');
  await page.keyboard.type(mark);
}

test('Ctrl+F finds a string and the editor selects the match', async ({ page }) => {
  await rawAtLineEnd(page, 2);
  await page.keyboard.press('Control+F');
  const widget = page.locator('.monaco-editor .find-widget');
  await expect(widget).toHaveClass(/\bvisible\b/);
  const find = widget.getByRole('textbox', { name: 'Find', exact: true });
  await expect(find).toBeFocused();
  await find.fill('Use both tools.');
  // The system prompt is in both requests of the fixture.
  await expect(widget.locator('.matchesCount')).toHaveText(/ of 2$/);
  await page.keyboard.press('Enter');
  await expect(widget.locator('.matchesCount')).toHaveText(/^[12] of 2$/);
  await screen(page, 'editor-features-find');
  // Escape closes the widget and leaves the match selected: typing replaces exactly it.
  await page.keyboard.press('Escape');
  await expect(widget).not.toHaveClass(/\bvisible\b/);
  await page.keyboard.type('X');
  await expect.poll(async () => count(await storeText(page), 'Use both tools.')).toBe(1);
  expect(await storeText(page)).toContain('"content":"X"');
});

test('Ctrl+H replaces every match', async ({ page }) => {
  await rawAtLineEnd(page, 2);
  await page.keyboard.press('Control+H');
  const widget = page.locator('.monaco-editor .find-widget');
  await expect(widget).toHaveClass(/\bvisible\b/);
  await widget.getByRole('textbox', { name: 'Find', exact: true }).fill('Use both tools.');
  await widget.getByRole('textbox', { name: 'Replace', exact: true }).fill('Use the tools.');
  await expect(widget.locator('.matchesCount')).toHaveText(/ of 2$/);
  await widget.getByRole('button', { name: /^Replace All/ }).click();
  await expect.poll(async () => count(await storeText(page), 'Use the tools.')).toBe(2);
  expect(await storeText(page)).not.toContain('Use both tools.');
  await expect(page.getByTestId('tab-dirty')).toBeVisible();
  await screen(page, 'editor-features-replace');
});

test('Ctrl+G goes to a line', async ({ page }) => {
  await rawAtLineEnd(page, 2);
  await page.keyboard.press('Control+G');
  await expect(page.locator('.quick-input-widget')).toBeVisible();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(page.locator('.quick-input-widget')).toBeHidden();
  await markCursorLine(page, ' # at-five');
  await expect.poll(() => lineOf(page, 5)).toBe('  request: # at-five');
});

test('F1 opens the command palette; "Go to Line" from it goes to a line', async ({ page }) => {
  await rawAtLineEnd(page, 2);
  await page.keyboard.press('F1');
  const quick = page.locator('.quick-input-widget');
  await expect(quick).toBeVisible();
  await page.keyboard.type('Go to Line');
  const row = quick.locator('.monaco-list-row', { hasText: 'Go to Line/Column' }).first();
  await expect(row).toBeVisible();
  await screen(page, 'editor-features-palette');
  await row.click();
  // The command switches the palette to line mode (":").
  await expect(quick.locator('.quick-input-box input')).toHaveValue(':');
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await expect(quick).toBeHidden();
  await markCursorLine(page, ' # at-seven');
  await expect.poll(() => lineOf(page, 7)).toBe('    proto_major: 1 # at-seven');
});

/**
 * Presses `key` until line `n` reads `want`. Under CI load Chromium sometimes drops the first
 * chord sent right after the editor takes focus (twice in this project's runs, never reproduced alone). A missing
 * contribution still fails: no number of presses comments the line then. The key is pressed
 * again only when the line has not changed, so a toggle is never undone.
 */
async function pressUntilLine(page: Page, key: string, n: number, from: string, want: string) {
  await expect(async () => {
    if ((await lineOf(page, n)) === from) await page.keyboard.press(key);
    await expect.poll(() => lineOf(page, n), { timeout: 2_000 }).toBe(want);
  }).toPass({ timeout: 15_000 });
}

test('Ctrl+/ toggles a YAML comment on the line', async ({ page }) => {
  await rawAtLineEnd(page, 2);
  await pressUntilLine(page, 'Control+/', 2, 'version: 2', '# version: 2');
  await expect(page.getByTestId('tab-dirty')).toBeVisible();
  await pressUntilLine(page, 'Control+/', 2, '# version: 2', 'version: 2');
});

test('F8 jumps to the marker of a broken line; hovering it shows the message', async ({ page }) => {
  await rawAtLineEnd(page, 2);
  await page.keyboard.press('Enter');
  await page.keyboard.type('foo: bar: baz');
  await expect.poll(() => lineOf(page, 3)).toBe('foo: bar: baz');
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  await expect(squiggle).toBeVisible();
  // The text is re-parsed after typing stops: compare with the messages of the settled text.
  const showsMessage = async (el: Locator) => {
    const shown = (await el.textContent()) ?? '';
    const msgs = await messagesAt(page, 3);
    return msgs.length > 0 && msgs.some((m) => shown.includes(m));
  };

  // From the end of line 2 the next marker is the broken line's. Right after typing, Monaco may
  // still hold the markers of the text before it (the re-parse and re-lint answer a moment
  // later), and F8 then opens a stale marker whose widget never updates: close it, go back to
  // line 2 and press again until the widget shows a message of the settled text.
  const markerWidget = page.locator('.monaco-editor .marker-widget');
  await expect(async () => {
    await page.keyboard.press('Escape');
    await page.evaluate(() => (window as unknown as Win).__tapedeck.getState().jumpToLine(2));
    await expect(page.getByTestId('raw-target-line')).toHaveAttribute('data-line', '2');
    await editorFocused(page);
    await page.keyboard.press('End');
    await page.keyboard.press('F8');
    await expect(markerWidget).toBeVisible({ timeout: 3_000 });
    await expect.poll(() => showsMessage(markerWidget.locator('.message').first()), { timeout: 3_000 }).toBe(true);
  }).toPass({ timeout: 30_000 });
  await screen(page, 'editor-features-f8');
  await page.keyboard.press('Escape');
  await expect(markerWidget).toBeHidden();
  await markCursorLine(page, ' #f8');
  await expect.poll(() => lineOf(page, 3)).toBe('foo: bar: baz #f8');

  // The squiggle sits under the text layer, so hover by coordinates, not by element. The
  // edit above re-parses the text and Monaco re-renders its decorations a moment later: the
  // squiggle found a moment ago may be gone (boundingBox null) or moved, so measure and hover
  // again until the hover shows.
  const hover = page.locator('.monaco-editor .monaco-hover').filter({ visible: true }).first();
  await expect(async () => {
    const box = await squiggle.boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.move(0, 0);
    await page.mouse.move(box!.x + Math.min(12, box!.width / 2), box!.y + box!.height / 2, { steps: 4 });
    await expect(hover).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect.poll(() => showsMessage(hover)).toBe(true);
  await screen(page, 'editor-features-hover');
});

test('the diff view shows disk and mine, with revert arrows that take the disk\'s hunk', async ({ page }) => {
  await rawAtLineEnd(page, 2);
  await page.keyboard.type(' # mine');
  await expect(page.getByTestId('tab-dirty')).toBeVisible();
  const path = join(suite.dir, FIXTURE);
  writeFileSync(path, readFileSync(path, 'utf8').replace('Use both tools.', 'Use the tools, re-recorded.'));
  await expect(page.getByTestId('conflict-banner')).toBeVisible();
  await page.getByTestId('conflict-compare').click();
  const diff = page.getByTestId('diff-view');
  await expect(diff.locator('.editor.original')).toContainText('re-recorded');
  await expect(diff.locator('.editor.modified')).toContainText('# mine');
  // The arrows between the panes are the hunk toolbar (diffEditor contribution); one per hunk.
  // (A diff narrower than 900 px goes inline and draws a discard icon instead of the arrow.)
  const arrows = diff.locator('.gutterItem :is(.codicon-arrow-right, .codicon-discard)');
  await expect(arrows.first()).toBeAttached();
  const before = await arrows.count();
  await screen(page, 'editor-features-diff');
  await arrows.first().hover();
  await arrows.first().click();
  await expect(arrows).toHaveCount(before - 1);
  // Whichever hunk it was, my side now holds the disk's text for it.
  await expect.poll(async () => {
    const t = await storeText(page);
    return !t.includes('# mine') || t.includes('re-recorded');
  }).toBe(true);
});
