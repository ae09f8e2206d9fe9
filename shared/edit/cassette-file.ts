/**
 * File bytes ⇄ editable text. langchain cassettes are gzip-compressed YAML (`.yaml.gz`): they
 * are gunzipped for editing and re-gzipped on save (the gzip bytes differ, the YAML does not).
 * A UTF-8 byte order mark is not part of the text (the decoder drops it) but is written back,
 * so a write changes only the lines that were edited.
 */
import { gzipSync } from 'fflate';
import { isGzip, safeGunzip } from '../codec/decompress';
import { utf8Decode, utf8Encode } from '../util/bytes';

export interface CassetteText {
  text: string;
  gzip: boolean;
  /** The (gunzipped) bytes started with a UTF-8 BOM. */
  bom?: boolean;
}

const BOM = [0xef, 0xbb, 0xbf];

export function decodeCassetteFile(path: string, bytes: Uint8Array): CassetteText | { error: string } {
  let b = bytes;
  const gzip = isGzip(b);
  if (gzip) {
    try {
      b = safeGunzip(b);
    } catch (e) {
      return { error: `${path}: bad gzip data (${(e as Error).message})` };
    }
  }
  const text = utf8Decode(b, true);
  if (text === null) return { error: `${path}: not UTF-8 text` };
  const bom = b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2];
  // The decoder drops a leading BOM itself; strip it here too in case it ever keeps it.
  return { text: bom && text.startsWith('\uFEFF') ? text.slice(1) : text, gzip, bom };
}

export function encodeCassetteFile(c: CassetteText): Uint8Array {
  let bytes = utf8Encode(c.text);
  if (c.bom) {
    const withBom = new Uint8Array(bytes.length + 3);
    withBom.set(BOM);
    withBom.set(bytes, 3);
    bytes = withBom;
  }
  return c.gzip ? gzipSync(bytes) : bytes;
}
