/**
 * shared/ decodes gzip and deflate itself (fflate) but cannot import node:zlib, so the Node
 * side registers the codecs only Node has: brotli everywhere, zstd where the runtime ships it.
 * Every one stops at the shared per-body cap (TAPEDECK_MAX_BODY_MB overrides its 256 MB).
 */
import * as zlib from 'node:zlib';
import { registerCompressor, registerDecompressor, setMaxDecodedBytes, tooLarge } from '../../shared/codec/decompress';

let done = false;

export function registerNodeCodecs(): void {
  if (done) return;
  done = true;
  // The per-body decode cap, in MB, for whoever must open bigger bodies (or test with smaller).
  const mb = Number(process.env.TAPEDECK_MAX_BODY_MB);
  if (mb > 0) setMaxDecodedBytes(mb * 1024 * 1024);
  registerDecompressor('br', (b, max) => capped(() => zlib.brotliDecompressSync(b, { maxOutputLength: max }), max));
  // Encoders too, so an edit or a redaction inside a brotli/zstd body can be written back.
  registerCompressor('br', (b) => new Uint8Array(zlib.brotliCompressSync(b)));
  const z = zlib as unknown as {
    zstdDecompressSync?: (b: Uint8Array, o: { maxOutputLength: number }) => Buffer;
    zstdCompressSync?: (b: Uint8Array) => Buffer;
  };
  const zstd = z.zstdDecompressSync;
  if (zstd) registerDecompressor('zstd', (b, max) => capped(() => zstd(b, { maxOutputLength: max }), max));
  const zstdEnc = z.zstdCompressSync;
  if (zstdEnc) registerCompressor('zstd', (b) => new Uint8Array(zstdEnc(b)));
}

/** zlib stops at maxOutputLength with ERR_BUFFER_TOO_LARGE; say it the way every codec does. */
function capped(run: () => Buffer, max: number): Uint8Array {
  try {
    return new Uint8Array(run());
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(max);
    throw e;
  }
}
