import { describe, expect, it } from 'vitest';
import { decodeFrames, encodeFrame } from '../../../shared/stream/eventstream-codec';
import { concatBytes } from '../../../shared/util/bytes';
import type { EsFrame } from '../../../shared/stream/eventstream-codec';
import { frameEventstream } from '../../../shared/stream/eventstream';
import { utf8Encode } from '../../../shared/util/bytes';
import { fixture, load } from './helpers';

const bodyOf = (name: string) => load(fixture(name)).cassette.interactions[0].response.body.bytes;

describe('eventstream codec', () => {
  it('encode(decode(bytes)) is byte-identical for recorded Converse and Invoke streams', () => {
    for (const name of ['bedrock-converse-stream', 'bedrock-invoke-stream']) {
      const bytes = bodyOf(name);
      const frames = decodeFrames(bytes)!;
      expect(frames.length).toBeGreaterThan(5);
      expect(concatBytes(frames.map(encodeFrame))).toEqual(bytes);
      for (const f of frames) expect(encodeFrame(f)).toEqual(bytes.subarray(f.offset, f.offset + f.length));
    }
  });

  it('decode(encode(x)) == x for every header type, and the viewer decoder accepts the frame', () => {
    const x: EsFrame = {
      headers: [
        { name: ':event-type', type: 7, value: utf8Encode('chunk') },
        { name: 't', type: 0 },
        { name: 'f', type: 1 },
        { name: 'i8', type: 2, value: -5 },
        { name: 'i16', type: 3, value: -300 },
        { name: 'i32', type: 4, value: -70000 },
        { name: 'i64', type: 5, value: -(2n ** 40n) },
        { name: 'bytes', type: 6, value: Uint8Array.from([0, 255, 7]) },
        { name: 'ts', type: 8, value: 1_700_000_000_000n },
        { name: 'uuid', type: 9, value: Uint8Array.from({ length: 16 }, (_, i) => i * 15) },
      ],
      payload: utf8Encode('{"bytes":"e30="}'),
    };
    const enc = encodeFrame(x);
    const back = decodeFrames(enc)!;
    expect(back).toHaveLength(1);
    const { offset, length, ...frame } = back[0];
    expect(offset).toBe(0);
    expect(length).toBe(enc.length);
    expect(frame).toEqual(x);
    const diags: never[] = [];
    const ev = frameEventstream(enc, diags);
    expect(diags).toEqual([]);
    expect(ev[0].headers).toMatchObject({ ':event-type': 'chunk', i8: -5, i16: -300, i32: -70000, t: true, f: false });
    expect(ev[0].json).toEqual({ bytes: 'e30=' });
  });

  it('refuses corrupt frames instead of throwing', () => {
    const bytes = bodyOf('bedrock-converse-stream').slice();
    bytes[20] ^= 1;
    expect(decodeFrames(bytes)).toBeNull();
    expect(decodeFrames(bytes.subarray(0, 10))).toBeNull();
  });
});
