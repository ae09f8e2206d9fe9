import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';

function cassette(responseHeaders: Record<string, string[]>) {
  const yaml = stringify({
    version: 2,
    interactions: [
      {
        id: 0,
        request: { body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }), headers: {}, url: 'https://api.openai.com/v1/chat/completions', method: 'POST' },
        response: {
          body: JSON.stringify({ id: 'x', object: 'chat.completion', model: 'gpt-4o-mini', choices: [{ index: 0, message: { role: 'assistant', content: 'hello' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1100 } }),
          headers: { 'Content-Type': ['application/json'], ...responseHeaders },
          status: '200 OK',
          code: 200,
        },
      },
    ],
  });
  return analyzeCassette(parseCassette({ path: 'c.yaml', bytes: new TextEncoder().encode(yaml) }));
}

describe('estimated cost is priced at the recording date', () => {
  it("uses the response's Date header when the format records no timestamp (go-vcr)", () => {
    const a = cassette({ Date: ['Tue, 03 Jun 2025 10:00:00 GMT'] });
    expect(a.interactions[0].cost.priceDate).toBe('2025-06-03');
    expect(a.interactions[0].cost.estimatedUsd).toBeGreaterThan(0);
  });

  it('falls back to current prices, and says so by date, when nothing dates the recording', () => {
    const a = cassette({});
    expect(a.interactions[0].cost.priceDate).toBe(new Date().toISOString().slice(0, 10));
  });
});
