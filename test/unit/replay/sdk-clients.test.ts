/**
 * The replay server on 127.0.0.1 with the real `openai` and `@anthropic-ai/sdk` clients pointed
 * at it by baseURL: their stream helpers must assemble the message Tapedeck's analysis shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { startReplayServer, type RunningReplay } from '../../../main/replay/replay-server';

const load = (name: string) => parseCassette({ path: name, bytes: readFileSync(join(__dirname, '../../fixtures/replay', name)) });
let server: RunningReplay | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('tapedeck replay with real SDK clients', () => {
  it('openai: a streamed chat tool call assembles as the analysis shows; a second identical request is 404 with the explanation', async () => {
    const cassette = load('openai-tool-stream.yaml');
    const shown = analyzeCassette(cassette).interactions[0].message!;
    server = await startReplayServer([cassette], { speed: 'max' });
    const client = new OpenAI({ apiKey: 'test', baseURL: `${server.url}/v1`, maxRetries: 0 });
    const stream = client.chat.completions.stream({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Weather in Paris?' }] });
    const done = await stream.finalChatCompletion();
    const call = done.choices[0].message.tool_calls![0];
    expect(call.type === 'function' && { id: call.id, name: call.function.name, arguments: call.function.arguments }).toEqual({
      id: shown.toolCalls[0].id,
      name: shown.toolCalls[0].name,
      arguments: shown.toolCalls[0].arguments,
    });
    expect(shown.toolCalls[0].arguments).toBe('{"city":"Paris"}');
    expect(done.choices[0].finish_reason).toBe(shown.finishReason);

    // vcrpy plays each interaction once: the same request again finds nothing and says why.
    const res = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    const why = (await res.json()) as { misses: { explanation: { recorder: string; chosen: null; alreadyPlayed: number[] } }[] };
    expect(why.misses[0].explanation).toMatchObject({ recorder: 'vcrpy', chosen: null, alreadyPlayed: [0] });
  });

  it('anthropic: a streamed message assembles as the analysis shows (go-vcr cassette, v3 matcher)', async () => {
    const cassette = load('anthropic-stream.yaml');
    const shown = analyzeCassette(cassette).interactions[0].message!;
    // The SDK sends its own headers (x-stainless-*), which v4's DefaultMatcher would compare.
    server = await startReplayServer([cassette], { speed: 'max', match: { matchOn: ['v3'] } });
    const client = new Anthropic({ apiKey: 'test', baseURL: server.url, maxRetries: 0 });
    const stream = client.messages.stream({ model: 'claude-3-5-haiku-latest', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] });
    const chunks: string[] = [];
    stream.on('text', (t) => chunks.push(t));
    const msg = await stream.finalMessage();
    expect(msg.content).toEqual([{ type: 'text', text: shown.text }]);
    expect(shown.text).toBe('Hello there!');
    expect(chunks).toEqual(['Hello', ' there!']);
    expect([msg.id, msg.stop_reason, msg.usage.output_tokens]).toEqual([shown.id, shown.finishReason, shown.usage?.outputTokens]);
  });
});
