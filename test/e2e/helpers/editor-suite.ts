/**
 * Setup shared by the editor specs: each test gets a fresh copy of a fixture folder, its own
 * `tapedeck serve`, the page on it with `openFirst` open, and fails on any console error
 * (a CSP violation from Monaco, a missing contribution) seen before serve stops.
 */
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './test';
import { fixturesDir, startServe, tempCopy, type Served } from './serve';
import { editorFocused, openFile, trackConsoleErrors } from './viewer';

export interface EditorSuite {
  /** The temp folder served (holds a copy of `folder`). */
  readonly dir: string;
  readonly served: Served;
}

export function editorSuite(folder: string, openFirst?: string): EditorSuite {
  const ctx = {} as { dir: string; served: Served; errors: string[] };
  test.beforeEach(async ({ page }) => {
    ctx.dir = tempCopy(join(fixturesDir, folder));
    ctx.served = await startServe([ctx.dir]);
    ctx.errors = trackConsoleErrors(page);
    await page.goto(ctx.served.url);
    await expect(page.getByTestId('library-list')).toBeVisible();
    if (openFirst) await openFile(page, openFirst);
  });
  test.afterEach(async () => {
    // Taken before the server stops: the page's event stream then fails to reconnect, rightly.
    const seen = [...(ctx.errors ?? [])];
    await ctx.served?.stop();
    expect(seen).toEqual([]);
  });
  return {
    get dir() {
      return ctx.dir;
    },
    get served() {
      return ctx.served;
    },
  };
}

/** Opens the Raw tab and waits for Monaco; puts the cursor at the end of `line`. */
export async function rawAtLineEnd(page: Page, line: number): Promise<void> {
  await page.getByTestId('tab-raw').click();
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
  await page.evaluate((l) => (window as unknown as { __tapedeck: { getState(): { jumpToLine(l: number): void } } }).__tapedeck.getState().jumpToLine(l), line);
  await expect(page.getByTestId('raw-target-line')).toHaveAttribute('data-line', String(line));
  await editorFocused(page);
  await page.keyboard.press('End');
}
