/**
 * Copy and export like DevTools: cURL (masked unless asked), message JSON, HAR downloads from
 * the response header's menu, and `tapedeck export --har` run as the real CLI.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './helpers/test';
import { fixturesDir, repoRoot, startServe, tempCopy, type Served } from './helpers/serve';
import { openFile, screen, trackConsoleErrors } from './helpers/viewer';

const run = promisify(execFile);
const cli = join(repoRoot, 'app/bin/tapedeck.mjs');
const fixture = join(fixturesDir, 'export/openai-keyed.yaml');

let served: Served;
test.beforeAll(async () => {
  served = await startServe([tempCopy(join(fixturesDir, 'export'))]);
});
test.afterAll(async () => served?.stop());

test('copy as cURL, message JSON and HAR downloads from the interaction menu, in both themes', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
  const errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await openFile(page, 'openai-keyed.yaml');
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await page.getByTestId('export-menu').locator('summary').click();
  await expect(page.getByTestId('export-curl')).toBeVisible();
  await screen(page, 'export-menu-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screen(page, 'export-menu-dark');
  await page.getByTestId('export-curl').click();
  await expect(page.getByTestId('export-status')).toHaveText('Copied cURL (secrets masked)');
  const masked = await clipboard();
  expect(masked).toContain("-H 'Authorization: Bearer REDACTED'");
  expect(masked).not.toContain('sk-proj-');
  await expect(page.getByTestId('export-curl')).toBeHidden(); // the menu closes after an action

  await page.getByTestId('export-menu').locator('summary').click();
  await page.getByTestId('export-curl-secrets').click();
  await expect.poll(clipboard).toContain('Bearer sk-proj-abcdefghij0123456789ABCDEFGHIJ');

  await page.getByTestId('export-menu').locator('summary').click();
  await page.getByTestId('export-message').click();
  await expect.poll(async () => JSON.parse(await clipboard()) as { text: string; finishReason: string }).toMatchObject({ text: 'It is 4.', finishReason: 'stop' });

  for (const [item, name, entries] of [['export-har-interaction', 'openai-keyed-0.har', 1], ['export-har-cassette', 'openai-keyed.har', 2]] as const) {
    await page.getByTestId('export-menu').locator('summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
    expect(download.suggestedFilename()).toBe(name);
    const har = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { log: { version: string; creator: { name: string }; entries: unknown[] } };
    expect(har.log).toMatchObject({ version: '1.2', creator: { name: 'Tapedeck' } });
    expect(har.log.entries).toHaveLength(entries);
    expect(JSON.stringify(har)).not.toContain('sk-proj-');
  }
  await expect(page.getByTestId('export-status')).toHaveText('Exported openai-keyed.har');
  expect(errors).toEqual([]);
});

test('tapedeck export --har writes HAR 1.2 to a file or stdout; bad usage exits 2', async () => {
  // Six CLI processes, each paying Node's start-up: on a loaded 2-core machine that passes a minute.
  test.slow();
  const dir = mkdtempSync(join(tmpdir(), 'tapedeck-export-'));
  const out = join(dir, 'out.har');
  const written = await run(process.execPath, [cli, 'export', '--har', fixture, '-o', out]);
  expect(written.stderr).toContain('wrote 2 entries');
  const har = JSON.parse(readFileSync(out, 'utf8')) as { log: { version: string; entries: { request: { headers: { name: string; value: string }[] } }[] } };
  expect(har.log.version).toBe('1.2');
  expect(har.log.entries[0].request.headers).toContainEqual({ name: 'Authorization', value: 'Bearer REDACTED' });

  const stdout = await run(process.execPath, [cli, 'export', '--har', fixture, '--interaction', '1', '--reveal-secrets']);
  const one = JSON.parse(stdout.stdout) as typeof har;
  expect(one.log.entries).toHaveLength(1);
  expect(one.log.entries[0].request.headers[0].value).toBe('Bearer sk-proj-abcdefghij0123456789ABCDEFGHIJ');

  const bad = [
    [['export', fixture], 2, 'export needs a format: --har'],
    [['export', '--har'], 2, 'exactly one CASSETTE'],
    [['export', '--har', fixture, '--interaction', '7'], 1, 'no interaction 7'],
    [['export', '--har', join(dir, 'missing.yaml')], 1, 'ENOENT'],
  ] as const;
  const failures = await Promise.all(bad.map(([argv]) => run(process.execPath, [cli, ...argv]).then(() => null, (e: { code: number; stderr: string }) => e)));
  bad.forEach(([argv, code, message], i) => {
    expect(failures[i]?.code, argv.join(' ')).toBe(code);
    expect(failures[i]?.stderr).toContain(message);
  });
});
