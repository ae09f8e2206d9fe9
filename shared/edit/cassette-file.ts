/**
 * File bytes ⇄ editable text. langchain cassettes are gzip-compressed YAML (`.yaml.gz`): they
 * are gunzipped for editing and re-gzipped on save (the gzip bytes differ, the YAML does not).
 */
import { gzipSync } from 'fflate';
import { safeGunzip } from '../codec/decompress';
import { utf8Decode, utf8Encode } from '../util/bytes';

export interface CassetteText {
  text: string;
  gzip: boolean;
}

export function decodeCassetteFile(path: string, bytes: Uint8Array): CassetteText | { error: string } {
  let b = bytes;
  const gzip = b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
  if (gzip) {
    try {
      b = safeGunzip(b);
    } catch (e) {
      return { error: `${path}: bad gzip data (${(e as Error).message})` };
    }
  }
  const text = utf8Decode(b, true);
  if (text === null) return { error: `${path}: not UTF-8 text` };
  return { text, gzip };
}

export function encodeCassetteFile(c: CassetteText): Uint8Array {
  const bytes = utf8Encode(c.text);
  return c.gzip ? gzipSync(bytes) : bytes;
}
