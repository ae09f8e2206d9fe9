/**
 * The axe helper (helpers/axe.ts) finds what it should: a page with known WCAG failures comes
 * back with them, a region scan sees only its region, and a second scan of the same document
 * (axe already injected) still reports. Without this, an a11y spec that prints "0 violations"
 * could be a helper that scans nothing.
 */
import { expect, test } from './helpers/test';
import { axeScan, seriousViolations } from './helpers/axe';

const PAGE = `<!doctype html><html lang="en"><title>t</title><body>
  <main id="bad"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button></main>
  <section id="good"><p>Readable text</p><button>Named</button></section></body></html>`;

test('known violations are found, per region and on a second scan', async ({ page }) => {
  await page.setContent(PAGE);
  expect((await seriousViolations(page, null)).sort()).toEqual(['button-name #bad > button', 'image-alt img']);
  expect(await seriousViolations(page, '#good')).toEqual([]);
  expect(await seriousViolations(page, '#bad')).toHaveLength(2);
  // Only violations come with every node; a passed rule carries one sample node at most.
  const res = await axeScan(page, '#good');
  expect(res.passes.length).toBeGreaterThan(0);
  expect(Math.max(...res.passes.map((p) => p.nodes.length))).toBe(1);
});

test('a page with a frame is refused rather than half scanned', async ({ page }) => {
  await page.setContent('<iframe srcdoc="<img src=x>"></iframe>');
  await expect(axeScan(page, null)).rejects.toThrow(/1 frame/);
});
