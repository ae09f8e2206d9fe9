/**
 * `lint --fix` and view edits over every YAML cassette of the corpus get the fidelity check
 * redaction gets (flow-fidelity.test.ts): the only lines of the file that change are lines
 * holding a changed part of a changed value, and no changed scalar changes its style. Folded
 * single-/double-quoted and plain bodies (Ruby VCR, vcrpy) are the point: a fix that appends
 * `data: [DONE]` or a new response text must not re-flow the body around it.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../shared/cassette/parse';
import { decodeCassetteFile } from '../../shared/edit/cassette-file';
import { applyIntent } from '../../shared/edit/structured-edit';
import type { EditIntent } from '../../shared/edit/structured-edit';
import { applyFixesDetailed, lintCassetteDetailed } from '../../shared/lint/engine';
import { analyzeCassette } from '../../shared/llm/analyze';
import { utf8Encode } from '../../shared/util/bytes';
import { corpusDir, corpusExists, walkCorpus } from './corpus-files';
import { scalarEditProblems } from './fidelity';

const exists = corpusExists();
const MAX_VIEW_BYTES = 400_000;
const MAX_PER_FILE = 3;

function yamlTexts(): { rel: string; text: string; bytes: number }[] {
  const out = [];
  for (const f of walkCorpus(/\.ya?ml(\.gz)?$/)) {
    const d = decodeCassetteFile(f, readFileSync(f));
    if (!('error' in d)) out.push({ rel: path.relative(corpusDir, f), text: d.text, bytes: statSync(f).size });
  }
  return out;
}

describe.skipIf(!exists)('corpus: lint --fix and view edits change only the lines they change', () => {
  const files = exists ? yamlTexts() : [];

  it('lint --fix on every YAML cassette', () => {
    expect(files.length).toBeGreaterThan(300);
    const problems: string[] = [];
    let fixed = 0;
    let applied = 0;
    for (const { rel, text } of files) {
      const r = lintCassetteDetailed(text, rel, {});
      if (!r.findings.some((f) => f.fix)) continue;
      const rep = applyFixesDetailed(text, r.findings);
      if (rep.text === text) continue;
      fixed++;
      applied += rep.applied.length;
      for (const p of scalarEditProblems(text, rep.text)) problems.push(`${rel}: ${p}`);
    }
    console.log(`lint --fix: ${applied} fixes in ${fixed} YAML cassettes, ${problems.length} fidelity problems`);
    expect(problems).toEqual([]);
    // Most corpus files are clean: the fixable ones are few (11 when this was written).
    expect(fixed).toBeGreaterThan(5);
  });

  it('view edits (response text, tool arguments) on every YAML cassette', () => {
    const problems: string[] = [];
    let edits = 0;
    let cassettes = 0;
    for (const { rel, text, bytes } of files) {
      if (bytes > MAX_VIEW_BYTES) continue;
      const a = analyzeCassette(parseCassette({ path: rel, bytes: utf8Encode(text) }));
      const lookup = (i: number) => a.interactions[i] ?? null;
      let n = 0;
      let touched = false;
      for (const ia of a.interactions) {
        if (!ia.message || n >= MAX_PER_FILE) continue;
        n++;
        const intents: EditIntent[] = [];
        if (ia.message.toolCalls.length) intents.push({ kind: 'tool-args', interaction: ia.index, slot: ia.message.toolCalls[0].slot, args: '{"edited": 1}' });
        if (ia.message.text) intents.push({ kind: 'response-text', interaction: ia.index, text: 'EDITED ✓ "q"\nline 2' });
        for (const intent of intents) {
          const r = applyIntent(text, intent, lookup);
          if (!r.ok) continue; // refused with a reason (editor-dialects.test.ts tallies those)
          edits++;
          touched = true;
          for (const p of scalarEditProblems(text, r.text)) problems.push(`${rel} #${ia.index} ${intent.kind}: ${p}`);
        }
      }
      if (touched) cassettes++;
    }
    console.log(`view edits: ${edits} edits in ${cassettes} YAML cassettes, ${problems.length} fidelity problems`);
    expect(problems).toEqual([]);
    expect(edits).toBeGreaterThan(300);
  });
});
