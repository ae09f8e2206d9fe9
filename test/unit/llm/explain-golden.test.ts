/**
 * Event explanations on the golden dialect fixtures: every streamed interaction of
 * test/fixtures/dialects/<name>.yaml has its per-event notes in <name>.notes.json.
 * UPDATE_GOLDEN=1 rewrites them (then check by eye). Explaining must not change what is assembled.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAssembler } from '../../../shared/llm/dialects';
import type { Dialect } from '../../../shared/llm/dialects';
import { explainEvents, firstContentEvent, firstContentIndex } from '../../../shared/llm/explain-events';
import { dialectFixtureDir, loadDialectFixture } from './helpers';

const names = readdirSync(dialectFixtureDir).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
const streamed = names.filter((n) => loadDialectFixture(n).a.interactions.some((ia) => ia.stream));

describe('event explanations on the dialect golden fixtures', () => {
  it('covers every streaming dialect', () => {
    const dialects = new Set(streamed.flatMap((n) => loadDialectFixture(n).a.interactions.map((ia) => ia.dialect)));
    for (const d of ['openai-chat', 'openai-responses', 'anthropic', 'gemini', 'ollama', 'bedrock-converse', 'bedrock-invoke', 'cohere']) expect(dialects).toContain(d);
  });
  for (const name of streamed) {
    it(name, () => {
      const { a } = loadDialectFixture(name);
      const actual = a.interactions.filter((ia) => ia.stream).map((ia) => {
        const events = ia.stream!.events;
        const dialect = ia.dialect as Dialect;
        const notes = explainEvents(events, dialect);
        // explain() is step() plus a description: the assembled message must be the same.
        const plain = createAssembler(dialect);
        const explained = createAssembler(dialect);
        for (const e of events) {
          plain.step(e);
          explained.explain(e);
        }
        expect(explained.snapshot()).toEqual(plain.snapshot());
        // The timeline's early-stopping search finds the same first content event.
        expect(firstContentIndex(events, dialect)).toBe(firstContentEvent(notes));
        return notes.map((n) => ({ label: n.label, tags: n.tags, path: n.path }));
      });
      const file = path.join(dialectFixtureDir, `${name}.notes.json`);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, JSON.stringify(actual, null, 1) + '\n');
      expect(existsSync(file)).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
