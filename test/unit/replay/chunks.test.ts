import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { responseChunks } from '../../../main/replay/chunks';

const load = (name: string) => parseCassette({ path: name, bytes: readFileSync(join(__dirname, '../../fixtures/replay', name)) });

describe('replay chunks', () => {
  it('one chunk per SSE event, every byte kept, the recorded duration spread over the gaps', () => {
    const it = load('anthropic-stream.yaml').interactions[0];
    const chunks = responseChunks(it);
    expect(it.durationMs).toBe(140);
    expect(chunks.map((c) => new TextDecoder().decode(c.bytes).split('\n')[0])).toEqual([
      'event: message_start', 'event: content_block_start', 'event: content_block_delta', 'event: content_block_delta',
      'event: content_block_stop', 'event: message_delta', 'event: message_stop',
    ]);
    expect(chunks.map((c) => c.delayMs)).toEqual(Array(7).fill(20));
    expect(Buffer.concat(chunks.map((c) => c.bytes)).equals(Buffer.from(it.response.body.bytes))).toBe(true);
  });

  it('a cassette without a duration streams without waiting', () => {
    const chunks = responseChunks(load('openai-tool-stream.yaml').interactions[0]);
    expect(chunks.length).toBe(5); // four chunks and [DONE]
    expect(chunks.every((c) => c.delayMs === 0)).toBe(true);
  });
});
