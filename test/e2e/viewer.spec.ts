import { existsSync, mkdirSync, rmSync, writeFileSync, readFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './helpers/test';
import { corpusDir, fixturesDir, samplesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { fileRow, openFile, screen, seekWithKeys, trackConsoleErrors } from './helpers/viewer';

const REFERENCE = join(
  corpusDir,
  'go-vcr/fantasy/_history/ad6c0291c3d423f8a531d2d4f7b5a7af0b3d8018/providertests/testdata/TestOpenRouterWithUniqueToolCallIDs/stream_unique_tool_call_ids.yaml',
);
const FIXTURE = 'viewer/tool-calls-stream.yaml';

async function open(served: Served, page: Page): Promise<string[]> {
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await expect(page.getByTestId('library-list')).toBeVisible();
  return errors;
}

test.describe('viewer on test fixtures', () => {
  let served: Served;
  let dir: string;
  test.beforeAll(async () => {
    dir = tempCopy(join(fixturesDir, 'formats'), join(fixturesDir, 'viewer'));
    served = await startServe([dir]);
  });
  test.afterAll(async () => served?.stop());

  test('journey 1: library with badges, totals, search, filters, keyboard, broken files', async ({ page }) => {
    const errors = await open(served, page);
    // Broken file (top of the first folder): its error inline in the sidebar.
    const broken = fileRow(page, 'formats/broken.yaml');
    await expect(broken.getByTestId('row-error')).toContainText('line 14');
    await expect(page.getByTestId('library-totals')).toContainText('cassettes');
    await expect(page.getByTestId('totals-reported')).toContainText('$');
    await screen(page, 'library');

    // The list is virtualised: narrow it to reach the fixture, then check its badges.
    await page.getByTestId('library-search').fill('tool-calls');
    const row = fileRow(page, FIXTURE);
    await expect(row).toBeVisible();
    await expect(row.getByTestId('badge-format')).toHaveText('go-vcr');
    await expect(row.getByTestId('badge-interactions')).toHaveText('2×');
    await expect(row.getByTestId('badge-streaming')).toBeVisible();
    await expect(row.getByTestId('badge-cost')).toContainText('$0.00015');
    await expect(page.getByTestId('totals-files')).toContainText('1 cassette (filtered)');

    // Search by model narrows the list; the hint says what the search covers.
    await page.getByTestId('library-search').fill('kimi');
    await expect(page.getByTestId('library-file')).toHaveCount(1);
    await expect(page.locator('#search-hint')).toContainText('body text');
    await page.getByTestId('library-search').fill('');
    await page.getByTestId('filter-streaming').click();
    await expect(fileRow(page, FIXTURE)).toBeVisible();
    await expect(fileRow(page, 'formats/broken.yaml')).toHaveCount(0);
    await page.getByTestId('filter-streaming').click();
    await page.getByTestId('filter-diagnostics').click();
    await expect(fileRow(page, 'formats/broken.yaml')).toBeVisible();
    await page.getByTestId('filter-diagnostics').click();

    // Keyboard: focus the tree, move down to a file, Enter opens it.
    await page.getByTestId('library-list').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cassette-path')).toBeVisible();

    // Ctrl+P quick open.
    await page.keyboard.press('Control+P');
    await page.getByTestId('quick-open-input').fill('toolcallsstream');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cassette-path')).toHaveText(FIXTURE);

    // Opening the broken file lands in the raw view at the failing line.
    await openFile(page, 'formats/broken.yaml');
    await expect(page.getByTestId('raw-view')).toBeVisible();
    await expect(page.getByTestId('raw-target-line')).toHaveAttribute('data-line', '14');
    await screen(page, 'broken-raw');
    expect(errors).toEqual([]);
  });

  test('journey 2: timeline, request transcript and stream scrubbing', async ({ page }) => {
    const errors = await open(served, page);
    await openFile(page, FIXTURE);
    await expect(page.getByTestId('timeline-lane')).toHaveCount(2);
    await expect(page.getByTestId('request-model')).toHaveText('moonshotai/kimi-k2-0905');
    await expect(page.getByTestId('transcript-message')).toHaveCount(2);
    await expect(page.getByTestId('declared-tools').locator('details')).toHaveCount(2);

    // 5th of 11 events: text done, `add` partial, no `multiply` yet.
    await seekWithKeys(page, 4);
    const assembled = page.getByTestId('assembled');
    await expect(page.getByTestId('assembled-text')).toContainText('multiplying <b>now</b>.');
    const add = assembled.locator('[data-testid="tool-call"][data-name="add"]');
    await expect(add.getByTestId('tool-call-args')).toHaveText('{"a": 2, ');
    await expect(add).toHaveAttribute('data-status', 'partial');
    await expect(assembled.locator('[data-testid="tool-call"][data-name="multiply"]')).toHaveCount(0);
    await expect(page.locator('[data-testid="event-row"].is-current')).toHaveAttribute('data-index', '4');
    await expect(page.getByTestId('event-bytes')).toContainText('"arguments":"{\\"a\\": 2, "');

    // End: both calls complete, finish reason and usage.
    await page.keyboard.press('End');
    await expect(page.getByTestId('scrub-event')).toHaveText('11');
    await expect(assembled.locator('[data-testid="tool-call"][data-status="complete"]')).toHaveCount(2);
    await expect(page.getByTestId('finish-reason')).toHaveText('tool_calls');
    await expect(page.getByTestId('usage-so-far')).toContainText('100/20/120');
    // Markdown is rendered once scrubbing settles, with the model's raw HTML escaped.
    await expect(page.locator('.prose strong')).toHaveText('and');
    await expect(page.locator('.prose b')).toHaveCount(0);
    await screen(page, 'replay');

    // Play from the start runs to the end.
    await page.getByTestId('scrub-speed').selectOption('8');
    await page.keyboard.press('Home');
    await page.getByTestId('scrub-play').click();
    await expect(page.getByTestId('scrub-event')).toHaveText('11', { timeout: 10_000 });
    await expect(page.getByTestId('scrub-play')).toHaveAttribute('aria-label', 'Play');

    // The second interaction's tool results link back to the calls.
    await page.getByTestId('timeline-lane').nth(1).click();
    await expect(page.getByTestId('tool-result-link')).toHaveCount(2);
    await expect(page.getByTestId('tool-result-link').first()).toContainText('interaction #0');
    await expect(page.getByTestId('assembled-text')).toContainText('2 + 3 = 5');
    await screen(page, 'replay-second');
    expect(errors).toEqual([]);
  });

  test('journey 3: usage and cost per interaction and for the cassette', async ({ page }) => {
    const errors = await open(served, page);
    await openFile(page, FIXTURE);
    await expect(page.getByTestId('cassette-cost').getByTestId('cost-reported')).toHaveText('$0.00015');
    await expect(page.getByTestId('interaction-cost').getByTestId('cost-reported')).toHaveText('$0.0001');
    const est = page.getByTestId('interaction-cost').getByTestId('cost-estimated-item');
    // Each part of the estimate; go-vcr records no date and this response has no Date header.
    await expect(est).toHaveAttribute('title', /^input: 100 × .*\n[^]*No recording date in the cassette: priced at today's prices \(\d{4}-\d\d-\d\d\)/);
    await expect(page.getByTestId('interaction-cost').getByTestId('cost-date')).toHaveText("(today's prices)");
    await expect(page.getByTestId('interaction-usage').getByTestId('usage-input')).toContainText('100');
    await page.getByTestId('timeline-lane').nth(1).click();
    await expect(page.getByTestId('interaction-cost').getByTestId('cost-reported')).toHaveText('$0.00005');
    await expect(page.getByTestId('assembled-text')).toBeVisible();
    await expect(page.getByTestId('finish-reason')).toHaveText('stop');
    await screen(page, 'usage');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screen(page, 'usage-dark');
    // Shortcut list.
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-overlay')).toContainText('Play / pause');
    await screen(page, 'shortcuts');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts-overlay')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('files created, changed and deleted on disk update the sidebar', async ({ page }) => {
    const errors = await open(served, page);
    await page.getByTestId('library-search').fill('live.yaml');
    await expect(page.getByTestId('library-empty')).toBeVisible();
    const src = readFileSync(join(fixturesDir, FIXTURE), 'utf8');
    const live = join(dir, 'viewer', 'live.yaml');
    writeFileSync(live, src);
    const row = fileRow(page, 'viewer/live.yaml');
    await expect(row.getByTestId('badge-interactions')).toHaveText('2×');
    // Drop the second interaction: the row updates.
    writeFileSync(live, src.slice(0, src.indexOf('- id: 1')));
    await expect(row.getByTestId('badge-interactions')).toHaveText('1×');
    rmSync(live);
    await expect(row).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('a re-recording on disk shows which interactions changed, in the sidebar and the timeline', async ({ page }) => {
    const errors = await open(served, page);
    const src = readFileSync(join(fixturesDir, FIXTURE), 'utf8');
    const file = join(dir, 'viewer', 'rerecorded.yaml');
    writeFileSync(file, src);
    const row = fileRow(page, 'viewer/rerecorded.yaml');
    await expect(row.getByTestId('badge-interactions')).toHaveText('2×');
    await expect(row.getByTestId('badge-rerecorded')).toHaveCount(0);
    // `go test -update` style: the same file rewritten, only interaction #1's answer differs.
    writeFileSync(file, src.replace('2 + 3 = **5**', '2 + 3 = **five**'));
    await expect(row.getByTestId('badge-rerecorded')).toHaveText('changed #1');
    await openFile(page, 'viewer/rerecorded.yaml');
    await expect(page.locator('[data-testid="timeline-lane"][data-changed="true"]')).toHaveAttribute('data-index', '1');
    await page.screenshot({ path: 'test-results/screens/rerecorded.png' });
    // Moving on to another file marks the news as seen.
    await openFile(page, FIXTURE);
    await expect(row.getByTestId('badge-rerecorded')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});

test.describe('viewer on the built-in samples', () => {
  let served: Served;
  test.beforeAll(async () => {
    served = await startServe([tempCopy(samplesDir)]);
  });
  test.afterAll(async () => served?.stop());

  test('every sample opens without errors and streams can be scrubbed', async ({ page }) => {
    const errors = await open(served, page);
    const rows = page.getByTestId('library-file');
    await expect(rows.first()).toBeVisible();
    const paths = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-path')!));
    for (const p of paths) {
      await openFile(page, p);
      await expect(page.getByTestId('main-error')).toHaveCount(0);
      if (await page.getByTestId('scrub-slider').count()) {
        await page.getByTestId('scrub-slider').focus();
        await page.keyboard.press('Home');
        await page.keyboard.press('End');
      }
    }
    await screen(page, 'samples');
    expect(errors).toEqual([]);
  });
});

test.describe('reference cassette acceptance', () => {
  let served: Served | undefined;
  test.beforeAll(async () => {
    if (!existsSync(REFERENCE)) return;
    const dir = mkdtempSync(join(tmpdir(), 'tapedeck-ref-'));
    mkdirSync(join(dir, 'ref'));
    copyFileSync(REFERENCE, join(dir, 'ref', 'stream_unique_tool_call_ids.yaml'));
    served = await startServe([dir]);
  });
  test.afterAll(async () => served?.stop());

  test('event 25 of 46 and the last event match the recording', async ({ page }) => {
    test.skip(!served, `reference cassette not found (${REFERENCE}): ../shared/corpus is absent`);
    const errors = await open(served!, page);
    await openFile(page, 'stream_unique_tool_call_ids.yaml');
    await expect(page.getByTestId('scrub-position')).toContainText('/ 46');
    await seekWithKeys(page, 24);
    await expect(page.getByTestId('assembled-text')).toHaveText("I'll perform both the addition and multiplication of 2 and 3 for you.");
    const calls = page.getByTestId('assembled').getByTestId('tool-call');
    await expect(calls).toHaveCount(1);
    await expect(calls.first()).toHaveAttribute('data-name', 'add');
    await expect(calls.first()).toHaveAttribute('data-status', 'partial');
    await expect(calls.first().getByTestId('tool-call-args')).toHaveText('{"a": 2, "');
    // The README's picture (docs/screens/replay.png): taken once the cursor has settled, when
    // the "Edit text" button that moving the cursor hides is back.
    await expect(page.getByTestId('text-edit-open')).toBeVisible();
    await screen(page, 'reference-event-25');

    await page.keyboard.press('End');
    await expect(calls).toHaveCount(2);
    for (const name of ['add', 'multiply']) {
      const c = page.locator(`[data-testid="tool-call"][data-name="${name}"]`);
      await expect(c).toHaveAttribute('data-status', 'complete');
      expect(JSON.parse((await c.getByTestId('tool-call-args').textContent())!)).toEqual({ a: 2, b: 3 });
    }
    await expect(page.getByTestId('finish-reason')).toHaveText('tool_calls');
    await expect(page.getByTestId('usage-so-far')).toContainText('154/56/210');
    await expect(page.getByTestId('interaction-cost').getByTestId('cost-reported')).toHaveText('$0.0002324');
    await expect(page.getByTestId('cassette-cost').getByTestId('cost-reported')).toHaveText('$0.0004564');
    await page.getByTestId('timeline-lane').nth(1).click();
    await expect(page.getByTestId('interaction-cost').getByTestId('cost-reported')).toHaveText('$0.000224');
    await screen(page, 'reference-end');
    expect(errors).toEqual([]);
  });
});
