import { describe, expect, it } from 'vitest';
import { emptyFilters, facets, filterSummaries, fuzzyScore, isFiltering } from '../../../renderer/src/features/library/filter';
import { refKey } from '../../../renderer/src/features/library/library-model';
import { buildTree, moveFocus } from '../../../renderer/src/features/library/tree';
import { summary } from './summaries';

const list = [
  summary('openai/chat.yaml'),
  summary('anthropic/stream.yaml', { providers: ['anthropic'], models: ['claude-3-5-haiku'], hosts: ['api.anthropic.com'], streaming: true }),
  summary('errors/rate-limit.yaml', { errorStatuses: [429] }),
  summary('broken.yaml', { kind: 'cassette', diagnostics: { error: 1, warning: 0, info: 0 }, firstError: { message: 'bad indent', line: 7 } }),
  summary('warn.yaml', { diagnostics: { error: 0, warning: 2, info: 0 } }),
];
const paths = (xs: { relPath: string }[]) => xs.map((x) => x.relPath);

describe('library filters', () => {
  it('matches every whitespace-separated term against path, model, provider and host', () => {
    expect(paths(filterSummaries(list, { ...emptyFilters, query: 'haiku' }))).toEqual(['anthropic/stream.yaml']);
    expect(paths(filterSummaries(list, { ...emptyFilters, query: 'ANTHROPIC.com stream' }))).toEqual(['anthropic/stream.yaml']);
    expect(paths(filterSummaries(list, { ...emptyFilters, query: 'rate openai' }))).toEqual(['errors/rate-limit.yaml']);
    expect(filterSummaries(list, { ...emptyFilters, query: 'nomatch' })).toEqual([]);
  });

  it('searches body text only for files whose text is known', () => {
    const body = new Map([[refKey(list[0]), 'the capital of france is paris']]);
    expect(paths(filterSummaries(list, { ...emptyFilters, query: 'paris' }, body))).toEqual(['openai/chat.yaml']);
    expect(filterSummaries(list, { ...emptyFilters, query: 'paris' })).toEqual([]);
  });

  it('filters by provider, model, HTTP status >= 400, diagnostics and streaming', () => {
    expect(paths(filterSummaries(list, { ...emptyFilters, providers: ['anthropic'] }))).toEqual(['anthropic/stream.yaml']);
    expect(paths(filterSummaries(list, { ...emptyFilters, models: ['claude-3-5-haiku'] }))).toEqual(['anthropic/stream.yaml']);
    expect(paths(filterSummaries(list, { ...emptyFilters, errorStatus: true }))).toEqual(['errors/rate-limit.yaml']);
    expect(paths(filterSummaries(list, { ...emptyFilters, hasDiagnostics: true }))).toEqual(['broken.yaml', 'warn.yaml']);
    expect(paths(filterSummaries(list, { ...emptyFilters, streaming: true }))).toEqual(['anthropic/stream.yaml']);
    expect(isFiltering(emptyFilters)).toBe(false);
    expect(isFiltering({ ...emptyFilters, query: '  ' })).toBe(false);
    expect(isFiltering({ ...emptyFilters, streaming: true })).toBe(true);
  });

  it('counts facets, most frequent first', () => {
    const f = facets(list);
    expect(f.providers[0]).toEqual(['openai-chat', 4]);
    expect(f.providers[1]).toEqual(['anthropic', 1]);
  });

  it('ranks quick-open matches in the file name above matches in folders', () => {
    expect(fuzzyScore('a/b/chat.yaml', 'xyz')).toBeNull();
    const inName = fuzzyScore('x/stream.yaml', 'stream')!;
    const inFolder = fuzzyScore('stream/x.yaml', 'stream')!;
    expect(inName).toBeGreaterThan(inFolder);
    expect(fuzzyScore('anything', '')).toBe(0);
  });
});

describe('library tree', () => {
  it('lists folders before files, sorted, with counts, and hides collapsed folders', () => {
    const rows = buildTree(list, [{ id: 'r1', name: 'root' }], new Set());
    expect(rows.map((r) => (r.kind === 'file' ? r.summary.relPath : `${r.kind}:${r.kind === 'folder' ? r.path : r.name}`))).toEqual([
      'folder:anthropic', 'anthropic/stream.yaml', 'folder:errors', 'errors/rate-limit.yaml', 'folder:openai', 'openai/chat.yaml',
      'broken.yaml', 'warn.yaml',
    ]);
    const collapsed = buildTree(list, [{ id: 'r1', name: 'root' }], new Set(['dir:r1\u0000errors']));
    expect(collapsed.some((r) => r.kind === 'file' && r.summary.relPath.startsWith('errors/'))).toBe(false);
    expect(collapsed.find((r) => r.key === 'dir:r1\u0000errors')).toMatchObject({ collapsed: true, count: 1 });
  });

  it('shows a root row per folder only when several roots are open', () => {
    const two = [...list, summary('x.yaml', { rootId: 'r2' })];
    const rows = buildTree(two, [{ id: 'r1', name: 'one' }, { id: 'r2', name: 'two' }], new Set());
    expect(rows.filter((r) => r.kind === 'root').map((r) => r.kind === 'root' && r.name)).toEqual(['one', 'two']);
  });

  it('moves keyboard focus and clamps at both ends', () => {
    const rows = buildTree(list, [{ id: 'r1', name: 'root' }], new Set());
    expect(moveFocus(rows, null, 1)).toBe(rows[0].key);
    expect(moveFocus(rows, null, -1)).toBe(rows[rows.length - 1].key);
    expect(moveFocus(rows, rows[0].key, -1)).toBe(rows[0].key);
    expect(moveFocus(rows, rows[1].key, 1)).toBe(rows[2].key);
    expect(moveFocus([], null, 1)).toBeNull();
  });
});
