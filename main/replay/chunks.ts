/**
 * A recorded response cut into the chunks a replay writes: one per stream event (SSE, NDJSON,
 * JSON array, AWS eventstream), each chunk running from the end of the previous event so no
 * byte is lost, with the gap before it. The recorders keep no per-event times, only the whole
 * duration (go-vcr `duration`, HAR `time`), so the gaps spread that duration evenly.
 */
import type { Interaction } from '../../shared/model/cassette';
import { frameBody, isStreamFraming } from '../../shared/stream/frame';

export interface Chunk {
  bytes: Uint8Array;
  /** Milliseconds to wait before writing this chunk at --speed 1. */
  delayMs: number;
}

export function responseChunks(it: Interaction): Chunk[] {
  const bytes = it.response.body.bytes;
  const framed = frameBody(it.response.body, it.response.headers);
  if (!isStreamFraming(framed.framing) || framed.events.length < 2) return [{ bytes, delayMs: it.durationMs ?? 0 }];
  const gap = (it.durationMs ?? 0) / framed.events.length;
  const out: Chunk[] = [];
  let start = 0;
  framed.events.forEach((e, i) => {
    const end = i === framed.events.length - 1 ? bytes.length : e.offset + e.length;
    if (end > start) out.push({ bytes: bytes.subarray(start, end), delayMs: gap });
    start = Math.max(start, end);
  });
  if (start < bytes.length) out.push({ bytes: bytes.subarray(start), delayMs: 0 });
  return out;
}
