import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { frameBody } from '../../../shared/stream/frame';
import { crc32 } from '../../../shared/util/crc32';
import { body, concat, ct, esFrame } from './helpers';

const ES = 'application/vnd.amazon.eventstream';

/** A prelude (valid CRC) declaring a frame of `total` bytes, followed by `rest` bytes. */
function hugePrelude(total: number, rest: number): Uint8Array {
  const b = new Uint8Array(12 + rest);
  const v = new DataView(b.buffer);
  v.setUint32(0, total);
  v.setUint32(4, 0);
  v.setUint32(8, crc32(b, 0, 8));
  return b;
}

describe('event-stream frames from hostile bodies', () => {
  it('a frame declaring more than an AWS message can hold is refused, not read', () => {
    const ok = esFrame({ ':event-type': 'chunk', ':message-type': 'event' }, '{"a":1}');
    const f = frameBody(body(concat(ok, hugePrelude(64 * 1024 * 1024, 64))), ct(ES));
    expect(f.events).toHaveLength(1);
    expect(f.diagnostics[0]).toMatchObject({ severity: 'error', code: 'stream.eventstream-frame' });
    expect(f.diagnostics[0].message).toMatch(/frame 1 at byte \d+: frame declares 67108864 bytes, over the/);
  });

  it("a frame error carries the body's line in the file", () => {
    const bad = concat(esFrame({ ':event-type': 'chunk' }, '{"a":1}'), new Uint8Array([1, 2, 3]));
    const text = `interactions:
- request: {body: '', headers: {}, method: POST, uri: 'https://bedrock-runtime.us-east-1.amazonaws.com/model/m/converse-stream'}
  response:
    body:
      string: !!binary |
        ${Buffer.from(bad).toString('base64')}
    headers: {Content-Type: ['${ES}']}
    status: {code: 200, message: OK}
version: 1
`;
    const c = parseCassette({ path: 'es.yaml', bytes: new TextEncoder().encode(text) });
    const d = analyzeCassette(c).interactions[0].diagnostics.find((x) => x.code.startsWith('stream.'));
    expect(d?.interaction).toBe(0);
    expect(d?.line).toBe(5);
  });
});
