/**
 * A cassette that starts with a UTF-8 byte order mark keeps it through the app's save (issue
 * #13.2), against a real `tapedeck serve`: typed in the raw editor (Monaco drops a BOM from
 * its model, so the text it hands back has none) and in a gzipped cassette, whose YAML the
 * editor shows gunzipped. The saved bytes differ from the original only in the edited line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, test } from './helpers/test';
import { rawAtLineEnd } from './helpers/editor-suite';
import { fixturesDir, startServe, tempCopy, type Served } from './helpers/serve';
import { openFile, trackConsoleErrors } from './helpers/viewer';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const yaml = readFileSync(join(fixturesDir, 'flow/vcrpy-single.yaml'), 'utf8');
const edited = yaml.replace('    method: POST\n', '    method: POST # mine\n');

let dir: string;
let served: Served;
let errors: string[];

test.beforeEach(async ({ page }) => {
  dir = tempCopy(join(fixturesDir, 'flow'));
  writeFileSync(join(dir, 'flow/bom.yaml'), Buffer.concat([BOM, Buffer.from(yaml)]));
  writeFileSync(join(dir, 'flow/bom.yaml.gz'), gzipSync(Buffer.concat([BOM, Buffer.from(yaml)])));
  served = await startServe([dir]);
  errors = trackConsoleErrors(page);
  await page.goto(served.url);
  await expect(page.getByTestId('library-list')).toBeVisible();
});
test.afterEach(async () => {
  const seen = [...errors];
  await served?.stop();
  expect(seen).toEqual([]);
});

const methodLine = yaml.split('\n').indexOf('    method: POST') + 1;

for (const name of ['bom.yaml', 'bom.yaml.gz']) {
  test(`${name}: a typed edit saves with the BOM in front`, async ({ page }) => {
    await openFile(page, `flow/${name}`);
    await rawAtLineEnd(page, methodLine);
    await page.keyboard.type(' # mine');
    await page.keyboard.press('Control+S');
    await expect(page.getByTestId('edit-notice')).toHaveText('Saved');
    const disk = readFileSync(join(dir, 'flow', name));
    const bytes = name.endsWith('.gz') ? gunzipSync(disk) : disk;
    expect(bytes.subarray(0, 3)).toEqual(BOM);
    expect(bytes.subarray(3).toString('utf8')).toBe(edited);
  });
}
