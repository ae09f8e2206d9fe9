/**
 * The strict CSP against a real `tapedeck serve` in Chromium: style elements need the per-load
 * nonce (no 'unsafe-inline' for them), yet Monaco, which creates its own <style> elements,
 * still renders with its token colours and without a single CSP violation.
 */
import { join } from 'node:path';
import { expect, test } from './helpers/test';
import { fixturesDir, startServe, tempCopy } from './helpers/serve';
import { openFile, screen } from './helpers/viewer';

test('Monaco renders in colour under the nonce CSP; a <style> without the nonce is refused', async ({ page }) => {
  const served = await startServe([tempCopy(join(fixturesDir, 'viewer'))]);
  try {
    const violations: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
    const response = await page.goto(served.url);
    const csp = response!.headers()['content-security-policy'];
    const nonce = /style-src-elem 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toMatch(/^[\w-]{20,}$/);
    expect(csp).not.toMatch(/style-src(-elem)? [^;]*unsafe-inline/);

    await openFile(page, 'tool-calls-stream.yaml');
    await page.getByTestId('tab-raw').click();
    const lines = page.locator('.monaco-editor .view-lines');
    await expect(lines).toBeVisible();
    await expect(lines).toContainText('interactions');
    // Token colours live in a <style> Monaco creates itself: without the nonce every token
    // would fall back to one colour. Monaco tokenizes after the first paint: poll for it.
    const colours = page.locator('.monaco-editor .view-line span span');
    await expect.poll(() => colours.evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size)).toBeGreaterThanOrEqual(3);
    const styleNonces = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.nonce));
    expect(styleNonces.length).toBeGreaterThan(0);
    expect(new Set(styleNonces)).toEqual(new Set([nonce]));
    await screen(page, 'csp-monaco-raw');
    expect(violations).toEqual([]);

    // Markup injected without the nonce (as an XSS would) is refused, and the refusal is seen
    // by the same console listener that saw none above.
    const applied = await page.evaluate(() => {
      document.head.insertAdjacentHTML('beforeend', '<style>body { background-color: rgb(255, 0, 1) !important }</style>');
      const wrong = document.createElement('style');
      wrong.nonce = 'not-the-nonce';
      wrong.textContent = 'body { color: rgb(255, 0, 2) !important }';
      document.head.append(wrong);
      const b = getComputedStyle(document.body);
      return [b.backgroundColor, b.color];
    });
    expect(applied).not.toContain('rgb(255, 0, 1)');
    expect(applied).not.toContain('rgb(255, 0, 2)');
    await expect.poll(() => violations.length).toBe(2);

    // Every load gets a fresh nonce, in the header and in the page alike.
    const again = await page.request.get(served.url);
    const nonce2 = /'nonce-([^']+)'/.exec(again.headers()['content-security-policy'])?.[1];
    expect(nonce2).not.toBe(nonce);
    expect(await again.text()).toContain(`<meta property="csp-nonce" nonce="${nonce2}">`);
  } finally {
    await served.stop();
  }
});
