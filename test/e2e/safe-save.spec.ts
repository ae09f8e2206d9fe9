/**
 * Saves that meet what the user set up on disk, against a real `tapedeck serve`: a read-only
 * file is not overwritten until the person says "save anyway"; a file deleted on disk while it
 * had unsaved edits is written again by the save the banner offers.
 */
import { chmodSync, existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './helpers/test';
import { editorSuite, rawAtLineEnd } from './helpers/editor-suite';

const FIXTURE = 'viewer/tool-calls-stream.yaml';
const suite = editorSuite('viewer', FIXTURE);
const diskPath = () => join(suite.dir, FIXTURE);

test('a read-only file: the save is refused and says so; "save anyway" writes it and keeps it read-only', async ({ page }) => {
  const original = readFileSync(diskPath(), 'utf8');
  chmodSync(diskPath(), 0o444);
  await rawAtLineEnd(page, 2);
  await page.keyboard.type(' # mine');
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('read-only-prompt')).toContainText('tool-calls-stream.yaml is read-only on disk');
  expect(readFileSync(diskPath(), 'utf8')).toBe(original);
  await page.getByTestId('read-only-save-anyway').click();
  await expect(page.getByTestId('edit-notice')).toHaveText('Saved');
  await expect(page.getByTestId('read-only-prompt')).toHaveCount(0);
  expect(readFileSync(diskPath(), 'utf8').split('\n')[1]).toBe('version: 2 # mine');
  expect(statSync(diskPath()).mode & 0o777).toBe(0o444);
});

test('a file deleted on disk while edited: saving writes it again', async ({ page }) => {
  await rawAtLineEnd(page, 2);
  await page.keyboard.type(' # mine');
  await expect(page.getByTestId('tab-dirty')).toBeVisible();
  unlinkSync(diskPath());
  await expect(page.getByTestId('edit-notice')).toContainText('This file was deleted on disk');
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('edit-notice')).toHaveText('Saved');
  expect(existsSync(diskPath())).toBe(true);
  expect(readFileSync(diskPath(), 'utf8').split('\n')[1]).toBe('version: 2 # mine');
});

test('broken YAML in a read-only file: two confirmations, each asked once', async ({ page }) => {
  chmodSync(diskPath(), 0o444);
  await rawAtLineEnd(page, 2);
  await page.keyboard.press('Enter');
  await page.keyboard.type('foo: bar: baz');
  await page.keyboard.press('Control+S');
  await page.getByTestId('invalid-save-anyway').click();
  await expect(page.getByTestId('read-only-prompt')).toBeVisible();
  await page.getByTestId('read-only-save-anyway').click();
  await expect(page.getByTestId('edit-notice')).toHaveText('Saved');
  await expect(page.getByTestId('invalid-prompt')).toHaveCount(0);
  expect(readFileSync(diskPath(), 'utf8').split('\n')[2]).toBe('foo: bar: baz');
});
