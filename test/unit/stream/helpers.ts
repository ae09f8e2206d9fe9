import type { Body, Header } from '../../../shared/model/cassette';
import { utf8Encode } from '../../../shared/util/bytes';
import { crc32 } from '../../../shared/util/crc32';

export function body(content: string | Uint8Array): Body {
  const bytes = typeof content === 'string' ? utf8Encode(content) : content;
  return { storage: 'text', raw: bytes, contentEncoding: [], bytes, text: typeof content === 'string' ? content : null };
}

export function ct(value: string): Header[] {
  return [{ name: 'Content-Type', value }];
}

/** Encodes one AWS event-stream frame with string headers (test-side encoder). */
export function esFrame(headers: Record<string, string>, payload: string): Uint8Array {
  const hparts: number[] = [];
  for (const [k, v] of Object.entries(headers)) {
    const kb = utf8Encode(k);
    const vb = utf8Encode(v);
    hparts.push(kb.length, ...kb, 7, (vb.length >> 8) & 0xff, vb.length & 0xff, ...vb);
  }
  const pb = utf8Encode(payload);
  const total = 16 + hparts.length + pb.length;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, total);
  dv.setUint32(4, hparts.length);
  dv.setUint32(8, crc32(out, 0, 8));
  out.set(hparts, 12);
  out.set(pb, 12 + hparts.length);
  dv.setUint32(total - 4, crc32(out, 0, total - 4));
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
