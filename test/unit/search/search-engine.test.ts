/**
 * The search documents the index engine builds from a real cassette (a go-vcr file with a
 * plain answer and a streamed answer with a tool call), and the query engine over them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEngineTask } from '../../../main/workspace/engine';
import type { InteractionDoc } from '../../../shared/search/doc';
import { searchFiles } from '../../../shared/search/search-files';
import type { SearchQuery } from '../../../shared/search/query';

const FIXTURE = join(__dirname, '../../fixtures/search/stream-tool.yaml');

function docsOf(): InteractionDoc[] {
  const bytes = new Uint8Array(readFileSync(FIXTURE));
  const res = runEngineTask({ kind: 'bytes', bytes, ref: { rootId: 'r', relPath: 'stream-tool.yaml' }, stat: { size: bytes.length, mtimeMs: 0 } });
  if (res.kind !== 'indexed') throw new Error(`not indexed: ${res.kind}`);
  return res.docs;
}

const search = (q: SearchQuery) => searchFiles([{ file: 'stream-tool.yaml', docs: docsOf() }], q);
const hits = (q: SearchQuery) => search(q).files.flatMap((f) => f.interactions.flatMap((i) => i.hits.map((h) => ({ interaction: i.index, ...h }))));

describe('search over indexed cassettes', () => {
  it('finds streamed text at the event that completes the match', () => {
    const [h, ...rest] = hits({ pattern: 'ouagadougou' });
    expect(rest).toEqual([]);
    expect(h).toMatchObject({ interaction: 1, field: 'text', event: 3, line: null });
    expect(h.snippet.slice(h.ranges[0][0], h.ranges[0][1])).toBe('Ouagadougou');
  });

  it('finds tool names and streamed arguments with their events', () => {
    expect(hits({ pattern: 'Bobo-Dioulasso' })).toEqual([expect.objectContaining({ interaction: 1, field: 'tool', event: 5 })]);
    expect(hits({ pattern: 'lookup_city' }).map((h) => [h.field, h.event])).toEqual([['tool', 4]]);
  });

  it('finds request messages and header values with their header line', () => {
    expect(hits({ pattern: 'Burkina' })).toEqual([expect.objectContaining({ interaction: 1, field: 'request', event: null })]);
    const h = hits({ pattern: 'nightly-canary' });
    expect(h.map((x) => [x.interaction, x.field, x.line])).toEqual([[0, 'request-header', 2], [1, 'request-header', 2]]);
    expect(h[0].snippet).toBe('X-Trace-Tag: nightly-canary');
    expect(hits({ pattern: 'acme-research' }).map((x) => x.field)).toEqual(['response-header', 'response-header']);
  });

  it('never indexes secret values', () => {
    expect(hits({ pattern: 'SECRETTAIL' })).toEqual([]);
    expect(hits({ pattern: 'sk-proj' })).toEqual([]);
    // The header itself is still found, with its value masked.
    expect(hits({ pattern: 'Authorization' })[0].snippet).toMatch(/^Authorization: Bearer \*+$/);
  });

  it('honours case, whole-word and regex toggles', () => {
    expect(hits({ pattern: 'zebra' }).length).toBe(3); // request "zebra", answer "zebra" and "Zebras"
    expect(hits({ pattern: 'zebra', wholeWord: true }).length).toBe(2);
    expect(hits({ pattern: 'Zebra', caseSensitive: true }).length).toBe(1);
    expect(hits({ pattern: 'Oua\\w+?dou', regex: true })[0].event).toBe(3);
    expect(hits({ pattern: 'Oua\\w+?dou' })).toEqual([]); // not a regex unless asked
    expect(search({ pattern: '(unclosed', regex: true }).error).toMatch(/Bad regular expression/);
  });

  it('lists at most five hits per interaction and stops after one file more than listed', () => {
    const doc = (index: number): InteractionDoc => ({ index, fields: [{ kind: 'text', text: 'echo '.repeat(50) }] });
    const out = searchFiles(['a', 'b', 'c'].map((file) => ({ file, docs: [doc(0), doc(1)] })), { pattern: 'echo' }, { maxFiles: 2 });
    expect(out.files.map((f) => [f.file, f.interactions.map((i) => i.hits.length), f.total, f.capped])).toEqual([
      ['a', [5, 5], 10, true],
      ['b', [5, 5], 10, true],
    ]);
    expect(out.truncated).toBe(true);
  });

  it('stops a regex that runs past its budget with a message', () => {
    // (a+)+$ backtracks exponentially on a run of a's that does not end the text.
    const slow = { kind: 'text' as const, text: `${'a'.repeat(18)}!` };
    const docs: InteractionDoc[] = Array.from({ length: 400 }, (_, index) => ({ index, fields: [slow] }));
    const t0 = Date.now();
    const out = searchFiles([{ file: 'slow', docs }], { pattern: '(a+)+$', regex: true }, { budgetMs: 100 });
    expect(out.error).toMatch(/longer than 100 ms/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
