// Writes app/icon.png, Attest's default publisher logo and favicon (served at
// /icon.png; ATTEST_PUBLISHER_LOGO defaults to it): a white check mark on a
// dark blue rounded square, 512 × 512. Drawn here with zlib, so that the
// repository holds no binary it cannot regenerate and nothing is downloaded.
//
//   node scripts/generate-icon.mjs

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const BACKGROUND = [0x1f, 0x3a, 0x5f];
const MARK = [0xff, 0xff, 0xff];
const CORNER = 96;
const STROKE = 44;
// The check mark: two segments, in pixels.
const CHECK = [
  [136, 270, 222, 356],
  [222, 356, 384, 166],
];
const SAMPLES = 4; // per axis, for anti-aliased edges

function distanceToSegment(x, y, [x1, y1, x2, y2]) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

function insideRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), SIZE - CORNER);
  const cy = Math.min(Math.max(y, CORNER), SIZE - CORNER);
  return Math.hypot(x - cx, y - cy) <= CORNER;
}

function pixel(px, py) {
  let square = 0;
  let mark = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      if (!insideRoundedSquare(x, y)) continue;
      square++;
      if (CHECK.some((segment) => distanceToSegment(x, y, segment) <= STROKE / 2)) mark++;
    }
  }
  const total = SAMPLES * SAMPLES;
  const markShare = square === 0 ? 0 : mark / square;
  const colour = BACKGROUND.map((channel, i) => Math.round(channel + (MARK[i] - channel) * markShare));
  return [...colour, Math.round((255 * square) / total)];
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0: none
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4);
  rows.push(row);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const target = fileURLToPath(new URL('../app/icon.png', import.meta.url));
fs.writeFileSync(target, png);
console.log(`wrote ${target} (${png.length} bytes)`);
