/**
 * shared/ decodes gzip and deflate itself (fflate) but cannot import node:zlib, so the Node
 * side registers the codecs only Node has: brotli everywhere, zstd where the runtime ships it.
 */
import * as zlib from 'node:zlib';
import { registerDecompressor } from '../../shared/codec/decompress';

let done = false;

export function registerNodeCodecs(): void {
  if (done) return;
  done = true;
  registerDecompressor('br', (b) => new Uint8Array(zlib.brotliDecompressSync(b)));
  const zstd = (zlib as unknown as { zstdDecompressSync?: (b: Uint8Array) => Buffer }).zstdDecompressSync;
  if (zstd) registerDecompressor('zstd', (b) => new Uint8Array(zstd(b)));
}
