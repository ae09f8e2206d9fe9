/** Replay: go to event N, jump keys, and links that reopen folder, file, interaction and event. */
import { join } from 'node:path';
import { expect, test } from './helpers/test';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { openFile, screen, trackConsoleErrors } from './helpers/viewer';

test.describe('go to and link to an event', () => {
  let served: Served;
  test.beforeAll(async () => {
    served = await startServe([tempCopy(join(fixturesDir, 'dialects'))]);
  });
  test.afterAll(async () => served?.stop());

  test('Ctrl+G goes to an event; T, R, F jump to tool starts, reasoning, finish', async ({ page }) => {
    const errors = trackConsoleErrors(page);
    await page.goto(served.url);
    await openFile(page, 'anthropic-server-tools-stream.yaml');
    const at = page.getByTestId('scrub-event');
    await page.getByTestId('scrub-slider').focus();
    await page.keyboard.press('Home');
    await expect(at).toHaveText('0');
    await page.keyboard.press('t');
    await expect(at).toHaveText('5'); // tool_use start web_search
    await page.keyboard.press('t');
    await expect(at).toHaveText('11'); // web_search_tool_result start
    await page.keyboard.press('Shift+T');
    await expect(at).toHaveText('5');
    await page.keyboard.press('f');
    await expect(at).toHaveText('30'); // finish end_turn
    await page.keyboard.press('e'); // no error event: the cursor stays
    await expect(at).toHaveText('30');

    await page.keyboard.press('Control+g');
    const input = page.getByTestId('goto-event-input');
    await expect(input).toBeFocused();
    await input.fill('32');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await input.fill('13');
    await screen(page, 'goto-event');
    await page.keyboard.press('Enter');
    await expect(at).toHaveText('13');
    await expect(input).toHaveCount(0);
    await expect(page.locator('[data-testid="event-row"].is-current [data-testid="event-note"]')).toHaveText('tool_use start web_fetch');

    // Reasoning, in a stream that has some; the help lists the jump keys.
    await openFile(page, 'anthropic-stream.yaml');
    await page.getByTestId('scrub-slider').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('r');
    await expect(at).toHaveText('3');
    await page.keyboard.press('?');
    await expect(page.getByText('Next tool-call start')).toBeVisible();
    await expect(page.getByText('Go to event N')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('Copy link reopens the same file, interaction and event on a fresh page', async ({ page, browser }) => {
    await page.goto(served.url);
    await openFile(page, 'openai-chat-stream.yaml');
    await page.getByTestId('scrub-slider').focus();
    await page.keyboard.press(']');
    await expect(page.locator('[data-testid="timeline-lane"].is-selected')).toContainText('#1');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('copy-link').click();
    const url = await page.getByTestId('copy-link-url').inputValue();
    expect(url.startsWith(served.url)).toBe(true);
    expect(url).toMatch(/#\/open\?folder=.+&file=dialects%2Fopenai-chat-stream\.yaml&i=1&e=2$/);
    await screen(page, 'copy-link');
    // The link to share: tapedeck://, for the desktop app, without this serve's token.
    await page.getByTestId('copy-app-link').click();
    const shared = await page.getByTestId('copy-link-url').inputValue();
    expect(shared).toMatch(/^tapedeck:\/\/open\?folder=.+&file=dialects%2Fopenai-chat-stream\.yaml&i=1&e=2$/);
    expect(shared).not.toContain(served.token);
    await screen(page, 'copy-app-link');

    // A new page loaded with the link (no state shared with the first one).
    const fresh = await (await browser.newContext()).newPage();
    const errors = trackConsoleErrors(fresh);
    await fresh.goto(url);
    await expect(fresh.getByTestId('cassette-path')).toContainText('openai-chat-stream.yaml');
    await expect(fresh.locator('[data-testid="timeline-lane"].is-selected')).toContainText('#1');
    await expect(fresh.getByTestId('scrub-event')).toHaveText('2');
    await expect(fresh.locator('[data-testid="event-row"].is-current [data-testid="event-note"]')).toHaveText('finish stop, usage in 160 · out 5, cost $0.0001085');

    // A hash change on the open page follows the new link; a link to a missing file says so.
    await fresh.evaluate(() => (window.location.hash = window.location.hash.replace('i=1&e=2', 'i=0&e=4')));
    await expect(fresh.getByTestId('scrub-event')).toHaveText('4');
    await expect(fresh.locator('[data-testid="timeline-lane"].is-selected')).toContainText('#0');
    await fresh.evaluate(() => (window.location.hash = window.location.hash.replace('openai-chat-stream.yaml', 'nope.yaml')));
    await expect(fresh.getByTestId('link-notice')).toContainText('nope.yaml');
    expect(errors).toEqual([]);
    // Left open, its page would keep retrying the stopped serve for the rest of the run.
    await fresh.context().close();
  });
});
