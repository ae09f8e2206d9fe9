import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAssembler } from '../../../shared/llm/dialects';
import { OpenAiChatAssembler } from '../../../shared/llm/assemblers/openai-chat';
import type { Dialect } from '../../../shared/llm/dialects';
import { createReplay } from '../../../shared/llm/replay';
import { generateOpenAiStream } from '../../../scripts/bench/gen-openai-stream';
import { dialectFixtureDir, loadDialectFixture } from './helpers';

describe('createReplay', () => {
  const events = generateOpenAiStream(5000);

  it('matches a straight assembly at every position, seeking in any order', () => {
    const a = new OpenAiChatAssembler();
    const truth = events.map((e) => {
      a.step(e);
      return a.snapshot();
    });
    const r = createReplay({ events, dialect: 'openai-chat' }, { checkpointEvery: 64 });
    expect(r.length).toBe(events.length);
    expect(r.stateAt(-1)).toMatchObject({ text: '', toolCalls: [] });
    const order = [4999, 0, 1, 2, 3000, 2999, 64, 63, 65, 127, 128, 4000, 10, 4999];
    for (let i = 0; i < 300; i++) order.push((i * 7919) % events.length);
    for (const k of order) expect(r.stateAt(k)).toEqual(truth[k]);
  });

  it('leaves earlier snapshots untouched (persistent state)', () => {
    const r = createReplay({ events, dialect: 'openai-chat' });
    const early = r.stateAt(3600);
    const calls = JSON.stringify(early.toolCalls);
    r.stateAt(4999);
    expect(JSON.stringify(early.toolCalls)).toBe(calls);
  });

  // How fast a seek is, is measured by `npm run bench` (core.seek_p95_ms beside replay from
  // event 0); here: random seeks through the checkpoints land on exactly the right state.
  it('seeks randomly on a 100,000-event stream to the same state as replaying from event 0', () => {
    const big = generateOpenAiStream(100_000);
    const r = createReplay({ events: big, dialect: 'openai-chat' });
    r.stateAt(big.length - 1); // first pass builds the checkpoints, as opening the view does
    const plain = createReplay({ events: big, dialect: 'openai-chat' }, { checkpointEvery: big.length + 1 });
    let seed = 42;
    for (let i = 0; i < 30; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const k = seed % big.length;
      expect(JSON.stringify(r.stateAt(k)), `event ${k}`).toBe(JSON.stringify(plain.stateAt(k)));
    }
    expect(r.stateAt(big.length - 1)).toMatchObject({ done: true, finishReason: 'tool_calls' });
    expect(r.stateAt(big.length - 1).toolCalls).toHaveLength(20);
  });
});

describe('createReplay over the dialect fixtures', () => {
  const names = readdirSync(dialectFixtureDir).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
  for (const name of names) {
    it(`${name}: every step equals a straight assembly, and the end equals the analysis`, () => {
      const { a } = loadDialectFixture(name);
      for (const x of a.interactions) {
        if (!x.stream || !x.dialect || !x.message) continue;
        const events = x.stream.events;
        const straight = createAssembler(x.dialect as Dialect);
        const truth = events.map((e) => {
          straight.step(e);
          return straight.snapshot();
        });
        // Small checkpoints so that seeks cross them and restore clones mid-stream.
        const r = createReplay(x, { checkpointEvery: 3 });
        const order = [events.length - 1, 0, ...events.map((_, k) => (k * 7) % events.length), events.length - 1];
        for (const k of order) expect(r.stateAt(k), `${name} #${x.index} event ${k}`).toEqual(truth[k]);
        expect(r.stateAt(events.length - 1)).toEqual(x.message);
      }
    });
  }

  it('keeps earlier snapshots of citations and built-in tools unchanged while seeking on', () => {
    const x = loadDialectFixture('anthropic-server-tools-stream').a.interactions[0];
    const r = createReplay(x, { checkpointEvery: 4 });
    const early = r.stateAt(12);
    const frozen = JSON.stringify([early.citations, early.builtinTools, early.redactedThinking]);
    r.stateAt(x.stream!.events.length - 1);
    r.stateAt(5);
    expect(JSON.stringify([early.citations, early.builtinTools, early.redactedThinking])).toBe(frozen);
  });
});
