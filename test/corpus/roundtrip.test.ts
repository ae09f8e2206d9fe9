/**
 * Lossless editing on every real cassette: open → serialize is byte-identical, and setting one
 * header value changes only the line(s) of that value while the file still parses to the same
 * interactions (and the same inspect output apart from that value).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../shared/cassette/parse';
import { decodeCassetteFile } from '../../shared/edit/cassette-file';
import { openEditable } from '../../shared/edit/document';
import { allHeaders, editFormatOf, interactionCount, sideRef } from '../../shared/edit/layout';
import { setHeader } from '../../shared/edit/ops';
import { scalarText } from '../../shared/yaml/nodes';
import { inspectJson } from '../../shared/inspect/inspect-json';
import { analyzeCassette } from '../../shared/llm/analyze';
import { utf8Encode } from '../../shared/util/bytes';
import { redactText } from '../../shared/redact/redact';

import { corpusDir as corpus, corpusExists, walkCorpus } from './corpus-files';

const exists = corpusExists();
const walk = () => walkCorpus(/\.(ya?ml|har|ya?ml\.gz)$/);

const SKIP_HEADERS = /^(content-type|content-encoding|content-length|transfer-encoding)$/i;

describe.skipIf(!exists)('corpus: lossless round trip and one-value edits', () => {
  const files = exists ? walk() : [];

  it('finds the corpus files', () => {
    expect(files.length).toBeGreaterThan(380);
  });

  it('every file serializes back byte-identical', () => {
    const bad: string[] = [];
    for (const f of files) {
      const d = decodeCassetteFile(f, readFileSync(f));
      if ('error' in d) bad.push(f);
      else if (openEditable(d.text).toString() !== d.text) bad.push(f);
    }
    expect(bad).toEqual([]);
  });

  it('setting one header value changes only its line and keeps the cassette readable', () => {
    const problems: string[] = [];
    let edited = 0;
    let inspected = 0;
    for (const f of files) {
      const rel = path.relative(corpus, f);
      const d = decodeCassetteFile(f, readFileSync(f));
      if ('error' in d) continue;
      const ed = openEditable(d.text);
      const fmt = editFormatOf(ed.doc);
      if (!fmt || !ed.doc || interactionCount(ed.doc, fmt) === 0) continue;
      let target: { side: 'request' | 'response'; name: string; occurrence: number; old: string } | null = null;
      for (const side of ['request', 'response'] as const) {
        const ref = sideRef(ed.doc, fmt, 0, side);
        if (typeof ref === 'string') continue;
        const hs = allHeaders(ref);
        const h = hs.find((x) => !SKIP_HEADERS.test(x.name));
        if (h) {
          const same = hs.filter((x) => x.name.toLowerCase() === h.name.toLowerCase());
          target = { side, name: h.name, occurrence: same.indexOf(h), old: scalarText(h.node) ?? '' };
          break;
        }
      }
      if (!target) continue;
      const value = 'TAPEDECK-EDITED-VALUE';
      const r = setHeader(ed, { interaction: 0, side: target.side, name: target.name, value, occurrence: target.occurrence });
      if (!r.ok) {
        problems.push(`${rel}: ${r.error}`);
        continue;
      }
      edited++;
      const a = d.text.split('\n');
      const b = r.text.split('\n');
      const ch = r.changes;
      if (ch.length !== 1) {
        problems.push(`${rel}: ${ch.length} changes`);
        continue;
      }
      // Every line before and after the edited value's lines is identical (a multi-line
      // !!binary header value may shrink to one line, so compare the tail from the end).
      const { from, to } = ch[0].oldLines;
      const tail = a.length - to;
      if (a.slice(0, from - 1).join('\n') !== b.slice(0, from - 1).join('\n') || a.slice(to).join('\n') !== b.slice(b.length - tail).join('\n'))
        problems.push(`${rel}: lines changed outside the edited value`);
      if (to - from > 0 && a.length === b.length && a.filter((l, i) => l !== b[i]).length > to - from + 1) problems.push(`${rel}: too many lines changed`);
      if (!a.slice(from - 1, to).join('\n').includes(target.old.split('\n')[0].slice(0, 10))) problems.push(`${rel}: the changed lines do not hold the old value`);
      const before = parseCassette({ path: rel, bytes: utf8Encode(d.text) });
      const after = parseCassette({ path: rel, bytes: utf8Encode(r.text) });
      if (after.interactions.length !== before.interactions.length) problems.push(`${rel}: interaction count changed`);
      const errs = (c: typeof before) => c.diagnostics.filter((x) => x.severity === 'error').length;
      if (errs(after) > errs(before)) problems.push(`${rel}: new error diagnostics`);
      const hv = after.interactions[0]?.[target.side].headers.filter((h) => h.name.toLowerCase() === target!.name.toLowerCase());
      const hb = before.interactions[0]?.[target.side].headers.filter((h) => h.name.toLowerCase() === target!.name.toLowerCase());
      if (hv && hb?.[target.occurrence] && hv[target.occurrence]?.value !== value) problems.push(`${rel}: parsed header value is ${hv[target.occurrence]?.value}`);
      // inspect output: identical once the old value is swapped for the new one.
      try {
        const ib = JSON.stringify(inspectJson(before, analyzeCassette(before)));
        const ia = JSON.stringify(inspectJson(after, analyzeCassette(after)));
        const oldJson = JSON.stringify(target.old).slice(1, -1);
        if (ia !== ib && ia !== ib.split(oldJson).join(value)) problems.push(`${rel}: inspect output differs beyond the value`);
        inspected++;
      } catch (e) {
        problems.push(`${rel}: inspect threw ${(e as Error).message}`);
      }
    }
    console.log(`edited ${edited} files, compared inspect output for ${inspected}`);
    expect(problems).toEqual([]);
    expect(edited).toBeGreaterThan(370);
  });

  it('redacting the whole corpus keeps every file readable and is idempotent', () => {
    const problems: string[] = [];
    let changed = 0;
    let findings = 0;
    for (const f of files) {
      const rel = path.relative(corpus, f);
      const d = decodeCassetteFile(f, readFileSync(f));
      if ('error' in d) continue;
      const r = redactText(d.text);
      if (r.error) {
        if (editFormatOf(openEditable(d.text).doc)) problems.push(`${rel}: ${r.error}`);
        continue;
      }
      if (r.text === d.text) continue;
      changed++;
      findings += r.findings.length;
      const before = parseCassette({ path: rel, bytes: utf8Encode(d.text) });
      const after = parseCassette({ path: rel, bytes: utf8Encode(r.text) });
      if (after.interactions.length !== before.interactions.length) problems.push(`${rel}: interaction count changed`);
      const errs = (c: typeof before) => c.diagnostics.filter((x) => x.severity === 'error').length;
      if (errs(after) > errs(before)) problems.push(`${rel}: new error diagnostics`);
      if (redactText(r.text).text !== r.text) problems.push(`${rel}: a second redaction changed the file again`);
    }
    console.log(`redaction changed ${changed} corpus files (${findings} findings)`);
    expect(problems).toEqual([]);
  });
});
