/**
 * axe-core scan (WCAG 2.x A/AA rules) of the four main views, in the light and the dark theme:
 * the library sidebar, the folder dashboard, the Replay tab of a streamed cassette and the Raw
 * tab's editor. No serious or critical violation may remain; the count per view is printed so
 * a run shows what the scan looked at.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { openFile, screen, seekWithKeys, trackConsoleErrors } from './helpers/viewer';

let served: Served;
test.beforeAll(async () => {
  served = await startServe([tempCopy(join(fixturesDir, 'search'), join(fixturesDir, 'viewer'), join(fixturesDir, 'export'))]);
});
test.afterAll(async () => served?.stop());

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function scan(page: Page, view: string, include: string): Promise<string[]> {
  const res = await new AxeBuilder({ page }).withTags(TAGS).include(include).analyze();
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(`a11y ${view}: ${res.violations.length} violation(s), ${bad.length} serious or critical`);
  for (const v of res.violations) console.log(`  [${v.impact}] ${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
  return bad.flatMap((v) => v.nodes.map((n) => `${view}: ${v.id} ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`library, dashboard, replay and editor have no serious violations (${scheme})`, async ({ page }) => {
    const errors = trackConsoleErrors(page);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(served.url);
    await expect(page.getByTestId('library-list')).toBeVisible();
    await expect(page.getByTestId('folder-dashboard')).toBeVisible();
    const found: string[] = [];
    found.push(...(await scan(page, `library (${scheme})`, '[data-testid="library"]')));
    found.push(...(await scan(page, `dashboard (${scheme})`, '[data-testid="main"]')));

    await openFile(page, 'viewer/tool-calls-stream.yaml');
    await seekWithKeys(page, 3);
    found.push(...(await scan(page, `replay (${scheme})`, '[data-testid="app"]')));
    await screen(page, `a11y-replay-${scheme}`);

    await page.getByTestId('tab-raw').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
    found.push(...(await scan(page, `editor (${scheme})`, '[data-testid="app"]')));
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });
}
