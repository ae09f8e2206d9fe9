/**
 * Regex searches in the guarded worker (the real index worker script): a pattern that
 * backtracks exponentially inside one field is stopped with a message while the calling
 * thread stays free, the next search works in a new worker, and documents the worker holds
 * are not copied again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createGuardedSearch } from '../../../main/workspace/guarded-search';
import type { InteractionDoc } from '../../../shared/search/doc';

// (\w+\s?)+$ tries every split of every word before failing at the "!": exponential in the
// letters of one ordinary sentence, and all inside one exec the engine cannot interrupt.
const RUNAWAY = '(\\w+\\s?)+$';
const sentence: InteractionDoc[] = [{ index: 0, fields: [{ kind: 'text', text: 'Extraordinarily complicated multiplication tables, unfortunately!' }] }];
const other: InteractionDoc[] = [{ index: 3, fields: [{ kind: 'reasoning', text: 'model answers quickly' }] }];

const guard = createGuardedSearch({ graceMs: 300 });
afterAll(() => guard.close());

describe('guarded regex search', () => {
  it('stops a runaway regex inside one field with a message, without blocking the caller', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const t0 = Date.now();
    const out = await guard.search([{ file: 'a', docs: sentence }], { pattern: RUNAWAY, regex: true }, { budgetMs: 400 });
    clearInterval(ticker);
    expect(out.error).toMatch(/longer than 400 ms and was stopped/);
    expect(out.files).toEqual([]);
    // The caller's event loop ran all along (it would not have ticked once with the exec in-thread).
    expect(ticks).toBeGreaterThan(3);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('answers the next regex from a fresh worker, and sends each document array once', async () => {
    const before = guard.stats();
    const q = { pattern: 'mod\\w+ ans', regex: true };
    const first = await guard.search([{ file: 'a', docs: sentence }, { file: 'b', docs: other }], q);
    expect(first.error).toBeNull();
    expect(first.files.map((f) => [f.file, f.interactions.map((i) => [i.index, i.hits[0].field, i.hits[0].snippet])])).toEqual([['b', [[3, 'reasoning', 'model answers quickly']]]]);
    const second = await guard.search([{ file: 'b', docs: other }, { file: 'a', docs: sentence }], { ...q, caseSensitive: true });
    expect(second.files.map((f) => f.file)).toEqual(['b']);
    const after = guard.stats();
    expect(after.workersStarted - before.workersStarted).toBe(1); // the runaway's worker was ended
    expect(after.docsSent - before.docsSent).toBe(2); // both arrays once, none for the second query
  });

  it('sends a large folder in slices, all of it arriving before the query', async () => {
    // ~3 MB of text in 300 files: several slices of about 1 MB, each its own message.
    const files = Array.from({ length: 300 }, (_, n) => ({
      file: `f${n}`,
      docs: [{ index: 0, fields: [{ kind: 'text' as const, text: `${'filler words '.repeat(800)}marker${n}end` }] }] as InteractionDoc[],
    }));
    const out = await guard.search(files, { pattern: 'marker(0|150|299)end', regex: true });
    expect(out.error).toBeNull();
    expect(out.files.map((f) => f.file)).toEqual(['f0', 'f150', 'f299']);
  });

  it('keeps plain-text queries on the calling thread, with the same answers', async () => {
    const before = guard.stats();
    const out = await guard.search([{ file: 'b', docs: other }], { pattern: 'answers' });
    expect(out.files.map((f) => f.file)).toEqual(['b']);
    expect(guard.stats()).toEqual(before);
  });
});
