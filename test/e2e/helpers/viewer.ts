/** Page helpers for the viewer journeys. */
import { expect, type Page } from '@playwright/test';

export function trackConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** A sidebar row; the list is virtualised, so narrow it with the search box first if needed. */
export const fileRow = (page: Page, relPathEnd: string) =>
  page.locator(`[data-testid="library-file"][data-path$="${relPathEnd}"]`);

/** Opens a file through quick open (Ctrl+P): works however far down the virtual list it is. */
export async function openFile(page: Page, relPathEnd: string): Promise<void> {
  // Right after a (re)load the shortcut handler may not be listening yet: press again until
  // quick open shows (Ctrl+P only ever opens it, so a second press is harmless).
  await expect(async () => {
    await page.keyboard.press('Control+P');
    await expect(page.getByTestId('quick-open-input')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByTestId('quick-open-input').fill(relPathEnd);
  await expect(page.getByTestId('quick-open-item').first()).toContainText(relPathEnd);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cassette-path')).toContainText(relPathEnd.split('/').pop()!);
}

/** Puts the scrubber on event index k (0-based) through the keyboard: Home, then → k+1 times. */
export async function seekWithKeys(page: Page, k: number): Promise<void> {
  await page.getByTestId('scrub-slider').focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('scrub-event')).toHaveText('0');
  const tens = Math.floor((k + 1) / 10);
  for (let i = 0; i < tens; i++) await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < (k + 1) % 10; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('scrub-event')).toHaveText(String(k + 1));
}

export const screen = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png` });

/**
 * After a jump to a line: the editor takes focus and places the cursor once Monaco has
 * rendered (an effect after the store update), so keys sent before that would go elsewhere.
 */
export async function editorFocused(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(true);
}
