import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { csvField, dashboardCsv, folderDashboard, NONE } from '../../../shared/workspace/dashboard';
import { summarizeCassette } from '../../../shared/workspace/summarize';

registerNodeCodecs();
const FILES = ['export/openai-keyed.yaml', 'viewer/tool-calls-stream.yaml', 'formats/vcrpy-gzip.yaml', 'formats/not-cassette.yaml', 'formats/har-base64.har'];
const rows = FILES.map((rel) => {
  const bytes = new Uint8Array(readFileSync(path.join(__dirname, '../../fixtures', rel)));
  const c = parseCassette({ path: rel, bytes });
  return summarizeCassette({ rootId: 'r', relPath: rel }, { size: bytes.length, mtimeMs: 0 }, c, analyzeCassette(c));
});

describe('folder dashboard', () => {
  const d = folderDashboard(rows);

  it('counts cassettes, interactions, streams, HTTP errors and lint from the index rows', () => {
    const cassettes = rows.filter((r) => r.kind === 'cassette');
    expect(d.cassettes).toBe(4); // not-cassette.yaml is listed, not counted
    expect(d.interactions).toBe(cassettes.reduce((n, r) => n + r.interactions, 0));
    expect(d.streams).toBe(cassettes.filter((r) => r.streaming).length);
    expect(d.httpErrors).toBe(1); // the 429 in openai-keyed.yaml
    expect(d.lint.error + d.lint.warning + d.lint.info).toBe(cassettes.reduce((n, r) => n + r.diagnostics.error + r.diagnostics.warning + r.diagnostics.info, 0));
  });

  it('sums tokens and cost by provider, model and format; every file lands in exactly one bar', () => {
    for (const bars of [d.byProvider, d.byModel, d.byFormat]) {
      expect(bars.reduce((n, b) => n + b.files, 0)).toBe(4);
      expect(bars.reduce((n, b) => n + b.estimatedUsd, 0)).toBeCloseTo(d.estimatedUsd, 12);
    }
    const gpt = d.byModel.find((b) => b.key === 'gpt-4o-mini');
    expect(gpt).toMatchObject({ files: 1, tokens: 15 });
    expect(d.byProvider.map((b) => b.key)).toContain('openai-chat');
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
    expect(lines[0]).toBe('file,format,interactions,providers,models,input_tokens,output_tokens,reported_usd,estimated_usd,http_errors,errors,warnings');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^export\/openai-keyed\.yaml,go-vcr,2,openai-chat,gpt-4o-mini,12,3,,[\d.e-]+,429,/);
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvField(null)).toBe('');
  });
});
