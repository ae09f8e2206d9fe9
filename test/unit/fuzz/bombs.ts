/**
 * Decompression bombs for the decode-cap tests: MBs of spaces compressed by each codec,
 * streamed in 1 MB writes (a 1 GB input buffer would itself cost the test runner 1 GB), and
 * the vcrpy cassette that carries one as a `!!binary` response body.
 */
import zlib from 'node:zlib';
import type { Transform } from 'node:stream';

export type BombCoding = 'br' | 'gzip' | 'deflate (zlib)' | 'deflate (raw)';
export const BOMB_CODINGS: BombCoding[] = ['br', 'gzip', 'deflate (zlib)', 'deflate (raw)'];

function encoder(coding: BombCoding): Transform {
  switch (coding) {
    case 'br':
      return zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
    case 'gzip':
      return zlib.createGzip();
    case 'deflate (zlib)':
      return zlib.createDeflate();
    case 'deflate (raw)':
      return zlib.createDeflateRaw();
  }
}

/** `mb` megabytes of spaces, compressed. */
export async function bomb(coding: BombCoding, mb: number): Promise<Buffer> {
  const enc = encoder(coding);
  const parts: Buffer[] = [];
  enc.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise((r) => enc.on('end', r));
  const chunk = Buffer.alloc(1024 * 1024, 32);
  for (let i = 0; i < mb; i++) enc.write(chunk);
  enc.end();
  await done;
  return Buffer.concat(parts);
}

/** The Content-Encoding token of a coding (`deflate (raw)` → `deflate`). */
export const contentCoding = (coding: BombCoding) => coding.split(' ')[0];

/** A vcrpy cassette whose first response body is the bomb; `more` appends interactions. */
export function bombCassette(body: Buffer, coding: BombCoding, more = ''): string {
  const b64 = body.toString('base64').replace(/.{76}/g, '$&\n        ');
  return `interactions:
- request: {body: '', headers: {}, method: GET, uri: 'https://example.com/a'}
  response:
    body:
      string: !!binary |
        ${b64}
    headers: {Content-Encoding: [${contentCoding(coding)}], Content-Type: [application/json]}
    status: {code: 200, message: OK}
${more}version: 1
`;
}
