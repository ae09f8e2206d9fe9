/**
 * The editor against a real `tapedeck serve`: structured edits from the views, typing in
 * Monaco, saving, external changes while dirty, and saves of broken YAML.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './helpers/test';
import { editorSuite, rawAtLineEnd } from './helpers/editor-suite';
import { openFile, screen } from './helpers/viewer';

const FIXTURE = 'viewer/tool-calls-stream.yaml';

const suite = editorSuite('viewer', FIXTURE);

const diskPath = () => join(suite.dir, FIXTURE);

function changedLines(a: string, b: string): number[] {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y.length).toBe(x.length);
  return x.flatMap((l, i) => (l === y[i] ? [] : [i + 1]));
}

test('(a) edit a tool call\'s arguments in the view; the saved file differs only in those lines (and the later request\'s copy)', async ({ page }) => {
  const original = readFileSync(diskPath(), 'utf8');
  const add = page.locator('[data-testid="tool-call"][data-name="add"]');
  await add.getByTestId('tool-call-edit-open').click();
  await expect(page.getByTestId('tool-call-edit-args')).toHaveValue('{"a": 2, "b": 3}');
  await page.getByTestId('tool-call-edit-args').fill('{"a": 40, "b": 2}');
  await expect(page.getByTestId('history-toggle')).toHaveText('also update 1 later request');
  await screen(page, 'editor-a-edit-args');
  await page.getByTestId('tool-call-edit-apply').click();
  // The views re-assemble from the new text at once; the tab and the sidebar row show dirty.
  await expect(add.getByTestId('tool-call-args')).toContainText('"a": 40');
  await expect(page.getByTestId('tab-dirty')).toBeVisible();
  await expect(page.getByTestId('row-dirty')).toBeVisible();
  await screen(page, 'editor-a-dirty');
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('edit-notice')).toHaveText('Saved');
  await expect(page.getByTestId('tab-dirty')).toHaveCount(0);
  const saved = readFileSync(diskPath(), 'utf8');
  const lines = changedLines(original, saved);
  // The two argument fragments of call 0 that held "2" and "3" (the call's first event, with
  // arguments "", stays as recorded), then interaction 1's request body, whose message
  // history carries the call.
  expect(lines.length).toBe(3);
  const at = (n: number) => saved.split('\n')[n - 1];
  expect(at(lines[0])).toContain('"tool_calls":[{"index":0,"function":{"arguments":"{\\"a\\": 40, "}}]');
  expect(at(lines[1])).toContain('"tool_calls":[{"index":0,"function":{"arguments":"\\"b\\": 2}"}}]');
  expect(at(lines[2])).toContain('"function":{"name":"add","arguments":"{\\"a\\": 40, \\"b\\": 2}"}');
  expect(saved).toContain('"arguments":"{\\"a\\": 40, \\"b\\": 2}"');
  await screen(page, 'editor-a-saved');
});

test('(b) type in Monaco, Ctrl+S, reopen: the change is there', async ({ page }) => {
  await rawAtLineEnd(page, 2);
  await page.keyboard.type(' # typed in monaco');
  await expect(page.getByTestId('tab-dirty')).toBeVisible();
  await screen(page, 'editor-b-typed');
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('edit-notice')).toHaveText('Saved');
  expect(readFileSync(diskPath(), 'utf8').split('\n')[1]).toBe('version: 2 # typed in monaco');
  await expect(page.getByTestId('tab-dirty')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('library-list')).toBeVisible();
  await expect(page.locator('[data-testid="library-file"]').first()).toBeVisible();
  await openFile(page, FIXTURE);
  await page.getByTestId('tab-raw').click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('# typed in monaco');
  await screen(page, 'editor-b-reopened');
});

test('(c) external change while dirty: banner, compare, keep mine, save', async ({ page }) => {
  await rawAtLineEnd(page, 2);
  await page.keyboard.type(' # mine');
  await expect(page.getByTestId('tab-dirty')).toBeVisible();
  // Re-recorded on disk meanwhile (e.g. go test -update).
  const theirs = readFileSync(diskPath(), 'utf8').replace('Use both tools.', 'Use the tools, re-recorded.');
  writeFileSync(diskPath(), theirs);
  await expect(page.getByTestId('conflict-banner')).toBeVisible();
  await screen(page, 'editor-c-banner');
  await page.getByTestId('conflict-compare').click();
  const diff = page.getByTestId('diff-view');
  await expect(diff.locator('.editor.original')).toContainText('re-recorded');
  await expect(diff.locator('.editor.modified')).toContainText('# mine');
  await screen(page, 'editor-c-diff');
  await page.getByTestId('conflict-keep').click();
  await expect(page.getByTestId('conflict-banner')).toHaveCount(0);
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('edit-notice')).toHaveText('Saved');
  const disk = readFileSync(diskPath(), 'utf8');
  expect(disk).toContain('version: 2 # mine');
  expect(disk).not.toContain('re-recorded');
  await screen(page, 'editor-c-saved');
});

test('(d) an edit that breaks YAML: marker at the line, the save asks first', async ({ page }) => {
  const original = readFileSync(diskPath(), 'utf8');
  await rawAtLineEnd(page, 2);
  await page.keyboard.press('Enter');
  await page.keyboard.type('foo: bar: baz');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
  await page.getByTestId('tab-problems').click();
  const problem = page.getByTestId('problem').first();
  await expect(problem).toContainText('line 3');
  await screen(page, 'editor-d-problems');
  await problem.getByRole('button', { name: 'line 3' }).click();
  await expect(page.getByTestId('raw-target-line')).toHaveAttribute('data-line', '3');
  await screen(page, 'editor-d-marker');
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('invalid-prompt')).toContainText('line 3');
  await screen(page, 'editor-d-ask');
  expect(readFileSync(diskPath(), 'utf8')).toBe(original);
  await page.getByTestId('invalid-save-anyway').click();
  await expect(page.getByTestId('edit-notice')).toHaveText('Saved');
  expect(readFileSync(diskPath(), 'utf8').split('\n')[2]).toBe('foo: bar: baz');
});
