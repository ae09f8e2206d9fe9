/**
 * The index cuts big SSE bodies to whole events at both ends before analysis (trim-streams.ts).
 * Over the corpus, with the cut forced far lower than in the app (2 KB streams and up, 512
 * bytes kept at each end: an eighth and a half of the app's), the sidebar row must say the same as the analysis of the whole stream: models,
 * providers, tokens and costs. Diagnostics may differ (an error event in the cut middle).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../shared/cassette/parse';
import { analyzeCassette } from '../../shared/llm/analyze';
import { summarizeCassette } from '../../shared/workspace/summarize';
import { trimStreamsForSummary } from '../../shared/workspace/trim-streams';
import { registerNodeCodecs } from '../../main/backend/node-codecs';

const corpus = path.resolve(__dirname, '../..', '../shared/corpus');
const exists = existsSync(path.join(corpus, 'INDEX.tsv'));
if (!exists) console.warn('corpus suite skipped: ../shared/corpus not found');

describe.skipIf(!exists)('corpus: trimmed streams summarize like whole ones', () => {
  it('gives the same row fields for every file with a cut stream', () => {
    registerNodeCodecs();
    const rows = readFileSync(path.join(corpus, 'INDEX.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
    const col = rows.shift()!.indexOf('local_path');
    const ref = { rootId: 'r', relPath: 'x' };
    const stat = { size: 1, mtimeMs: 1 };
    const pick = (s: ReturnType<typeof summarizeCassette>) => {
      const { diagnostics: _d, firstError: _f, ...rest } = s;
      return rest;
    };
    let cut = 0;
    const mismatches: string[] = [];
    for (const [rel] of rows.map((r) => [r[col]])) {
      const c = parseCassette({ path: rel, bytes: readFileSync(path.join(corpus, rel)) });
      const t = trimStreamsForSummary(c, 2 * 1024, 512);
      if (t.trimmed.length === 0) continue;
      cut++;
      const whole = pick(summarizeCassette(ref, stat, c, analyzeCassette(c)));
      const trimmed = pick(summarizeCassette(ref, stat, c, analyzeCassette(t.cassette)));
      if (JSON.stringify(whole) !== JSON.stringify(trimmed)) mismatches.push(`${rel}: ${JSON.stringify(whole)} vs ${JSON.stringify(trimmed)}`);
    }
    console.info(`trimmed-stream summaries compared on ${cut} corpus files`);
    expect(cut).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
  });
});
