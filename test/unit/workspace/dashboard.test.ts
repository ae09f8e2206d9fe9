import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { csvField, dashboardCsv, folderDashboard, NONE } from '../../../shared/workspace/dashboard';
import { recordingAges } from '../../../shared/workspace/dashboard-dates';
import { summarizeCassette } from '../../../shared/workspace/summarize';
import { dashboardRows } from './dashboard-rows';
import { lintCounts, lintFile } from '../../../shared/lint/file';

registerNodeCodecs();
const FILES = ['export/openai-keyed.yaml', 'viewer/tool-calls-stream.yaml', 'formats/vcrpy-gzip.yaml', 'formats/not-cassette.yaml', 'formats/har-base64.har'];
const rows = FILES.map((rel) => {
  const bytes = new Uint8Array(readFileSync(path.join(__dirname, '../../fixtures', rel)));
  const c = parseCassette({ path: rel, bytes });
  const row = summarizeCassette({ rootId: 'r', relPath: rel }, { size: bytes.length, mtimeMs: 0 }, c, analyzeCassette(c));
  // What the index's lint pass adds to a cassette row.
  return row.kind === 'cassette' ? { ...row, lint: lintCounts(lintFile(rel, bytes).findings) } : row;
});

describe('folder dashboard', () => {
  const d = folderDashboard(rows);

  it('counts cassettes, interactions, streams, HTTP errors and lint from the index rows', () => {
    const cassettes = rows.filter((r) => r.kind === 'cassette');
    expect(d.cassettes).toBe(4); // not-cassette.yaml is listed, not counted
    expect(d.interactions).toBe(cassettes.reduce((n, r) => n + r.interactions, 0));
    expect(d.streams).toBe(cassettes.filter((r) => r.streaming).length);
    expect(d.httpErrors).toBe(1); // the 429 in openai-keyed.yaml
    expect(d.lint).toEqual({
      error: cassettes.reduce((n, r) => n + r.lint!.error, 0),
      warning: cassettes.reduce((n, r) => n + r.lint!.warning, 0),
      info: cassettes.reduce((n, r) => n + r.lint!.info, 0),
      pending: 0,
    });
    expect(d.lint.error).toBeGreaterThan(0); // openai-keyed.yaml records a key
    // A row the lint pass has not reached yet is counted as such, not as clean.
    expect(folderDashboard([{ ...rows[0], lint: null }]).lint).toEqual({ error: 0, warning: 0, info: 0, pending: 1 });
  });

  it('sums tokens and cost by provider, model and format; every file lands in exactly one bar', () => {
    for (const bars of [d.byProvider, d.byModel, d.byFormat, d.byDialect]) {
      expect(bars.reduce((n, b) => n + b.files, 0)).toBe(4);
      expect(bars.reduce((n, b) => n + b.estimatedUsd, 0)).toBeCloseTo(d.estimatedUsd, 12);
    }
    const gpt = d.byModel.find((b) => b.key === 'gpt-4o-mini');
    expect(gpt).toMatchObject({ files: 1, tokens: 15 });
    // Who served the calls, with the dialect (the library's provider filter takes the same names).
    expect(d.byProvider.map((b) => b.key)).toContain('OpenAI (openai-chat)');
    expect(d.byFormat.find((b) => b.key === 'go-vcr')?.files).toBe(2);
    // Costliest first.
    const w = d.byCassette.map((b) => b.estimatedUsd || b.reportedUsd);
    expect([...w].sort((a, b) => b - a)).toEqual(w);
    expect(folderDashboard([]).byModel).toEqual([]);
    expect(d.byModel.every((b) => b.key !== NONE || b.tokens === 0)).toBe(true);
  });

  it('keeps the top 20 cassettes only', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...rows[0], relPath: `f${i}.yaml`, estimatedUsd: i }));
    const top = folderDashboard(many).byCassette;
    expect(top).toHaveLength(20);
    expect(top[0]).toMatchObject({ key: 'f29.yaml', estimatedUsd: 29 });
  });

  it('exports one CSV line per cassette, quoted as RFC 4180 says', () => {
    const lines = dashboardCsv(rows).trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,format,interactions,providers,dialects,models,input_tokens,output_tokens,reported_usd,estimated_usd,today_usd,oldest_recorded,newest_recorded,http_errors,errors,warnings');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^export\/openai-keyed\.yaml,go-vcr,2,openai-chat,openai-chat,gpt-4o-mini,12,3,,[\d.e-]+,[\d.e-]+,,,429,/);
    expect(lines.find((l) => l.startsWith('formats/har-base64.har'))).toContain(',2025-02-11T10:00:00.123Z,2025-02-11T10:00:01.000Z,');
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvField(null)).toBe('');
  });
});

describe('folder dashboard: cost comparison, today\'s prices, recording dates, dialects', () => {
  const d = folderDashboard(dashboardRows);

  it('compares reported and estimated cost only where both exist, and prices everything at today\'s prices', () => {
    expect(d.pair).toEqual({ interactions: 1, reportedUsd: 0.0005, estimatedUsd: 0.00045 });
    expect(d.reportedUsd).toBeCloseTo(0.0007, 12); // the unpriced house model reported $0.0002
    expect(d.unpriced).toBe(1);
    // Only mistral-medium-latest changed price since it was recorded.
    const mistral = dashboardRows.find((r) => r.relPath === 'mistral/summary.yaml')!;
    expect(d.todayUsd - d.estimatedUsd).toBeCloseTo(mistral.todayUsd! - mistral.estimatedUsd!, 12);
  });

  it('counts each cassette in the month of its newest recording, gaps included, and names the undated ones by format', () => {
    expect(d.dates.oldest).toBe('2025-03-10T09:00:00.000Z');
    expect(d.dates.newest).toBe('2026-11-20T16:45:00.000Z');
    expect(d.dates.byPeriod[0]).toEqual({ period: '2025-03', files: 2 });
    expect(d.dates.byPeriod.at(-1)).toEqual({ period: '2026-11', files: 1 });
    expect(d.dates.byPeriod).toHaveLength(21); // March 2025 to November 2026, empty months too
    expect(d.dates.byPeriod.reduce((n, p) => n + p.files, 0)).toBe(d.cassettes - 1);
    expect(d.dates.undated).toBe(1);
    expect(d.dates.undatedByFormat).toEqual([['vcrpy', 1]]);
    expect(d.dates.sources).toEqual(['Date header', 'startedDateTime']);
  });

  it('switches to years when months would span more than four years', () => {
    const at = (newest: string) => ({ ...dashboardRows[0], recorded: { oldest: newest, newest, sources: [] } });
    const ages = recordingAges([at('2019-05-01T00:00:00Z'), at('2024-02-01T00:00:00Z'), at('2024-09-01T00:00:00Z')]);
    expect(ages.byPeriod).toEqual([
      { period: '2019', files: 1 }, { period: '2020', files: 0 }, { period: '2021', files: 0 }, { period: '2022', files: 0 }, { period: '2023', files: 0 }, { period: '2024', files: 2 },
    ]);
  });

  it('gives the dialect mix and the providers that served the calls', () => {
    expect(d.byDialect.map((b) => [b.key, b.files])).toEqual([['openai-chat', 3], ['anthropic', 2], ['openai-responses', 1]]);
    expect(d.byProvider.map((b) => b.key)).toContain('Mistral (openai-chat)');
    expect(d.byFormat.map((b) => [b.key, b.files])).toEqual([['go-vcr', 4], ['har', 1], ['vcrpy', 1]]);
  });
});
