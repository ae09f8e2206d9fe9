/** What the Node side of the app does at startup: give shared/ the decoders fflate lacks. */
import zlib from 'node:zlib';
import { registerDecompressor } from '../../../shared/codec/decompress';

export function registerNodeCodecs(): void {
  registerDecompressor('br', (b) => new Uint8Array(zlib.brotliDecompressSync(b)));
  const z = zlib as unknown as { zstdDecompressSync?: (b: Uint8Array) => Uint8Array };
  if (z.zstdDecompressSync) registerDecompressor('zstd', (b) => new Uint8Array(z.zstdDecompressSync!(b)));
}
