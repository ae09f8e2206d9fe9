/**
 * Later requests' copies of earlier responses on real conversations: the unedited recordings
 * agree with themselves (no history/stale-copy finding), and an edit of a response's tool-call
 * arguments or text reaches every later request that carries it, so lint stays quiet after it;
 * the same edit made with `history: false` is flagged once per later request.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../shared/cassette/parse';
import { laterCopies, laterRequestCount } from '../../shared/edit/history-edit';
import { applyIntent, type EditIntent } from '../../shared/edit/structured-edit';
import { lintCassette } from '../../shared/lint';
import { analyzeCassette } from '../../shared/llm/analyze';
import { utf8Encode } from '../../shared/util/bytes';
import { corpusDir as corpus, corpusExists, indexedCorpusFiles } from './corpus-files';

const exists = corpusExists('INDEX.tsv');

const MAX_BYTES = 400_000;
const REFERENCE = 'go-vcr/fantasy/_history/ad6c0291c3d423f8a531d2d4f7b5a7af0b3d8018/providertests/testdata/TestOpenRouterWithUniqueToolCallIDs/stream_unique_tool_call_ids.yaml';

const files = () => indexedCorpusFiles(MAX_BYTES);

const analyse = (text: string) => analyzeCassette(parseCassette({ path: 'x.yaml', bytes: utf8Encode(text) }));
const stale = (text: string, f: string) => lintCassette(text, f).filter((x) => x.code === 'history/stale-copy');

describe.skipIf(!exists)('history copies on the corpus', () => {
  it('recordings agree with themselves; edits reach every later copy', () => {
    const edited = new Set<string>();
    let copies = 0;
    const wrong: string[] = [];
    for (const f of files()) {
      const text = readFileSync(resolve(corpus, f), 'utf8');
      if (stale(text, f).length > 0) wrong.push(`${f}: flagged as recorded`);
      const a = analyse(text);
      const lookup = (i: number) => a.interactions[i] ?? null;
      for (const ia of a.interactions) {
        const msg = ia.message;
        if (!msg) continue;
        const intents: EditIntent[] = [];
        if (msg.toolCalls.length > 0) intents.push({ kind: 'tool-args', interaction: ia.index, slot: msg.toolCalls[0].slot, args: '{"edited":1}' });
        if (msg.text.trim() !== '') intents.push({ kind: 'response-text', interaction: ia.index, text: 'Edited by the history suite.' });
        for (const intent of intents) {
          if (intent.kind !== 'tool-args' && intent.kind !== 'response-text') continue;
          const later = laterRequestCount(laterCopies(text, intent, lookup));
          if (later === 0) continue;
          const r = applyIntent(text, intent, lookup);
          if (!r.ok) continue; // refused for the response itself (see editor-dialects): nothing written
          edited.add(f);
          copies += later;
          if (stale(r.text, f).length > 0) wrong.push(`${f}#${ia.index} ${intent.kind}: copies left stale`);
          const alone = applyIntent(text, { ...intent, history: false }, lookup);
          const flagged = alone.ok ? new Set(stale(alone.text, f).map((x) => x.interaction)).size : -1;
          if (flagged !== later) wrong.push(`${f}#${ia.index} ${intent.kind}: ${later} later copies, ${flagged} flagged without them`);
        }
      }
    }
    console.log(`history copies: ${edited.size} files edited, ${copies} later requests updated`);
    expect(wrong).toEqual([]);
    expect(edited.has(REFERENCE)).toBe(true);
    expect(edited.size).toBeGreaterThan(20);
  });
});
