/**
 * Structured edits from the views on real recordings: for every streamed or JSON LLM response
 * in the corpus (first interactions of each file), "edit arguments" and "edit text" must either
 * be refused with a reason or produce a cassette that re-analyses to exactly the new value; a
 * one-word fix of a streamed text changes only the few events that hold the word.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../shared/cassette/parse';
import { analyzeCassette } from '../../shared/llm/analyze';
import { utf8Encode } from '../../shared/util/bytes';
import { corpusDir as corpus, corpusExists, indexedCorpusFiles } from './corpus-files';
import { applyIntent } from '../../shared/edit/structured-edit';
import type { EditIntent } from '../../shared/edit/structured-edit';

const exists = corpusExists('INDEX.tsv');

const MAX_BYTES = 400_000;
const MAX_PER_FILE = 3;

const files = () => indexedCorpusFiles(MAX_BYTES);

const load = (text: string) => analyzeCassette(parseCassette({ path: 'x.yaml', bytes: utf8Encode(text) }));

describe.skipIf(!exists)('view edits on the corpus', () => {
  it('every accepted edit re-analyses to the new value', () => {
    const tally: Record<string, number> = {};
    const wrong: string[] = [];
    const bump = (k: string) => (tally[k] = (tally[k] ?? 0) + 1);
    for (const f of files()) {
      const text = readFileSync(resolve(corpus, f), 'utf8');
      const a = load(text);
      let n = 0;
      for (const ia of a.interactions) {
        if (!ia.message || n >= MAX_PER_FILE) continue;
        n++;
        const tries: { intent: EditIntent; check: (t: string) => boolean; what: string }[] = [];
        if (ia.message.toolCalls.length) {
          tries.push({
            what: 'args',
            intent: { kind: 'tool-args', interaction: ia.index, slot: 0, args: '{"edited": 1}' },
            check: (t) => {
              const s = load(t).interactions[ia.index].message?.toolCalls[0]?.arguments ?? '';
              try {
                return JSON.stringify(JSON.parse(s)) === '{"edited":1}';
              } catch {
                return false;
              }
            },
          });
        }
        if (ia.message.text) {
          tries.push({ what: 'text', intent: { kind: 'response-text', interaction: ia.index, text: 'EDITED ✓ "q"\nline 2' }, check: (t) => load(t).interactions[ia.index].message?.text === 'EDITED ✓ "q"\nline 2' });
        }
        // A one-word fix in a stream rewrites the events that hold the word (a word can span two)
        // and the whole copies (Responses: four), never the whole stream.
        const last = ia.streaming ? /[A-Za-z]{3,}(?=[^A-Za-z]*$)/.exec(ia.message.text) : null;
        if (last && ia.stream) {
          const fixed = ia.message.text.slice(0, last.index) + last[0] + 'x' + ia.message.text.slice(last.index + last[0].length);
          const before = ia.stream.events.map((e) => e.data);
          tries.push({
            what: 'one-word fix',
            intent: { kind: 'response-text', interaction: ia.index, text: fixed },
            check: (t) => {
              const after = load(t).interactions[ia.index];
              const events = after.stream?.events ?? [];
              const changed = events.filter((e, k) => e.data !== before[k]).length;
              bump(`${ia.dialect}/stream/one-word fix changed ${Math.min(changed, 7)}${changed > 6 ? '+' : ''} event(s)`);
              return after.message?.text === fixed && events.length === before.length && changed <= 6;
            },
          });
        }
        for (const t of tries) {
          const key = `${ia.dialect}/${ia.streaming ? 'stream' : 'json'}/${t.what}`;
          const r = applyIntent(text, t.intent, (i) => a.interactions[i] ?? null);
          if (!r.ok) bump(`${key} refused: ${r.error.slice(0, 60)}`);
          else if (t.check(r.text)) bump(`${key} ok`);
          else {
            bump(`${key} WRONG`);
            wrong.push(`${f} #${ia.index} ${t.what}`);
          }
        }
      }
    }
    console.log(Object.entries(tally).sort().map(([k, v]) => `${v}\t${k}`).join('\n'));
    expect(wrong).toEqual([]);
  });
});
