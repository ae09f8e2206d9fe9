import { describe, expect, it } from 'vitest';
import { emptyFilters, facets, filterSummaries, fuzzyScore, isFiltering, NO_DATE } from '../../../renderer/src/features/library/filter';
import { refKey } from '../../../renderer/src/features/library/library-model';
import { buildTree, moveFocus } from '../../../renderer/src/features/library/tree';
import { summary } from './summaries';

const list = [
  summary('openai/chat.yaml'),
  summary('anthropic/stream.yaml', { providers: ['anthropic'], models: ['claude-3-5-haiku'], hosts: ['api.anthropic.com'], streaming: true }),
  summary('errors/rate-limit.yaml', { errorStatuses: [429] }),
  // Not linted yet: its parse error counts until the lint pass reaches it.
  summary('broken.yaml', { kind: 'cassette', diagnostics: { error: 1, warning: 0, info: 0 }, lint: null, firstError: { message: 'bad indent', line: 7 } }),
  summary('warn.yaml', { lint: { error: 0, warning: 2, info: 0 } }),
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
    // Analysis notes that lint does not report are not problems.
    expect(filterSummaries([summary('noted.yaml', { diagnostics: { error: 0, warning: 1, info: 2 } })], { ...emptyFilters, hasDiagnostics: true })).toEqual([]);
    expect(paths(filterSummaries(list, { ...emptyFilters, streaming: true }))).toEqual(['anthropic/stream.yaml']);
    expect(isFiltering(emptyFilters)).toBe(false);
    expect(isFiltering({ ...emptyFilters, query: '  ' })).toBe(false);
    expect(isFiltering({ ...emptyFilters, streaming: true })).toBe(true);
  });

  it('filters by what the dashboard bars pick: format, dialect, recording period, folder or file', () => {
    const dated = [
      summary('a/x.har', { format: 'har', dialects: ['openai-responses'], recorded: { oldest: '2024-01-03T00:00:00.000Z', newest: '2025-03-09T10:00:00.000Z', sources: ['startedDateTime'] } }),
      summary('a/b/y.yaml', { dialects: ['openai-chat', 'anthropic'], recorded: { oldest: '2025-02-01T00:00:00.000Z', newest: '2025-02-01T00:00:00.000Z', sources: ['Date header'] } }),
      summary('ab/z.yaml'),
      summary('n.yaml', { kind: 'not-cassette' }),
    ];
    const f = (patch: Partial<typeof emptyFilters>) => paths(filterSummaries(dated, { ...emptyFilters, ...patch }));
    expect(f({ formats: ['har'] })).toEqual(['a/x.har']);
    expect(f({ dialects: ['anthropic'] })).toEqual(['a/b/y.yaml']);
    expect(f({ recorded: '2025-03' })).toEqual(['a/x.har']);
    expect(f({ recorded: '2025' })).toEqual(['a/x.har', 'a/b/y.yaml']);
    // Undated: cassettes only (a YAML file that is no cassette has no recording to date).
    expect(f({ recorded: NO_DATE })).toEqual(['ab/z.yaml']);
    // A folder holds what lies under it, not a sibling that only shares the prefix.
    expect(f({ under: { rootId: 'r1', path: 'a' } })).toEqual(['a/x.har', 'a/b/y.yaml']);
    expect(f({ under: { rootId: 'r1', path: 'a/b/y.yaml' } })).toEqual(['a/b/y.yaml']);
    expect(f({ under: { rootId: 'r2', path: '' } })).toEqual([]);
    expect(isFiltering({ ...emptyFilters, under: { rootId: 'r1', path: '' } })).toBe(true);
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

  it('compacts a chain of folders that each hold only one folder into one row, as VS Code does', () => {
    const deep = [summary('testdata/fixtures/openai/a.yaml'), summary('testdata/fixtures/openai/b.yaml'), summary('other/x/y.yaml'), summary('other/z.yaml')];
    const rows = buildTree(deep, [{ id: 'r1', name: 'root' }], new Set());
    expect(rows.map((r) => (r.kind === 'file' ? r.name : `${r.name}@${r.depth}`))).toEqual([
      'other@0', 'x@1', 'y.yaml', 'z.yaml', 'testdata/fixtures/openai@0', 'a.yaml', 'b.yaml',
    ]);
    // The row stands for its deepest folder: collapsing it uses that folder's key.
    const chain = rows.find((r) => r.kind === 'folder' && r.name.startsWith('testdata'));
    expect(chain).toMatchObject({ path: 'testdata/fixtures/openai', count: 2 });
    const folded = buildTree(deep, [{ id: 'r1', name: 'root' }], new Set([chain!.key]));
    expect(folded.filter((r) => r.kind === 'file').map((r) => r.name)).toEqual(['y.yaml', 'z.yaml']);
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
