/**
 * Start-up of the browser app on the workspace bench's 2,000-file folder:
 * - app.first_row_ms: from spawning `tapedeck serve FOLDER` (fresh config dir, so an empty
 *   summary cache: a cold index) to the first library row visible in Chromium (Playwright; the
 *   browser is already running, as a user's would be). Baseline: spawning `node -e` to its
 *   first line on stdout, i.e. what starting any Node program costs here.
 * - app.serve_url_ms (informational): spawn to serve printing its URL.
 * Best of three each; the folder's files are in the OS page cache after the first.
 */
import { ensureCorpus } from './bench-folder';
import { round, type Report } from './report';
import { launchChromium, nodeStartMs, serve } from './serve';

export async function run(report: Report): Promise<void> {
  const dir = ensureCorpus();
  const browser = await launchChromium();
  let firstRow = Infinity;
  let urlMs = Infinity;
  let bare = Infinity;
  try {
    for (let r = 0; r < 3; r++) {
      bare = Math.min(bare, await nodeStartMs());
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const t0 = performance.now();
      const served = await serve(dir);
      try {
        await page.goto(served.url);
        await page.locator('[data-testid="library-file"]').first().waitFor({ state: 'visible', timeout: 120_000 });
        firstRow = Math.min(firstRow, performance.now() - t0);
        urlMs = Math.min(urlMs, served.urlMs);
      } finally {
        await served.stop();
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  report({ name: 'app.first_row_ms', value: round(firstRow), unit: 'ms', baseline: 'node -e start-and-print', baselineValue: round(bare) });
  report({ name: 'app.serve_url_ms', value: round(urlMs), unit: 'ms', baseline: 'node -e start-and-print', baselineValue: round(bare) });
}
