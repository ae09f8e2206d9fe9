/**
 * Redaction fidelity over every YAML cassette of the corpus: for every interaction body, one
 * word of it is redacted in the whole file (a --pattern rule, same-length replacement; words
 * of one length are redacted together). The
 * file must keep its line count and change only lines that hold the word (binary blocks are
 * re-encoded whole and set aside), and it must assemble to the same messages with the word
 * replaced. Folded single-/double-quoted and plain bodies (Ruby VCR, vcrpy) are the point.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCassetteFile } from '../../shared/edit/cassette-file';
import { openEditable } from '../../shared/edit/document';
import type { EditableDoc } from '../../shared/edit/document';
import { editFormatOf, interactionCount } from '../../shared/edit/layout';
import type { EditFormat } from '../../shared/edit/layout';
import { getBodyText } from '../../shared/edit/ops';
import { redactText } from '../../shared/redact/redact';
import { isPlaceholder } from '../../shared/redact/rules';
import { corpusDir as corpus, corpusExists, walkCorpus } from './corpus-files';
import { lineProblems, maskedLines, messagesJson } from './fidelity';

const exists = corpusExists();

/**
 * A word from the middle of the body (so a folded body is edited away from its ends) that is
 * text, not structure: no JSON key, SSE field or literal, not the tail of an escape (`\n`), and
 * nothing the redactor takes for a placeholder already (`example`).
 */
function wordOf(body: string): string | null {
  const words = (body.match(/(?<![A-Za-z0-9_\\])[A-Za-z]{5,}(?![A-Za-z0-9_])/g) ?? []).filter(
    (w) => !/^(true|false|null)$/.test(w) && !isPlaceholder(w) && !new RegExp(`"${w}"\\s*:|^${w}:|[{,]\\s*${w}\\s*:`, 'm').test(body),
  );
  return words.length ? words[words.length >> 1] : null;
}

/** Every body's text (null when it is not text), interaction by interaction. */
function bodyTexts(ed: EditableDoc, fmt: EditFormat): (string | null)[] {
  const out: (string | null)[] = [];
  for (let i = 0; i < interactionCount(ed.doc!, fmt); i++) {
    for (const side of ['request', 'response'] as const) {
      const b = getBodyText(ed, { interaction: i, side });
      out.push(typeof b === 'string' ? b : null);
    }
  }
  return out;
}

describe.skipIf(!exists)('corpus: redacting one word changes only the lines that hold it', () => {
  it('every YAML cassette, every interaction body', () => {
    const files = walkCorpus(/\.ya?ml(\.gz)?$/);
    expect(files.length).toBeGreaterThan(300);
    const problems: string[] = [];
    let edits = 0;
    let cassettes = 0;
    for (const f of files) {
      const rel = path.relative(corpus, f);
      const d = decodeCassetteFile(rel, readFileSync(f));
      if ('error' in d) continue;
      const ed = openEditable(d.text);
      const fmt = editFormatOf(ed.doc);
      if (!fmt || !ed.doc || ed.errors.length > 0) continue;
      cassettes++;
      const words = new Set<string>();
      for (const body of bodyTexts(ed, fmt)) {
        const w = body === null ? null : wordOf(body);
        if (w) words.add(w);
      }
      // The redactor always redacts a few things (a go-vcr form value under `key`): compare
      // with the file those alone give.
      const base = redactText(d.text, { headers: [], patterns: [], replacement: 'REDACTED' });
      if (base.error) {
        problems.push(`${rel}: ${base.error}`);
        continue;
      }
      const baseEd = openEditable(base.text);
      const bodies = bodyTexts(baseEd, fmt);
      const baseLines = maskedLines(base.text);
      const msgs = messagesJson(rel, base.text);
      // A word in no message (not even split over stream events) and in no identifier-like
      // position (`"type":"word"`, `response.word`) must leave the messages alone; the others
      // are covered by the body check.
      const keepsMessages = (w: string) => !msgs.includes(w) && !bodies.some((b) => b !== null && new RegExp(`["'.:/-]${w}|${w}["'.:/-]`).test(b));
      // One redaction per group of same-length words that agree on the message check: every
      // replacement keeps its word's length (so fold points stay put), and a big file with many
      // bodies is rewritten a few times rather than once per word.
      const groups = new Map<string, string[]>();
      for (const w of words) {
        const k = `${w.length}:${keepsMessages(w)}`;
        groups.set(k, [...(groups.get(k) ?? []), w]);
      }
      for (const [key, group] of groups) {
        const label = `${rel} (${group.join(', ')})`;
        const re = () => new RegExp(`(?<![A-Za-z0-9_])(?:${group.join('|')})(?![A-Za-z0-9_])`, 'g');
        const replacement = 'Q'.repeat(group[0].length);
        const r = redactText(base.text, { headers: [], patterns: [{ id: 'word', pattern: re(), where: ['header', 'url', 'body'] }], replacement });
        if (r.error) {
          problems.push(`${label}: ${r.error}`);
          continue;
        }
        edits += group.length;
        const has = (s: string) => group.some((w) => s.includes(w));
        const touches = (line: string, prev: string, next: string) => has(line) || has((prev + line).replace(/\\\s*/g, '')) || has((line + next).replace(/\\\s*/g, ''));
        for (const p of lineProblems(baseLines, r.text, touches)) problems.push(`${label}: ${p}`);
        const want = bodies.map((b) => (b === null ? null : b.replace(re(), replacement)));
        if (JSON.stringify(bodyTexts(openEditable(r.text), fmt)) !== JSON.stringify(want)) problems.push(`${label}: a body does not read back as redacted`);
        if (key.endsWith(':true') && messagesJson(rel, r.text) !== msgs) problems.push(`${label}: assembled messages differ`);
      }
    }
    console.log(`redacted ${edits} words in ${cassettes} YAML cassettes`);
    expect(problems).toEqual([]);
    expect(edits).toBeGreaterThan(300);
  });
});
