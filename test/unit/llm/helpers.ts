import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import type { Assembler } from '../../../shared/llm/dialects';
import type { AssembledMessage, StreamEvent } from '../../../shared/model/llm';

/** Builds framed events from JSON payloads (strings are passed as raw data, e.g. `[DONE]`). */
export function evs(items: (unknown | string)[], event?: string): StreamEvent[] {
  return items.map((x, index) => {
    const data = typeof x === 'string' ? x : JSON.stringify(x);
    const ev: StreamEvent = { index, offset: 0, length: data.length, data };
    if (typeof x !== 'string') ev.json = x;
    if (event) ev.event = event;
    return ev;
  });
}

export function run(a: Assembler, events: StreamEvent[]): AssembledMessage {
  for (const e of events) a.step(e);
  return a.snapshot();
}

export const chunk = (delta: object, extra: object = {}) => ({ id: 'c1', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta, finish_reason: null }], ...extra });
export const tc = (t: object) => chunk({ tool_calls: [t] });

export const dialectFixtureDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/dialects');

/** Parses and analyses test/fixtures/dialects/<name>.yaml. */
export function loadDialectFixture(name: string) {
  const c = parseCassette({ path: `test/fixtures/dialects/${name}.yaml`, bytes: readFileSync(path.join(dialectFixtureDir, `${name}.yaml`)) });
  return { c, a: analyzeCassette(c) };
}
