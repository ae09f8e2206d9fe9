/** The Compare tab's pure parts: grouping a pair's changes for the grid, and the bounded prior texts. */
import { describe, expect, it } from 'vitest';
import { diffCassettes } from '../../../shared/diff/diff-cassettes';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';
import { groupChanges } from '../../../renderer/src/features/compare/compare-groups';
import { PRIOR_MAX_CHARS, PRIOR_MAX_FILES, withPrior } from '../../../renderer/src/features/compare/prior-texts';
import { SHAPE_FIELDS } from '../../../renderer/src/features/compare/stream-shape';
import { load } from '../diff/load';

registerNodeCodecs();

describe('groupChanges', () => {
  it('puts the request before the response, volatile fields last and as information', () => {
    const base = load('go-vcr-base.yaml');
    const arg = diffCassettes(base, load('go-vcr-tool-arg.yaml'));
    expect(groupChanges(arg.pairs[0]).map((x) => [x.name, x.rows.map((r) => r.field)])).toEqual([['Response', ['toolCalls[0].arguments']]]);
    expect(groupChanges(arg.pairs[1]).map((x) => [x.name, x.rows.map((r) => r.field)])).toEqual([['Request', ['messages[1].toolCalls[0].arguments']]]);
    const ids = diffCassettes(base, load('go-vcr-rerecord.yaml'), { showVolatile: true });
    const g = groupChanges(ids.pairs[0], SHAPE_FIELDS);
    expect(g.map((x) => x.name)).toEqual(['Volatile (ignored)']);
    expect(g[0].info).toBe(true);
    expect(g[0].rows.map((r) => r.field)).toContain('response x-request-id');
    // The re-record took 1.9 s instead of 1.2 s: unless left to the shape row, that shows under Stream and timing.
    expect(groupChanges(ids.pairs[0]).map((x) => x.name)).toEqual(['Stream and timing', 'Volatile (ignored)']);
  });
});

describe('withPrior', () => {
  it('keeps the newest few texts, refreshes a re-kept key, and never keeps a huge text', () => {
    let m: ReadonlyMap<string, string> = new Map();
    for (let i = 0; i < PRIOR_MAX_FILES + 2; i++) m = withPrior(m, `k${i}`, `text ${i}`);
    expect([...m.keys()]).toEqual(Array.from({ length: PRIOR_MAX_FILES }, (_, i) => `k${i + 2}`));
    m = withPrior(m, 'k2', 'newer');
    expect([...m.keys()].pop()).toBe('k2');
    expect(m.get('k2')).toBe('newer');
    m = withPrior(m, 'k3', 'x'.repeat(PRIOR_MAX_CHARS + 1));
    expect(m.has('k3')).toBe(false);
  });
});
