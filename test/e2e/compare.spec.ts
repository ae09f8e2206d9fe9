/**
 * The Compare tab against a real `tapedeck serve` on a real git repository made here: a
 * committed cassette re-recorded with a changed tool argument and new ids/dates compares with
 * HEAD showing the argument and not the ids (until asked); the raw text diff opens at the first
 * change; "Compare with…" takes another file or one interaction; and the re-recorded marks
 * link to the comparison, with the kept text of the open file or else HEAD.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './helpers/test';
import { seriousViolations } from './helpers/axe';
import { fixturesDir, startServe, type Served } from './helpers/serve';
import { fileRow, openFile, trackConsoleErrors } from './helpers/viewer';

let served: Served;
let dir: string;
const base = readFileSync(join(fixturesDir, 'diff/go-vcr-base.yaml'), 'utf8');
const other = readFileSync(join(fixturesDir, 'diff/vcrpy-base.yaml'), 'utf8');

/** `go test -update`: the same calls, one tool argument changed, and new ids, dates, request ids. */
const rerecorded = base
  .replaceAll('{\\"city\\":\\"Paris\\"}', '{\\"city\\":\\"Lyon\\"}')
  .replaceAll('chatcmpl-A1', 'chatcmpl-R7').replaceAll('chatcmpl-A2', 'chatcmpl-R8')
  .replaceAll('req_aaa', 'req_r7r7').replaceAll('req_bbb', 'req_r8r8')
  .replaceAll('Mon, 03 Mar 2025 10:00:0', 'Tue, 04 Mar 2025 09:30:0')
  .replaceAll('"created":174100000', '"created":174108060')
  .replace('duration: 1.2s', 'duration: 1.4s');

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tapedeck-e2e-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 'T');
  mkdirSync(join(dir, 'cassettes'));
  writeFileSync(join(dir, 'cassettes/weather.yaml'), base);
  writeFileSync(join(dir, 'cassettes/bonjour.yaml'), other);
  git('add', '.');
  git('commit', '-qm', 'record');
  writeFileSync(join(dir, 'cassettes/weather.yaml'), rerecorded);
  served = await startServe([dir]);
});
test.afterAll(async () => served?.stop());

async function openApp(page: Page): Promise<string[]> {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await expect(page.getByTestId('library-file').first()).toBeVisible();
  return errors;
}

async function compareWithHead(page: Page) {
  await page.getByTestId('compare-menu').locator('summary').click();
  const head = page.getByTestId('compare-head');
  await expect(head).toBeEnabled();
  await expect(head).toContainText(/HEAD \([0-9a-f]{7}\)/);
  await head.click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
}

/** axe-core (WCAG 2.x A/AA) on the Compare tab: serious or critical violations, none expected. */
const a11y = (page: Page) => seriousViolations(page, '[data-testid="main"]');

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png` });

test('Compare with HEAD shows the changed tool argument, not the new ids, in light and dark, with no axe violations', async ({ page }) => {
  const errors = await openApp(page);
  await openFile(page, 'cassettes/weather.yaml');
  await compareWithHead(page);
  await expect(page.getByTestId('cmp-side-a')).toContainText('HEAD (');
  await expect(page.getByTestId('cmp-side-b')).toContainText('on disk now');
  const list = page.getByTestId('cmp-list');
  await expect(page.getByTestId('cmp-summary')).toContainText('2 changed');
  // #0's answer: the call's argument; #1's request: the same call in the history it sends.
  const arg = list.locator('[data-field="toolCalls[0].arguments $.city"]');
  await expect(arg).toHaveCount(1);
  await expect(arg.locator('.cmp-a')).toHaveText('"Paris"');
  await expect(arg.locator('.cmp-b')).toHaveText('"Lyon"');
  await expect(list.locator('[data-field="messages[1].toolCalls[0].arguments $.city"] .cmp-b')).toHaveText('"Lyon"');
  for (const volatile of ['req_r7r7', 'chatcmpl-R7', '04 Mar 2025']) await expect(list).not.toContainText(volatile);
  const shape = list.getByTestId('cmp-shape').first();
  await expect(shape.locator('.cmp-a')).toHaveText('4 events · 1.20 s');
  await expect(shape.locator('.cmp-b')).toHaveText('4 events · 1.40 s');
  await page.setViewportSize({ width: 1280, height: 760 });
  // The README's picture (docs/screens/diff-view.png) is copied from here after a look.
  await shot(page, 'diff-view');
  expect(await a11y(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'compare-dark');
  expect(await a11y(page)).toEqual([]);
  await page.setViewportSize({ width: 1024, height: 700 });
  await shot(page, 'compare-1024-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, 'compare-1024-light');
  expect(errors).toEqual([]);
});

// Apart from the pictures and axe scans above, so each test stays well inside its time on a busy CI machine.
test('Compare with HEAD: volatile fields on request, and the raw text diff at the first change', async ({ page }) => {
  const errors = await openApp(page);
  await openFile(page, 'cassettes/weather.yaml');
  await compareWithHead(page);
  const list = page.getByTestId('cmp-list');
  await expect(page.getByTestId('cmp-summary')).toContainText('2 changed');

  // Volatile fields on request: information, never a change.
  await page.getByTestId('cmp-volatile').click();
  await expect(list).toContainText('req_r7r7');
  await expect(list.locator('[data-field="response x-request-id"]').first()).toContainText('req_aaa');
  await expect(page.getByTestId('cmp-summary')).toContainText('2 changed');
  await shot(page, 'compare-volatile');
  await page.getByTestId('cmp-volatile').click();
  await expect(list).not.toContainText('req_r7r7');

  // The raw text diff, scrolled to the first change.
  await page.getByTestId('cmp-raw-toggle').click();
  await expect(page.getByTestId('cmp-raw')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('.cmp-raw .modified-in-monaco-diff-editor .lines-content > .view-lines')).toContainText('Lyon');
  await expect(page.locator('.cmp-raw .original-in-monaco-diff-editor .lines-content > .view-lines')).toContainText('Paris');
  await shot(page, 'compare-raw');
  await page.getByTestId('cmp-raw-toggle').click();
  await expect(page.getByTestId('cmp-list')).toBeVisible();
  expect(errors).toEqual([]);
});

test('Compare with… another cassette, or one interaction of each', async ({ page }) => {
  const errors = await openApp(page);
  await openFile(page, 'cassettes/weather.yaml');
  await page.getByTestId('compare-menu').locator('summary').click();
  await page.getByTestId('compare-with').click();
  await page.getByTestId('compare-picker-input').fill('bonjour');
  await expect(page.getByTestId('compare-picker-item').first()).toContainText('cassettes/bonjour.yaml');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cmp-side-b')).toContainText('cassettes/bonjour.yaml');
  // Different endpoints: nothing pairs, so each side's calls show as removed and added.
  await expect(page.getByTestId('cmp-summary')).toContainText('1 added, 2 removed');
  await expect(page.locator('[data-testid="cmp-pair"][data-status="added"]')).toContainText('Bonjour !');

  // Two interactions of the same file, chosen with the keyboard.
  await page.getByTestId('compare-menu').locator('summary').click();
  await page.getByTestId('compare-with').click();
  await page.getByTestId('compare-picker-input').fill('weather');
  await page.getByTestId('compare-one').check();
  await page.getByTestId('compare-mine').selectOption('1');
  await page.getByTestId('compare-theirs').selectOption('0');
  await page.getByTestId('compare-picker-input').press('Enter');
  await expect(page.getByTestId('cmp-side-b')).toContainText('this file');
  const pairs = page.getByTestId('cmp-pair');
  await expect(pairs).toHaveCount(1);
  await expect(pairs.first()).toContainText('#1 → #0');
  await expect(pairs.first().locator('[data-field="text"]')).toContainText('sunny');
  await page.keyboard.press('Escape'); // nothing open: harmless
  await page.getByTestId('cmp-close').click();
  await expect(page.getByTestId('compare-view')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the re-recorded marks link to the comparison: the kept text of the open file, else HEAD', async ({ page }) => {
  const errors = await openApp(page);
  await openFile(page, 'cassettes/weather.yaml');
  await expect(page.getByTestId('timeline-lane')).toHaveCount(2);
  // Re-recorded while open: only #1's answer changes.
  writeFileSync(join(dir, 'cassettes/weather.yaml'), rerecorded.replace('and sunny', 'and cloudy'));
  const mark = page.getByTestId('lane-changed');
  await expect(mark).toHaveCount(1);
  await expect(page.getByTestId('rerecorded-banner')).toContainText('#1 changed');
  await mark.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cmp-side-a')).toContainText('before the re-recording');
  await expect(page.getByTestId('cmp-summary')).toContainText('1 changed');
  const focused = page.locator('.cmp-pair.is-focused');
  await expect(focused).toHaveAttribute('data-b', '1');
  await expect(focused.locator('[data-field="text"] del')).toHaveText('sunny');
  await expect(focused.locator('[data-field="text"] ins')).toHaveText('cloudy');
  await shot(page, 'compare-rerecorded');

  // A file re-recorded while another is open: its text was not kept, so the badge compares with HEAD.
  writeFileSync(join(dir, 'cassettes/bonjour.yaml'), other.replace('Bonjour !', 'Bonjour, le monde !').replace('msg_01AAA', 'msg_01ZZZ'));
  const badge = fileRow(page, 'cassettes/bonjour.yaml').getByTestId('badge-rerecorded');
  await expect(badge).toHaveText('changed #0');
  await badge.click();
  await expect(page.getByTestId('cassette-path')).toContainText('bonjour.yaml');
  await expect(page.getByTestId('cmp-side-a')).toContainText('HEAD (');
  await expect(page.locator('.cmp-note')).toContainText('compares with HEAD');
  await expect(page.locator('.cmp-pair.is-focused [data-field="text"] ins')).toHaveText(', le monde');
  await expect(page.getByTestId('cmp-list')).not.toContainText('msg_01ZZZ');
  expect(errors).toEqual([]);
});
