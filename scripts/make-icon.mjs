#!/usr/bin/env node
// Draws app/build/icon.png (512×512): a cassette with two reels. Generated rather than drawn
// by hand so the icon can be re-made at any size; electron-builder derives .icns/.ico from it.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const S = 512;
const px = new Uint8Array(S * S * 4);
const put = (x, y, [r, g, b, a]) => {
  const i = (y * S + x) * 4;
  const sa = a / 255;
  px[i] = Math.round(r * sa + px[i] * (1 - sa));
  px[i + 1] = Math.round(g * sa + px[i + 1] * (1 - sa));
  px[i + 2] = Math.round(b * sa + px[i + 2] * (1 - sa));
  px[i + 3] = Math.max(px[i + 3], a);
};
const roundRect = (x0, y0, x1, y1, rad, col) => {
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const dx = Math.max(x0 + rad - x, 0, x - (x1 - rad - 1));
      const dy = Math.max(y0 + rad - y, 0, y - (y1 - rad - 1));
      if (dx * dx + dy * dy <= rad * rad) put(x, y, col);
    }
};
const circle = (cx, cy, r, col, inner = 0) => {
  for (let y = Math.floor(cy - r); y <= cy + r; y++)
    for (let x = Math.floor(cx - r); x <= cx + r; x++) {
      const d = Math.hypot(x - cx, y - cy);
      if (d <= r && d >= inner) put(x, y, col);
    }
};
roundRect(32, 96, 480, 416, 40, [42, 45, 58, 255]); // shell
roundRect(72, 128, 440, 300, 20, [236, 179, 64, 255]); // label
roundRect(120, 170, 392, 262, 46, [30, 32, 40, 255]); // window
for (const cx of [186, 326]) {
  circle(cx, 216, 34, [240, 240, 240, 255]);
  circle(cx, 216, 12, [30, 32, 40, 255]);
}
roundRect(150, 330, 362, 400, 12, [70, 74, 92, 255]); // tape guide
for (const cx of [200, 312]) circle(cx, 365, 14, [30, 32, 40, 255]);

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0);
ihdr.writeUInt32BE(S, 4);
ihdr[8] = 8;
ihdr[9] = 6;
const rows = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) Buffer.from(px.buffer, y * S * 4, S * 4).copy(rows, y * (S * 4 + 1) + 1);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../app/build/icon.png', import.meta.url), png);
console.log(`icon.png ${png.length} bytes`);
