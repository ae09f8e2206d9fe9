/** The index row's dashboard figures, read from small fixtures of each date source. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { summarizeCassette } from '../../../shared/workspace/summarize';
import { dashboardRows } from './dashboard-rows';

const row = (rel: string) => dashboardRows.find((r) => r.relPath === rel)!;

describe('index row: recording dates', () => {
  it('reads HAR startedDateTime, Ruby VCR recorded_at and, for go-vcr and vcrpy, the Date header', () => {
    expect(row('anthropic.har').recorded).toEqual({ oldest: '2025-11-04T09:00:00.000Z', newest: '2026-11-20T16:45:00.000Z', sources: ['startedDateTime'] });
    expect(row('mistral/summary.yaml').recorded).toEqual({ oldest: '2026-03-11T08:30:00.000Z', newest: '2026-03-11T08:30:00.000Z', sources: ['Date header'] });
    const ruby = readFileSync(path.join(__dirname, '../../fixtures/formats/ruby-binary.yml'));
    const c = parseCassette({ path: 'r.yml', bytes: new Uint8Array(ruby) });
    const r = summarizeCassette({ rootId: 'r', relPath: 'r.yml' }, { size: 0, mtimeMs: 0 }, c, analyzeCassette(c));
    expect(r.recorded).toMatchObject({ oldest: '2025-08-19T14:34:28.000Z', newest: '2025-08-19T14:34:29.000Z', sources: ['recorded_at'] });
  });

  it('counts interactions with no date at all (vcrpy keeps none, and this response has no Date header)', () => {
    const r = row('undated/vcrpy-anthropic.yaml');
    expect(r.recorded).toBeUndefined();
    expect(r.undated).toBe(1);
    expect(row('anthropic.har').undated).toBeUndefined();
  });
});

describe('index row: cost figures', () => {
  it('keeps reported and estimated cost of the interactions that have both', () => {
    expect(row('openrouter/prime.yaml').costPair).toEqual({ interactions: 1, reportedUsd: 0.0005, estimatedUsd: 0.00045 });
    // Reported, but the table has no price for the model: nothing to compare, and it counts as unpriced.
    expect(row('openrouter/house-model.yaml').costPair).toBeUndefined();
    expect(row('openrouter/house-model.yaml').unpriced).toBe(1);
  });

  it("prices the recorded usage at today's prices: mistral-medium-latest went from $0.4/$2 to $1.5/$7.5 per M on 2026-06-16", () => {
    const r = row('mistral/summary.yaml');
    expect(r.estimatedUsd).toBeCloseTo(2000 * 0.4e-6 + 1000 * 2e-6, 12);
    expect(r.todayUsd).toBeCloseTo(2000 * 1.5e-6 + 1000 * 7.5e-6, 12);
    // Unchanged prices: today is the recording-date estimate.
    expect(row('anthropic.har').todayUsd).toBe(row('anthropic.har').estimatedUsd);
  });

  it('lists the wire dialects', () => {
    expect(row('deep/nested/chain/responses.yaml').dialects).toEqual(['openai-responses']);
    expect(row('openrouter/prime.yaml').dialects).toEqual(['openai-chat']);
  });
});
