/**
 * The Match tab ("Which interaction replays?") on a cassette of two requests that differ only
 * in `temperature`: the default matching, the chosen matchers, near misses with their diff,
 * picking a result in the timeline, and errors in pasted text, at 1024×700 in both themes.
 */
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './helpers/test';
import { seriousViolations } from './helpers/axe';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { openFile, screen, trackConsoleErrors } from './helpers/viewer';

let served: Served;
test.beforeAll(async () => {
  served = await startServe([tempCopy(join(fixturesDir, 'match-panel'))]);
});
test.afterAll(async () => served?.stop());

/** Serious or critical WCAG 2.x A/AA violations in the Match tab (as a11y-scan.spec.ts checks the other views). */
const a11yProblems = (page: Page) => seriousViolations(page, '[data-testid="cassette-view"]');

const CURL = `curl 'https://api.openai.com/v1/chat/completions?api-version=2024-06-01' \\
  -H 'Content-Type: application/json' \\
  -H 'User-Agent: OpenAI/Python 1.51.0' \\
  -d '{"model": "gpt-4o-mini", "temperature": 0.7, "messages": [{"role": "user", "content": "Name a colour."}]}'`;

test('a pasted request: which interaction replays by default and with the body matched, the near misses, and a pick in the timeline', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(served.url);
  await openFile(page, 'colour-twins.yaml');
  await page.keyboard.press('4');
  await expect(page.getByTestId('match-form')).toBeVisible();
  await expect(page.getByTestId('match-waiting')).toBeVisible();
  // The cassette is vcrpy's, so vcrpy and its default match_on are preselected.
  await expect(page.getByTestId('match-recorder')).toHaveValue('vcrpy');
  await expect(page.getByTestId('match-on-body')).not.toBeChecked();

  await page.getByTestId('match-input').fill(CURL);
  // vcrpy's default (method, scheme, host, port, path, query) cannot tell the two apart.
  const byDefault = page.getByTestId('match-default');
  await expect(byDefault).toHaveAttribute('data-chosen', '0');
  await expect(byDefault.getByTestId('match-also').getByTestId('match-pick')).toHaveAttribute('data-index', '1');

  // Matching the body too: neither is the request, both near misses, differing in temperature.
  await page.getByTestId('match-on-body').check();
  const chosen = page.getByTestId('match-chosen');
  await expect(chosen).toHaveAttribute('data-chosen', 'none');
  await expect(chosen.getByTestId('near-miss')).toHaveCount(2);
  const first = chosen.getByTestId('near-miss').first();
  await expect(first).toContainText('fails');
  await expect(first.locator('.badge')).toHaveText(['body']);
  await expect(first.locator('[data-field="body"]')).toContainText('$.temperature');
  await expect(first.locator('[data-field="body"] .diff-new')).toHaveText('0.7');
  // The User-Agent differs too, but vcrpy's chosen matchers do not read headers: dimmed, not a reason.
  await expect(first.locator('[data-field="headers"]')).toHaveClass(/is-ignored/);
  await expect(first.locator('[data-field="headers"]')).toContainText('not compared');
  await screen(page, 'match-panel-light');
  expect(await a11yProblems(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screen(page, 'match-panel-dark');
  expect(await a11yProblems(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // A result is a button that selects its interaction in the timeline above.
  await chosen.locator('[data-testid="near-miss"][data-index="1"] [data-testid="match-pick"]').click();
  await expect(page.locator('[data-testid="timeline-lane"][data-index="1"]')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-testid="timeline-lane"][data-index="0"]')).toHaveAttribute('aria-selected', 'false');

  // Temperature 1 is interaction #1's request: the chosen matchers now replay it.
  await page.getByTestId('match-input').fill(CURL.replace('0.7', '1'));
  await expect(chosen).toHaveAttribute('data-chosen', '1');
  await expect(byDefault).toHaveAttribute('data-chosen', '0');

  // go-vcr's v4 default compares every header and the body bytes: the User-Agent alone fails it.
  await page.getByTestId('match-recorder').selectOption('go-vcr');
  await expect(page.getByTestId('match-default')).toHaveAttribute('data-chosen', 'none');
  await expect(page.getByTestId('match-default').locator('[data-testid="near-miss"][data-index="1"] .badge')).toHaveText(['headers']);
  await page.getByTestId('match-on-v3').click();
  await expect(page.getByTestId('match-chosen')).toHaveAttribute('data-chosen', '0');
  expect(errors).toEqual([]);
});

test('pasted text that is no request says what is wrong and where', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(served.url);
  await openFile(page, 'colour-twins.yaml');
  await page.getByTestId('tab-match').click();
  const input = page.getByTestId('match-input');
  const error = page.getByTestId('match-error');

  await input.fill('{\n  "method": "POST",\n  "url": "https://api.openai.com/v1/chat/completions",\n  "body": {"temperature": 0,}\n}');
  await expect(error).toContainText('request JSON: expected a double-quoted property name but found "}" at line 4, column 29');
  // The line itself, with a caret under the column.
  await expect(error.locator('pre')).toHaveJSProperty('textContent', '  "body": {"temperature": 0,}\n' + ' '.repeat(28) + '^');
  await expect(page.getByTestId('match-waiting')).toContainText('Fix the pasted request');
  await screen(page, 'match-panel-error');
  expect(await a11yProblems(page)).toEqual([]);

  await input.fill(`curl https://api.openai.com/v1/chat/completions \\\n  -d '{"temperature": 0}`);
  await expect(error).toContainText('curl command: unterminated single quote at line 2, column 6');
  await input.fill('POST /v1/chat/completions HTTP/1.1');
  await expect(error).toContainText('expected a curl command or a JSON request');
  await expect(error).toContainText('the text starts with "POST /v1/chat/completions HTTP/1.1"');
  await input.fill('{"method": "POST"}');
  await expect(error).toHaveText('request JSON needs a "url" string');

  // Starting from the selected interaction gives a request that replays it.
  await page.getByTestId('match-from-selected').click();
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('match-default')).toHaveAttribute('data-chosen', '0');
  expect(errors).toEqual([]);
});
