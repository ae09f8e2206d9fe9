/**
 * Every file of the read-only corpus (../shared/corpus, listed in INDEX.tsv) parses without
 * throwing; every HTTP cassette gets a format, its interactions and no error diagnostics.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../shared/cassette/parse';
import { registerNodeCodecs } from '../../main/backend/node-codecs';

const corpus = path.resolve(__dirname, '../..', '../shared/corpus');
const exists = existsSync(path.join(corpus, 'INDEX.tsv'));
if (!exists) console.warn('corpus suite skipped: ../shared/corpus not found');

/** The two custom pydantic-ai cassettes that record gRPC samples / WebSocket frames. */
const NOT_HTTP = [/test_openai_ws\/test_tool_call_round\.yaml$/, /\.xai\.yaml$/];

describe.skipIf(!exists)('corpus: cassette formats', () => {
  const rows = exists
    ? readFileSync(path.join(corpus, 'INDEX.tsv'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split('\t'))
    : [];
  const header = rows.shift() ?? [];
  const col = (name: string) => header.indexOf(name);

  it('parses every file, reads every HTTP cassette cleanly', () => {
    registerNodeCodecs();
    const perFormat: Record<string, number> = {};
    const problems: string[] = [];
    let notHttp = 0;
    for (const row of rows) {
      const rel = row[col('local_path')];
      const c = parseCassette({ path: rel, bytes: readFileSync(path.join(corpus, rel)) });
      const key = c.format ?? 'none';
      perFormat[key] = (perFormat[key] ?? 0) + 1;
      if (NOT_HTTP.some((re) => re.test(rel))) {
        notHttp++;
        if (c.format !== null || c.diagnostics.map((d) => d.code).join() !== 'format.not-http') problems.push(`${rel}: expected format.not-http`);
        continue;
      }
      const errors = c.diagnostics.filter((d) => d.severity === 'error' || d.code === 'body.decode-failed');
      if (!c.format) problems.push(`${rel}: no format (${c.diagnostics.map((d) => d.message).join('; ')})`);
      else if (c.interactions.length === 0) problems.push(`${rel}: no interactions`);
      if (errors.length) problems.push(`${rel}: ${errors.map((d) => `${d.code}@${d.line}`).join(', ')}`);
      const indexed = Number(row[col('interactions')]);
      if (Number.isFinite(indexed) && indexed !== c.interactions.length)
        problems.push(`${rel}: ${c.interactions.length} interactions, INDEX.tsv says ${indexed}`);
      for (const it of c.interactions) {
        if (!it.request.method || !it.request.url) problems.push(`${rel}#${it.index}: missing method/url`);
        if (it.response.status === null) problems.push(`${rel}#${it.index}: missing status`);
        if (!it.range) problems.push(`${rel}#${it.index}: no source range`);
      }
    }
    console.log(`corpus formats (${rows.length} files):`, JSON.stringify(perFormat));
    expect(problems).toEqual([]);
    expect(notHttp).toBe(2);
    expect(Object.keys(perFormat).sort()).toEqual(['go-vcr', 'har', 'langchain', 'none', 'ruby-vcr', 'vcrpy']);
  });
});
