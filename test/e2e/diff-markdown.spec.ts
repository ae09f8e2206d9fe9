/**
 * `tapedeck diff --git --format markdown` is a pull-request comment: rendered the way a forge
 * renders it (marked, HTML allowed) in Chromium, the summary table has a row per changed
 * cassette and the details fold away. The screenshot is kept in test-results for a human look.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './helpers/test';
import { marked } from 'marked';
import { fixturesDir, repoRoot } from './helpers/serve';

const CSS = `body{font:14px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:24px;max-width:980px;color:#1f2328}
table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:6px 13px}th{background:#f6f8fa}
code{background:#eff1f3;padding:.2em .4em;border-radius:6px;font-size:85%}details{margin:8px 0}summary{cursor:pointer}
del{background:#ffebe9;color:#82071e}ins{background:#dafbe1;color:#116329;text-decoration:none}
blockquote{margin:4px 0;padding:0 1em;color:#59636e;border-left:.25em solid #d0d7de}`;

test('the markdown PR comment renders as a table and folded details', async ({ page }, info) => {
  const dir = mkdtempSync(join(tmpdir(), 'tapedeck-diff-md-'));
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    const fx = (n: string) => join(fixturesDir, 'diff', n);
    git('init', '-q');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 'T');
    mkdirSync(join(dir, 'cassettes'));
    copyFileSync(fx('go-vcr-base.yaml'), join(dir, 'cassettes/weather.yaml'));
    copyFileSync(fx('vcrpy-base.yaml'), join(dir, 'cassettes/bonjour.yaml'));
    copyFileSync(fx('har-base.har'), join(dir, 'cassettes/capitals.har'));
    git('add', '.');
    git('commit', '-qm', 'record');
    copyFileSync(fx('go-vcr-tool-arg.yaml'), join(dir, 'cassettes/weather.yaml'));
    copyFileSync(fx('vcrpy-model.yaml'), join(dir, 'cassettes/bonjour.yaml'));
    copyFileSync(fx('har-reordered.har'), join(dir, 'cassettes/capitals.har'));
    copyFileSync(fx('vcrpy-added.yaml'), join(dir, 'cassettes/new.yaml'));
    const run = spawnSync(process.execPath, [join(repoRoot, 'app/bin/tapedeck.mjs'), 'diff', '--git', '--format', 'markdown'], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    const html = await marked.parse(run.stdout);
    writeFileSync(info.outputPath('comment.md'), run.stdout);
    await page.setContent(`<!doctype html><style>${CSS}</style><body>${html}</body>`);
    const rows = page.locator('table tbody tr');
    await expect(rows).toHaveCount(4);
    await expect(rows.filter({ hasText: 'cassettes/capitals.har' })).toContainText('no semantic change, 1 moved');
    await expect(rows.filter({ hasText: 'cassettes/new.yaml' })).toContainText('added: 2 added');
    const weather = page.locator('details').filter({ hasText: 'cassettes/weather.yaml' });
    await expect(weather.locator('li').first()).not.toBeVisible();
    await weather.locator('summary').click();
    await expect(weather).toContainText('$.city: "Paris" → "Paris, FR"');
    await page.locator('details').filter({ hasText: 'cassettes/bonjour.yaml' }).locator('summary').click();
    await page.screenshot({ path: info.outputPath('diff-markdown.png'), fullPage: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
