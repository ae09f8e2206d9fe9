import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import type { InteractionAnalysis } from '../../../shared/model/analysis';
import { utf8Encode } from '../../../shared/util/bytes';
import { applyIntent } from '../../../shared/edit/structured-edit';
import type { EditIntent } from '../../../shared/edit/structured-edit';

export const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/edit-dialects', `${name}.yaml`), 'utf8');

export function load(text: string) {
  const cassette = parseCassette({ path: 'x.yaml', bytes: utf8Encode(text) });
  return { cassette, analysis: analyzeCassette(cassette) };
}

export const ia0 = (text: string): InteractionAnalysis => load(text).analysis.interactions[0];

/** Applies an intent against a fresh analysis of `text`; fails the test when it is refused. */
export function edit(text: string, intent: EditIntent): string {
  const { analysis } = load(text);
  const r = applyIntent(text, intent, (i) => analysis.interactions[i] ?? null);
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

export function tryEdit(text: string, intent: EditIntent) {
  const { analysis } = load(text);
  return applyIntent(text, intent, (i) => analysis.interactions[i] ?? null);
}

/** 1-based numbers of the lines that differ (same line count required). */
export function changedLines(a: string, b: string): number[] {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y.length).toBe(x.length);
  return x.flatMap((l, i) => (l === y[i] ? [] : [i + 1]));
}

/** Indexes of events whose data changed (same event count required). */
export function changedEvents(before: InteractionAnalysis, after: InteractionAnalysis): number[] {
  const a = before.stream!.events;
  const b = after.stream!.events;
  expect(b.length).toBe(a.length);
  return a.flatMap((e, i) => (e.data === b[i].data ? [] : [i]));
}

/** The assembled message re-read from the edited text, with no new diagnostics of note. */
export function reassembled(text: string) {
  const ia = ia0(text);
  expect(ia.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return ia.message!;
}
