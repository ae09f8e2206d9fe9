/**
 * The index fast path (parseCassetteForIndex) gives the same summary row, fingerprints and
 * recorded content as the full parser on every fixture and sample, and leaves every broken
 * file to the full parser, so its errors (with line and column) are reported as always.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassetteForIndex } from '../../../shared/cassette/parse-index';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';
import { compareFastPath } from './fast-path-compare';
import { literalOf } from '../../../shared/yaml/lazy-literal';
import { indexRowAndDocs } from '../../../shared/workspace/index-row';
import { goVcr } from './helpers';

const repo = path.resolve(__dirname, '../../..');
const CASSETTE = /\.(ya?ml|yml|har|json|yaml\.gz)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && CASSETTE.test(d.name) && !d.name.endsWith('.expected.json'))
    .map((d) => path.join(d.parentPath, d.name));
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('index fast path', () => {
  const all = [...files(path.join(repo, 'test/fixtures')), ...files(path.join(repo, 'app/samples'))];

  it('equals the full parser on every fixture and sample', () => {
    registerNodeCodecs();
    const used: Record<string, number> = {};
    for (const f of all) {
      const c = compareFastPath(path.relative(repo, f), readFileSync(f));
      used[c.path] = (used[c.path] ?? 0) + 1;
      expect(c.fast, f).toEqual(c.full);
    }
    // The fast paths must really be taken, or this test proves nothing.
    expect(used.scan).toBeGreaterThan(10);
    expect(used.json).toBeGreaterThan(0);
  });

  it('leaves broken YAML to the full parser (errors keep their line and column)', () => {
    for (const rel of ['test/fixtures/formats/broken.yaml', 'app/samples/go-vcr/broken.yaml']) {
      const r = parseCassetteForIndex({ path: rel, bytes: readFileSync(path.join(repo, rel)) });
      expect(r.path).toBe('full');
      const err = r.cassette.diagnostics.find((d) => d.severity === 'error');
      expect(err?.line, rel).toBeGreaterThan(0);
    }
  });

  it('reads through the CST path what the line scanner declines', () => {
    // A tab inside a quoted body: the scanner declines any tab, yaml's CST reads it fine.
    const text = goVcr([{ content: 'a\tb' }]).replace('\\t', '\t');
    expect(text).toContain('\t');
    const c = compareFastPath('t.yaml', enc(text));
    expect(c.path).toBe('cst');
    expect(c.fast).toEqual(c.full);
  });

  it('falls back on what the composer rejects but the CST parser accepts', () => {
    const good = goVcr([{ content: 'hi' }]);
    expect(parseCassetteForIndex({ path: 'a.yaml', bytes: enc(good) }).path).toBe('scan');
    const cases = {
      duplicateKey: good.replace('version: 2', 'version: 2\nversion: 2'),
      anchor: good.replace('interactions:', 'interactions: &x'),
      comment: good.replace('version: 2', 'version: 2 # note'),
      tab: good.replace('version: 2', 'version:\t2'),
      folded: good.replace(/body: '(.*)'/, 'body: >\n      $1'),
      unknownTag: good.replace('version: 2', 'version: !!int 2'),
      flow: good.replace('version: 2', 'version: [2]'),
    };
    for (const [name, text] of Object.entries(cases)) {
      expect(text, name).not.toBe(good);
      const r = parseCassetteForIndex({ path: 'a.yaml', bytes: enc(text) });
      expect(r.path, name).toBe('full');
      expect(compareFastPath('a.yaml', enc(text)).fast, name).toEqual(compareFastPath('a.yaml', enc(text)).full);
    }
  });

  it('search documents of big SSE bodies read from the source, without building the text, equal the full parser\'s', () => {
    const line = (i: number) => `data: {"choices":[{"delta":{"content":"w${i} "}}]}`;
    const openai = Array.from({ length: 1500 }, (_, i) => `${line(i)}\n`).join('\n');
    const variants: Record<string, string> = {
      plain: `${openai}\ndata: {"choices":[],"usage":{"prompt_tokens":5,"completion_tokens":1500}}\n\ndata: [DONE]\n`,
      // keep-alive comments, a multi-line data field, event names, an id
      fields: `: keep-alive\n\n${openai}\nevent: message\nid: 7\ndata: {"choices":[{"delta":\ndata: {"content":"split"}}]}\n\ndata: [DONE]\n`,
      // the stream stops mid-event (no closing blank line)
      unterminated: `${openai}\ndata: {"choices":[{"delta":{"content":"last"}}]}`,
    };
    for (const [name, sse] of Object.entries(variants))
      for (const header of ['|', '|-', '|+'])
        for (const blank of ['indented', 'bare'] as const)
          for (const [eof, last] of [['\n', false], ['', false], ['', true]] as const) {
            // Blank lines inside the block: indented like the rest (go-vcr) or empty (vcrpy).
            const lines = sse.split('\n');
            const body = lines.map((l, i) => (l || (blank === 'indented' && i < lines.length - 1) ? `      ${l}` : l)).join('\n');
            // `last`: the body ends the file, without a final line break (yaml then adds one).
            const base = goVcr([{ content: 'x' }]).replace('- application/json\n    status', '- text/event-stream\n    status');
            const text = last
              ? base.replace(/ {4}body: '\{"id".*'\n/, '') + `    body: ${header}\n${body.replace(/\n+$/, '')}`
              : (base.replace(/body: '\{"id".*'/, `body: ${header}\n${body}`) + 'x: y').replace(/\nx: y$/, eof);
            const what = `${name} ${header} ${blank} eof=${JSON.stringify(eof)} last=${last}`;
            expect(text, what).toContain('text/event-stream');
            const bytes = enc(text);
            const parsed = parseCassetteForIndex({ path: 's.yaml', bytes });
            expect(parsed.path, what).toBe('scan');
            const docs = indexRowAndDocs({ rootId: 'r', relPath: 's.yaml' }, { size: 1, mtimeMs: 1 }, parsed, { path: 's.yaml', bytes }, true).docs;
            expect(literalOf(parsed.cassette.interactions[0].response.body)?.resolved, what).toBe(false);
            expect(docs[0].fields.find((f) => f.kind === 'text')?.text, what).toContain('w1499 ');
            expect(docs, what).toEqual(compareFastPath('s.yaml', bytes).full.docs);
          }
  });

  it('resolves big literal SSE bodies like the full parser', () => {
    const events = Array.from({ length: 3000 }, (_, i) => `data: {"choices":[{"delta":{"content":"w${i} "}}]}\n`).join('\n');
    const sse = events + `\ndata: {"choices":[],"usage":{"prompt_tokens":5,"completion_tokens":3000}}\n\ndata: [DONE]\n`;
    const body = sse.split('\n').map((l) => (l ? `      ${l}` : l)).join('\n');
    for (const header of ['|', '|-', '|+']) {
      const text = goVcr([{ content: 'x' }]).replace(/body: '\{"id".*'/, `body: ${header}\n${body}`);
      expect(text).toContain(`body: ${header}\n`);
      const c = compareFastPath('s.yaml', enc(text));
      expect(c.path).toBe('scan');
      expect(c.fast).toEqual(c.full);
    }
  });
});
