/**
 * The browser tab and a `tapedeck serve` that goes away: the banner says so, a save meanwhile
 * fails clearly and keeps the edit, and when serve comes back on the same port with the same
 * token the tab resyncs (files added/deleted meanwhile appear) without losing the selection or
 * the unsaved text. A restart with a new token ends the tab's session.
 *
 * It launches serve on a fixed free port with a fixed token (helpers/serve.ts launchServe, through
 * TAPEDECK_SERVE_TOKEN, a test-only variable read by serve-command.ts).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './helpers/test';
import { fixturesDir, launchServe, tempCopy, type Launched } from './helpers/serve';
import { editorFocused, fileRow, openFile, screen } from './helpers/viewer';

const FIXTURE = 'viewer/tool-calls-stream.yaml';
const RECONNECTING = 'Lost connection to tapedeck serve — reconnecting…';
const ENDED = "This tab's session ended (tapedeck serve was restarted). Open the URL it printed.";

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

const newToken = () => `e2e-conn-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`.padEnd(24, 'x');

/** serve on a fixed port and token, so a restart comes back on the same URL (or a new token ends the session). */
async function launch(dir: string, opts: { port: number; token: string; configDir: string }): Promise<Launched> {
  const s = await launchServe([dir], opts);
  expect(s.url).toBe(`http://127.0.0.1:${opts.port}/${opts.token}/`);
  return s;
}

let dir: string;
let configDir: string;
let running: Launched[];
let pageErrors: string[];

test.beforeEach(async ({ page }) => {
  dir = tempCopy(join(fixturesDir, 'viewer'));
  configDir = mkdtempSync(join(tmpdir(), 'tapedeck-cfg-'));
  running = [];
  // Uncaught exceptions only: while serve is down, Chromium rightly logs refused connections.
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
});
test.afterEach(async () => {
  for (const s of running) await s.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(configDir, { recursive: true, force: true });
  expect(pageErrors).toEqual([]);
});

async function start(port: number, token: string): Promise<Launched> {
  const s = await launch(dir, { port, token, configDir });
  running.push(s);
  return s;
}
async function stop(s: Launched): Promise<void> {
  running = running.filter((x) => x !== s);
  await s.stop();
}

/** Opens the Raw tab and types at the end of line 2 (as in editor.spec.ts). */
async function typeAtLine2(page: Page, text: string) {
  await page.getByTestId('tab-raw').click();
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
  await page.evaluate(() => (window as unknown as { __tapedeck: { getState(): { jumpToLine(l: number): void } } }).__tapedeck.getState().jumpToLine(2));
  await expect(page.getByTestId('raw-target-line')).toHaveAttribute('data-line', '2');
  await editorFocused(page);
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

test('serve stops: banner, a save fails and keeps the edit; serve is back: resync keeps selection and text', async ({ page }) => {
  copyFileSync(join(dir, FIXTURE), join(dir, 'viewer/doomed.yaml'));
  const port = await freePort();
  const token = newToken();
  const first = await start(port, token);
  await page.goto(first.url);
  await expect(page.getByTestId('library-list')).toBeVisible();
  await expect(fileRow(page, 'viewer/doomed.yaml')).toBeVisible();
  await openFile(page, FIXTURE);
  await typeAtLine2(page, ' # mine');
  await expect(page.getByTestId('tab-dirty')).toBeVisible();
  await expect(page.getByTestId('connection-banner')).toHaveCount(0);

  await stop(first);
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toHaveAttribute('data-state', 'reconnecting');
  await expect(banner).toContainText(RECONNECTING);
  await screen(page, 'connection-reconnecting');

  // A save while serve is down says why and keeps the unsaved text.
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('edit-notice')).toContainText('Save failed: Not connected to tapedeck serve');
  await expect(page.getByTestId('tab-dirty')).toBeVisible();

  // Meanwhile on disk: one file added, one deleted (the events for these are never sent).
  copyFileSync(join(dir, FIXTURE), join(dir, 'viewer/added-while-away.yaml'));
  unlinkSync(join(dir, 'viewer/doomed.yaml'));

  await start(port, token);
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  await expect(fileRow(page, 'viewer/added-while-away.yaml')).toBeVisible();
  await expect(fileRow(page, 'viewer/doomed.yaml')).toHaveCount(0);
  // Same file open, same unsaved text, no page reload.
  await expect(page.getByTestId('cassette-path')).toContainText('tool-calls-stream.yaml');
  await expect(page.getByTestId('tab-dirty')).toBeVisible();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('# mine');
  await screen(page, 'connection-resynced');

  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('edit-notice')).toHaveText('Saved');
  expect(readFileSync(join(dir, FIXTURE), 'utf8').split('\n')[1]).toBe('version: 2 # mine');
});

test('serve restarted with a new token: the tab says its session ended; the new URL works', async ({ page }) => {
  const port = await freePort();
  const first = await start(port, newToken());
  await page.goto(first.url);
  await expect(page.getByTestId('library-list')).toBeVisible();
  await openFile(page, FIXTURE);

  await stop(first);
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toHaveAttribute('data-state', 'reconnecting');
  const second = await start(port, newToken());
  await expect(banner).toHaveAttribute('data-state', 'ended', { timeout: 30_000 });
  await expect(banner).toContainText(ENDED);
  await screen(page, 'connection-ended');

  await page.goto(second.url);
  await expect(page.getByTestId('library-list')).toBeVisible();
  await expect(fileRow(page, FIXTURE)).toBeVisible();
  await expect(page.getByTestId('connection-banner')).toHaveCount(0);
});
