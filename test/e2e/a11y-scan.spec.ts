/**
 * axe-core scan (WCAG 2.0–2.2 A and AA rules) of the main views in the light and the dark
 * theme: the library sidebar (also with full-text hits, and quick open), the folder dashboard,
 * the Replay tab of a streamed cassette (also with its edit forms open, and the shortcuts
 * overlay), and the Raw tab's editor with the Problems tab. No serious or critical violation
 * may remain; each scan prints its counts, so a run shows what was looked at.
 */
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './helpers/test';
import { axeScan } from './helpers/axe';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { openFile, screen, seekWithKeys, trackConsoleErrors } from './helpers/viewer';

let served: Served;
test.beforeAll(async () => {
  served = await startServe([tempCopy(join(fixturesDir, 'search'), join(fixturesDir, 'viewer'), join(fixturesDir, 'export'))]);
});
test.afterAll(async () => served?.stop());

// A scan of the whole app (Monaco included) takes several seconds, and many times that on a
// loaded 2-core machine running two workers: these tests get room beyond the default minute.
test.describe.configure({ timeout: 240_000 });

const FILE = 'viewer/tool-calls-stream.yaml';

/** Scans `include` and returns its serious and critical findings, one line per element. */
async function scan(page: Page, view: string, include: string | null): Promise<string[]> {
  const res = await axeScan(page, include);
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(`a11y ${view}: ${res.violations.length} violation(s), ${bad.length} serious or critical (${res.passes.length} rules passed)`);
  for (const v of res.violations) console.log(`  [${v.impact}] ${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
  return bad.flatMap((v) => v.nodes.map((n) => `${view}: ${v.id} ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`));
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    let errors: string[];
    test.beforeEach(async ({ page }) => {
      errors = trackConsoleErrors(page);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(served.url);
      await expect(page.getByTestId('library-list')).toBeVisible();
      await expect(page.getByTestId('library-search')).toBeEnabled();
    });
    test.afterEach(() => expect(errors).toEqual([]));

    test('library, its search hits and quick open', async ({ page }) => {
      const found = await scan(page, `library (${scheme})`, '[data-testid="library"]');
      await page.getByTestId('library-search').fill('ouagadougou');
      await expect(page.getByTestId('search-hit')).toHaveCount(1);
      found.push(...(await scan(page, `library search (${scheme})`, '[data-testid="library"]')));
      await page.getByTestId('library-search').fill('');
      await page.keyboard.press('Control+P');
      await expect(page.getByTestId('quick-open-input')).toBeFocused();
      found.push(...(await scan(page, `quick open (${scheme})`, '[data-testid="quick-open"]')));
      expect(found).toEqual([]);
    });

    test('dashboard, and the whole page (its language, title)', async ({ page }) => {
      await expect(page.getByTestId('folder-dashboard')).toBeVisible();
      const found = await scan(page, `dashboard (${scheme})`, '[data-testid="main"]');
      found.push(...(await scan(page, `whole page (${scheme})`, null)));
      expect(found).toEqual([]);
    });

    test('replay, its edit forms and the shortcuts overlay', async ({ page }) => {
      await openFile(page, FILE);
      await seekWithKeys(page, 3);
      const found = await scan(page, `replay (${scheme})`, '[data-testid="app"]');
      await screen(page, `a11y-replay-${scheme}`);
      await page.getByTestId('message-edit-open').nth(1).click();
      await page.getByTestId('tool-call-edit-open').first().click();
      found.push(...(await scan(page, `replay editing (${scheme})`, '[data-testid="app"]')));
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      await expect(page.getByTestId('shortcuts-dialog')).toBeFocused();
      found.push(...(await scan(page, `shortcuts (${scheme})`, '[data-testid="app"]')));
      expect(found).toEqual([]);
    });

    test('editor and problems', async ({ page }) => {
      await openFile(page, FILE);
      await page.keyboard.press('2');
      await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
      const found = await scan(page, `editor (${scheme})`, '[data-testid="app"]');
      await page.keyboard.press('3');
      await expect(page.getByTestId('tab-problems')).toHaveAttribute('aria-selected', 'true');
      found.push(...(await scan(page, `problems (${scheme})`, '[data-testid="app"]')));
      expect(found).toEqual([]);
    });
  });
}
