import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { utf8Encode } from '../../../shared/util/bytes';
import { summarizeCassette } from '../../../shared/workspace/summarize';
import { trimStreamsForSummary } from '../../../shared/workspace/trim-streams';

/** A go-vcr cassette with one OpenAI chat SSE stream of `chunks` events plus a usage event. */
function streamCassette(chunks: number, crlf = false): string {
  const nl = crlf ? '\r\n' : '\n';
  const ev = (o: unknown) => `data: ${JSON.stringify(o)}${nl}${nl}`;
  let body = '';
  for (let i = 0; i < chunks; i++)
    body += ev({ id: 'c1', object: 'chat.completion.chunk', model: 'gpt-4o-mini-2024-07-18', choices: [{ index: 0, delta: { content: `w${i} ` }, finish_reason: null }] });
  body += ev({ id: 'c1', object: 'chat.completion.chunk', model: 'gpt-4o-mini-2024-07-18', choices: [], usage: { prompt_tokens: 42, completion_tokens: chunks, total_tokens: 42 + chunks } });
  body += `data: [DONE]${nl}${nl}`;
  const req = JSON.stringify({ model: 'gpt-4o-mini', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'hi' }] });
  return `---
version: 2
interactions:
- id: 0
  request:
    body: '${req}'
    headers:
      Content-Type:
      - application/json
    url: https://api.openai.com/v1/chat/completions
    method: POST
  response:
    body: ${JSON.stringify(body)}
    headers:
      Content-Type:
      - text/event-stream
    status: 200 OK
    code: 200
`;
}

const ref = { rootId: 'r', relPath: 's.yaml' };
const stat = { size: 1, mtimeMs: 1 };

describe('trimStreamsForSummary', () => {
  it.each([false, true])('cuts a big SSE body on event boundaries and keeps the summary (crlf=%s)', (crlf) => {
    const c = parseCassette({ path: 's.yaml', bytes: utf8Encode(streamCassette(3000, crlf)) });
    const { cassette, trimmed } = trimStreamsForSummary(c, 8192, 2048);
    expect(trimmed).toEqual([0]);
    const text = cassette.interactions[0].response.body.text!;
    expect(text.length).toBeLessThan(16_000);
    expect(text.startsWith('data: {')).toBe(true);
    expect(text.split(crlf ? '\r\n\r\n' : '\n\n').every((e) => e === '' || e.startsWith('data: '))).toBe(true);
    const full = summarizeCassette(ref, stat, c, analyzeCassette(c));
    const fast = summarizeCassette(ref, stat, c, analyzeCassette(cassette));
    expect(fast).toEqual(full);
    expect(fast.inputTokens).toBe(42);
    expect(fast.outputTokens).toBe(3000);
  });

  it('leaves small bodies and non-SSE bodies alone', () => {
    const c = parseCassette({ path: 's.yaml', bytes: utf8Encode(streamCassette(10)) });
    expect(trimStreamsForSummary(c, 8192, 2048).trimmed).toEqual([]);
    expect(trimStreamsForSummary(c, 8192, 2048).cassette).toBe(c);
  });
});
