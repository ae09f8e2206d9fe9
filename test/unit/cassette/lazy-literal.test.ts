/**
 * Big literal bodies the index leaves unresolved (shared/yaml/lazy-literal.ts): they read back as the same
 * text, their two ends cut the same summary stream, their fingerprints still tell content
 * apart, and indexing never builds their whole text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scalar, YAMLMap } from 'yaml';
import { LiteralText, literalOf } from '../../../shared/yaml/lazy-literal';
import { scanRoot } from '../../../shared/cassette/line-scan';
import { parseCassetteForIndex } from '../../../shared/cassette/parse-index';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { interactionFingerprints, summarizeCassette } from '../../../shared/workspace/summarize';
import { trimStreamsForSummary } from '../../../shared/workspace/trim-streams';
import { goVcr } from '../workspace/helpers';

const enc = (s: string) => new TextEncoder().encode(s);

/**
 * The `body` value of a one-key document, scanned lazily (from 0 characters) and eagerly;
 * null when the scanner leaves the document to yaml (trailing spaces and the like).
 */
function both(doc: string): { lazy: unknown; eager: unknown } | null {
  const value = (root: ReturnType<typeof scanRoot>) => ((root as YAMLMap).items[0].value as Scalar).value;
  const lazy = scanRoot(doc, { lazyBodies: true, lazyMin: 0 });
  const eager = scanRoot(doc);
  expect(lazy === null).toBe(eager === null);
  return lazy && eager ? { lazy: value(lazy), eager: value(eager) } : null;
}

const line = fc.oneof(fc.constantFrom('', 'data: {"a":1}', 'event: x', '  extra indented', 'x: y', '[DONE]'), fc.stringMatching(/^[a-z{}":,][a-z {}":,]{0,28}[a-z{}":,]$/));

describe('LiteralText', () => {
  it('reads back exactly as the eager scanner (and yaml) resolve the block', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), fc.constantFrom('|', '|-', '|+'), fc.constantFrom('', '\n', '\n\n', '\nnext: 1\n'), (lines, header, after) => {
        if (lines[0] === '' || lines[0].startsWith(' ')) lines[0] = 'first';
        while (lines[lines.length - 1] === '') lines.pop();
        const doc = `body: ${header}\n${lines.map((l) => (l ? `    ${l}` : '')).join('\n')}${after}`;
        const r = both(doc);
        fc.pre(r !== null);
        const { lazy, eager } = r!;
        expect(lazy).toBeInstanceOf(LiteralText);
        expect((lazy as LiteralText).text()).toBe(eager);
      }),
      { numRuns: 300 },
    );
  });

  it('gives ends that are a prefix and a suffix of its text, on line boundaries', () => {
    const partial = { head: 0, tail: 0 };
    fc.assert(
      fc.property(fc.array(line, { minLength: 150, maxLength: 400 }), fc.integer({ min: 1, max: 900 }), (lines, n) => {
        if (lines[0] === '' || lines[0].startsWith(' ')) lines[0] = 'first';
        const doc = `body: |\n${lines.map((l) => (l ? `      ${l}` : '')).join('\n')}\n`;
        const r = both(doc);
        fc.pre(r !== null);
        const lit = r!.lazy as LiteralText;
        const text = lit.text();
        const head = lit.head(n).text;
        const tail = lit.tail(n).text;
        expect(text.startsWith(head)).toBe(true);
        expect(text.endsWith(tail)).toBe(true);
        expect(head.length >= n || head === text).toBe(true);
        expect(tail.length >= n || tail === text).toBe(true);
        if (head !== text) expect(text[head.length]).toBe('\n');
        if (tail !== text) expect(tail[0]).toBe('\n');
        partial.head += head === text ? 0 : 1;
        partial.tail += tail === text ? 0 : 1;
      }),
      { numRuns: 300 },
    );
    // Most runs must cut both ends short of the whole text, or this proves little.
    expect(partial.head).toBeGreaterThan(150);
    expect(partial.tail).toBeGreaterThan(150);
  });
});

function stream(events: number, usage: number, midError = false): string {
  const out: string[] = [];
  for (let i = 0; i < events; i++) {
    const data = midError && i === Math.floor(events / 2) ? '{"error":{"message":"boom"}}' : JSON.stringify({ id: 'c', model: 'gpt-4o-mini', choices: [{ index: 0, delta: { content: `w${i} ` } }] });
    out.push(`data: ${data}\n`);
  }
  out.push(`data: ${JSON.stringify({ id: 'c', model: 'gpt-4o-mini', choices: [], usage: { prompt_tokens: 7, completion_tokens: usage, total_tokens: 7 + usage } })}\n`, 'data: [DONE]\n');
  return out.join('\n');
}

function cassette(body: string, header = '|'): string {
  const indented = body.split('\n').map((l) => (l ? `      ${l}` : l)).join('\n');
  return goVcr([{ content: 'x' }]).replace(/body: '\{"id".*'/, `body: ${header}\n${indented}`).replace('application/json', 'text/event-stream');
}

const ref = { rootId: 'r', relPath: 'c.yaml' };
const stat = { size: 1, mtimeMs: 1 };

describe('a big literal stream body in the index', () => {
  it('is cut to the same two ends as its resolved text, and never resolved', () => {
    for (const events of [40, 900, 4000]) {
      for (const header of ['|', '|-', '|+']) {
        const text = cassette(stream(events, events), header);
        const lazy = parseCassetteForIndex({ path: 'c.yaml', bytes: enc(text) }).cassette;
        const eager = parseCassetteForIndex({ path: 'c.yaml', bytes: enc(text), lazyBodies: false }).cassette;
        const lit = literalOf(lazy.interactions[0].response.body);
        expect(lit !== undefined, `${events} ${header}`).toBe(text.length > 64 * 1024);
        const cutLazy = trimStreamsForSummary(lazy, 2048, 512);
        const cutEager = trimStreamsForSummary(eager, 2048, 512);
        expect(cutLazy.trimmed).toEqual(cutEager.trimmed);
        expect(cutLazy.cassette.interactions[0].response.body.text).toBe(cutEager.cassette.interactions[0].response.body.text);
        // The row as the engine builds it, without ever building the stream's text.
        const row = summarizeCassette(ref, stat, lazy, analyzeCassette(trimStreamsForSummary(lazy).cassette));
        interactionFingerprints(lazy);
        expect(row.outputTokens).toBe(events);
        if (lit) expect(lit.resolved).toBe(false);
      }
    }
  });

  it('has fingerprints that tell a changed event apart and stay put when nothing changed', () => {
    const fp = (text: string) => interactionFingerprints(parseCassetteForIndex({ path: 'c.yaml', bytes: enc(text) }).cassette);
    const base = cassette(stream(4000, 4000));
    expect(literalOf(parseCassetteForIndex({ path: 'c.yaml', bytes: enc(base) }).cassette.interactions[0].response.body)).toBeDefined();
    expect(fp(base)).toEqual(fp(base));
    expect(fp(cassette(stream(4000, 4000, true)))).not.toEqual(fp(base));
    expect(fp(cassette(stream(4000, 4000), '|+'))).not.toEqual(fp(base));
  });
});
