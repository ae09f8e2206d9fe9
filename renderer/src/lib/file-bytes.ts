/** Turns a CassetteFile from the backend into parser bytes and display text. */
import type { CassetteFile } from '../../../shared/api/contract';
import { isGzip, safeGunzip } from '../../../shared/codec/decompress';
import { base64Decode, utf8Decode, utf8Encode } from '../../../shared/util/bytes';

export function fileBytes(file: Pick<CassetteFile, 'content' | 'encoding'>): Uint8Array {
  if (file.encoding === 'utf8') return utf8Encode(file.content);
  return base64Decode(file.content) ?? new Uint8Array();
}

/**
 * Text for the raw view: gzipped cassettes (langchain .yaml.gz) are shown decompressed, since
 * the YAML inside is what the parser's line numbers refer to. A UTF-8 BOM is not shown (the
 * decoder drops it on the other path; the editor puts it back on save).
 */
export function displayText(file: Pick<CassetteFile, 'content' | 'encoding'>, bytes: Uint8Array): string {
  if (file.encoding === 'utf8') return file.content.charCodeAt(0) === 0xfeff ? file.content.slice(1) : file.content;
  let b = bytes;
  if (isGzip(b)) {
    try {
      // The shared gunzip: it refuses truncated streams instead of allocating their bogus size.
      b = safeGunzip(b);
    } catch {
      return '(gzip data that does not decompress)';
    }
  }
  return utf8Decode(b, true) ?? `(binary file, ${b.length} bytes, not UTF-8)`;
}

/** Limits memory of the session body-text index: big files are searched by their first MB. */
export const BODY_INDEX_LIMIT = 1_000_000;
