import type { Assembler } from '../../../shared/llm/assemblers/index';
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
