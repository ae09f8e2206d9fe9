/**
 * The search index parses the events of big SSE streams with jsonMemo (json-memo.ts) instead
 * of tryJson. Over every event of every text/event-stream response in the corpus, read in
 * order as the index reads them, both must give the same value. The template path must also
 * really be taken on real streams, or the equality says little about it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../shared/cassette/parse';
import { headerValue } from '../../shared/model/cassette';
import { frameBody } from '../../shared/stream/frame';
import { jsonMemo } from '../../shared/stream/json-memo';
import { registerNodeCodecs } from '../../main/backend/node-codecs';
import { corpusDir, corpusExists, indexedCorpusFiles } from './corpus-files';

describe.skipIf(!corpusExists('INDEX.tsv'))('corpus: jsonMemo equals tryJson', () => {
  it('on every SSE event, in stream order', () => {
    registerNodeCodecs();
    let events = 0;
    let hits = 0;
    const mismatches: string[] = [];
    for (const rel of indexedCorpusFiles(Infinity)) {
      const c = parseCassette({ path: rel, bytes: readFileSync(path.join(corpusDir, rel)) });
      for (const it of c.interactions) {
        if (!(headerValue(it.response.headers, 'content-type') ?? '').toLowerCase().includes('text/event-stream')) continue;
        const memo = jsonMemo();
        for (const ev of frameBody(it.response.body, it.response.headers).events) {
          events++;
          const got = memo(ev.data);
          if (JSON.stringify(got) !== JSON.stringify(ev.json)) mismatches.push(`${rel}#${it.index} event ${ev.index}`);
        }
        hits += memo.hits;
      }
    }
    console.info(`jsonMemo on the corpus: ${events} events, ${hits} from a template`);
    expect(mismatches).toEqual([]);
    expect(hits).toBeGreaterThan(events / 4);
  });
});
