import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';

const URL_ = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent';
const interaction = (id: number, req: unknown, res: unknown) => ({
  id,
  request: { body: JSON.stringify(req), headers: { 'Content-Type': ['application/json'] }, url: URL_, method: 'POST' },
  response: { body: JSON.stringify(res), headers: { 'Content-Type': ['application/json'] }, status: '200 OK', code: 200, duration: '1s' },
});

describe('Gemini tool results link to their calls', () => {
  // Gemini calls carry no ids, so the link is by shape: the next request echoes the call
  // (possibly with reordered argument keys, possibly in the Python SDK's snake_case).
  for (const style of ['camelCase', 'snake_case'] as const) {
    it(`links results sent back in ${style} with reordered argument keys`, () => {
      const call = { name: 'add', args: { a: 2, b: 3 } };
      const echoed = { name: 'add', args: { b: 3, a: 2 } };
      const fc = style === 'camelCase' ? 'functionCall' : 'function_call';
      const fr = style === 'camelCase' ? 'functionResponse' : 'function_response';
      const yaml = stringify({
        version: 2,
        interactions: [
          interaction(0, { contents: [{ role: 'user', parts: [{ text: 'add 2 and 3' }] }] }, { candidates: [{ content: { role: 'model', parts: [{ functionCall: call }] }, finishReason: 'STOP' }] }),
          interaction(
            1,
            {
              contents: [
                { role: 'user', parts: [{ text: 'add 2 and 3' }] },
                { role: 'model', parts: [{ [fc]: echoed }] },
                { role: 'user', parts: [{ [fr]: { name: 'add', response: { result: 5 } } }] },
              ],
            },
            { candidates: [{ content: { role: 'model', parts: [{ text: '5' }] }, finishReason: 'STOP' }] },
          ),
        ],
      });
      const c = parseCassette({ path: 'g.yaml', bytes: new TextEncoder().encode(yaml) });
      const a = analyzeCassette(c);
      expect(a.interactions[1].request?.messages.find((m) => m.role === 'tool')?.name).toBe('add');
      expect(a.links).toHaveLength(1);
      expect(a.links[0]).toMatchObject({ fromInteraction: 0, callSlot: 0, toInteraction: 1 });
    });
  }
});
