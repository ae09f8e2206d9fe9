/**
 * The `test` every spec uses: Playwright's, with one page per worker that tests take in turn.
 *
 * Why: the suite is CPU-bound on a 2-core machine, and a fresh context per test costs far more
 * than the test itself. Measured over 10 tests that each start serve and load the app: 58
 * CPU-s with a context per test, 33 with one page navigated from test to test (a new renderer
 * process starts V8 and Blink cold and compiles the app from nothing; a warm one does not).
 *
 * Each test still starts from nothing of its own: its serve has a new port, so a new origin
 * with empty storage; the page is on about:blank, with the spec's viewport, the light
 * scheme, no routes, no listeners left by the test before, no permissions and no cookies.
 * A test that failed (its page may be anywhere) or that set `keepPage: false` (it used an API
 * that cannot be undone, such as addInitScript) leaves its page closed, and the next gets a
 * new one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';

export { expect } from '@playwright/test';

/** Events a test may listen to; their listeners go with the test. */
const TEST_EVENTS = ['console', 'pageerror', 'dialog', 'download', 'popup', 'request', 'response', 'requestfailed'] as const;

interface PagePool {
  take(): Promise<Page>;
  /** Resets the page for the next test, or closes it when it cannot be trusted. */
  give(page: Page, reusable: boolean): Promise<void>;
  /** Closes the worker's context (end of the worker). */
  close(): Promise<void>;
}

export const test = base.extend<{ keepPage: boolean }, { pagePool: PagePool }>({
  keepPage: [true, { option: true }],
  pagePool: [
    async ({ browser }, use) => {
      const pool = newPool(browser);
      await use(pool);
      await pool.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ pagePool, keepPage, viewport }, use, testInfo) => {
    const page = await pagePool.take();
    // The config's viewport, or a spec's `test.use({ viewport })`: set on every take, so a
    // size one test chose never reaches the next.
    if (viewport) await page.setViewportSize(viewport);
    await use(page);
    const passed = testInfo.status === testInfo.expectedStatus;
    if (!passed) await saveSnapshot(page, testInfo);
    await pagePool.give(page, keepPage && passed);
  },
});

/**
 * What was on screen when a test failed, as an ARIA snapshot in the test's output folder
 * (page-snapshot.md; npm test prints it, since CI keeps only the log). Playwright writes one
 * into error-context.md only for pages of its own `page` fixture, which this one replaces.
 */
async function saveSnapshot(page: Page, testInfo: TestInfo): Promise<void> {
  let text: string;
  try {
    text = await page.locator('body').ariaSnapshot({ timeout: 5_000 });
  } catch (e) {
    text = `(no snapshot: ${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  }
  mkdirSync(testInfo.outputDir, { recursive: true });
  writeFileSync(join(testInfo.outputDir, 'page-snapshot.md'), `# Page snapshot (${page.url()})\n\n\`\`\`yaml\n${text}\n\`\`\`\n`);
}

function newPool(browser: Browser): PagePool {
  let context: BrowserContext | null = null;
  let idle: Page | null = null;
  const close = async () => {
    const c = context;
    context = null;
    idle = null;
    await c?.close();
  };
  return {
    async take() {
      if (idle) {
        const p = idle;
        idle = null;
        return p;
      }
      await close();
      context = await browser.newContext();
      return context.newPage();
    },
    async give(page, reusable) {
      if (!reusable || !context) return close();
      try {
        for (const e of TEST_EVENTS) page.removeAllListeners(e);
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        // The app asks before leaving unsaved edits; the test is over, so nothing is kept.
        await page.evaluate(() => (window.onbeforeunload = null));
        await page.goto('about:blank');
        await page.emulateMedia({ colorScheme: 'light', media: null, reducedMotion: null, forcedColors: null });
        await context.clearPermissions();
        await context.clearCookies();
        if (context.pages().length !== 1) throw new Error('the test left other pages open');
        idle = page;
      } catch {
        await close();
      }
    },
    close,
  };
}
