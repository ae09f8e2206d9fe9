/** Timing per interaction: HAR/Polly phases on our own fixture, duration-only go-vcr, and the density strip. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import type { Dialect } from '../../../shared/llm/dialects';
import { explainEvents, firstContentEvent } from '../../../shared/llm/explain-events';
import { densityBins, interactionTiming } from '../../../shared/llm/timing';
import { dialectFixtureDir, loadDialectFixture } from './helpers';

function timingsOf(c: ReturnType<typeof parseCassette>) {
  const a = analyzeCassette(c);
  return c.interactions.map((it, i) => {
    const ia = a.interactions[i];
    const events = ia.stream?.events;
    return interactionTiming(it, {
      outputTokens: ia.usage?.outputTokens ?? null,
      events,
      firstContent: events ? firstContentEvent(explainEvents(events, ia.dialect as Dialect)) : null,
      bodyLength: it.response.body.bytes.length,
    });
  });
}

describe('interactionTiming', () => {
  const file = path.resolve(dialectFixtureDir, '../timing/polly-timings.har');
  const c = parseCassette({ path: 'test/fixtures/timing/polly-timings.har', bytes: readFileSync(file) });

  it('reads HAR timings: -1 phases are absent, not negative', () => {
    expect(c.interactions[0].timings).toEqual({ blocked: 10, dns: null, connect: 30, send: 2, wait: 358, receive: 800 });
    expect(c.interactions[0].durationMs).toBe(1200);
  });

  it('HAR stream: first byte exact, first token by byte offset in the receive phase, tokens/s while streaming', () => {
    const [stream, json] = timingsOf(c);
    const events = analyzeCassette(c).interactions[0].stream!.events;
    // Event 0 is a role-only chunk; event 1 carries the first text.
    const expectedFirstToken = 400 + (800 * events[1].offset) / c.interactions[0].response.body.bytes.length;
    expect(stream).toEqual({ basis: 'phases', totalMs: 1200, firstByteMs: 400, firstTokenMs: expectedFirstToken, outputTokensPerSec: 50, throughputOver: 'receive' });
    expect(stream.firstTokenMs!).toBeGreaterThan(400);
    // Not streamed: the whole reply arrives with the first byte; throughput over the whole duration.
    expect(json).toEqual({ basis: 'phases', totalMs: 500, firstByteMs: 500, firstTokenMs: 500, outputTokensPerSec: 10, throughputOver: 'duration' });
  });

  it('go-vcr keeps only a duration: no first byte or token, throughput over the duration', () => {
    const { c: g } = loadDialectFixture('openai-chat-stream');
    const [t] = timingsOf(g);
    expect(t.basis).toBe('duration');
    expect(t.totalMs).toBe(1500);
    expect(t.firstByteMs).toBeNull();
    expect(t.firstTokenMs).toBeNull();
    expect(t.outputTokensPerSec).toBeCloseTo(20, 5); // 30 tokens over 1.5 s
    expect(t.throughputOver).toBe('duration');
  });

  it('nothing recorded: nothing claimed', () => {
    const it0 = { ...c.interactions[0], durationMs: null, timings: undefined };
    expect(interactionTiming(it0, { outputTokens: 5, bodyLength: 10 })).toMatchObject({ basis: 'none', outputTokensPerSec: null });
  });
});

describe('densityBins', () => {
  it('counts events per stretch of the body, busiest = 1', () => {
    const ev = (offset: number) => ({ index: 0, offset, length: 1, data: '' });
    expect(densityBins([ev(0), ev(1), ev(2), ev(90)], 100, 4)).toEqual([1, 0, 0, 1 / 3]);
    expect(densityBins([], 100, 3)).toEqual([0, 0, 0]);
  });
});
