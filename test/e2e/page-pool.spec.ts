/**
 * The page pool of helpers/test.ts: a test that leaves its page dirty (typed-in input with an
 * unload prompt, dark scheme, small viewport, a route, a listener) hands the next test the
 * same page back on about:blank with nothing of that left. Serial, so both run in one worker,
 * in order; the mark on the Page object proves the second got the first one's page.
 */
import { expect, test } from './helpers/test';

test.describe.configure({ mode: 'serial' });

const marked = new WeakSet<object>();
let heard = 0;

test('a test leaves its page dirty', async ({ page }) => {
  marked.add(page);
  await page.route('**/never', (r) => r.abort());
  page.on('console', () => heard++);
  await page.setContent('<input id="a">');
  await page.click('#a');
  await page.keyboard.type('unsaved');
  await page.evaluate(() => (window.onbeforeunload = (e) => e.preventDefault()));
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 500, height: 400 });
});

test('the next test gets the same page back, clean', async ({ page }) => {
  expect(marked.has(page)).toBe(true);
  expect(page.url()).toBe('about:blank');
  expect(page.viewportSize()).toEqual({ width: 1400, height: 900 });
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(false);
  await page.evaluate(() => console.log('not for the last test'));
  expect(heard).toBe(0);
  expect(page.context().pages()).toEqual([page]);
});
