// Writes build/icon.png (512×512): a red rounded square with the character 文 drawn as four
// strokes (dot, horizontal, left-falling, right-falling). Generated so the repository needs no
// binary design file; electron-builder converts it to .ico/.icns. Run: node build/icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const RADIUS = 104;
const BACKGROUND = [0xb8, 0x1d, 0x24]; // 公文红
const INK = [0xff, 0xfb, 0xf2];

// Strokes of 文 as polylines [x, y] with a width in px.
const strokes = [
  { width: 40, points: [[238, 76], [256, 100], [268, 124]] }, // 点
  { width: 38, points: [[118, 178], [394, 178]] }, // 横
  { width: 40, points: [[338, 186], [312, 262], [262, 330], [196, 386], [112, 430]] }, // 撇
  { width: 44, points: [[176, 186], [204, 262], [254, 330], [320, 386], [406, 428]] }, // 捺
];

/** Distance from point p to segment ab. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage (0..1) of the rounded-square background at a pixel centre. */
function backgroundCoverage(x, y) {
  const cx = Math.min(Math.max(x, RADIUS), SIZE - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), SIZE - RADIUS);
  return Math.max(0, Math.min(1, RADIUS - Math.hypot(x - cx, y - cy) + 0.5));
}

/** Coverage (0..1) of the strokes at a pixel centre. */
function inkCoverage(x, y) {
  let best = 0;
  for (const { width, points } of strokes) {
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1], points[i]];
      const d = segmentDistance(x, y, a[0], a[1], b[0], b[1]);
      best = Math.max(best, Math.max(0, Math.min(1, width / 2 - d + 0.5)));
    }
  }
  return best;
}

/** CRC-32 of a buffer (PNG chunk checksums). */
function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** One PNG chunk. */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  rows[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const bg = backgroundCoverage(x + 0.5, y + 0.5);
    const ink = inkCoverage(x + 0.5, y + 0.5);
    const offset = y * (SIZE * 4 + 1) + 1 + x * 4;
    for (let c = 0; c < 3; c++) rows[offset + c] = Math.round(BACKGROUND[c] * (1 - ink) + INK[c] * ink);
    rows[offset + 3] = Math.round(255 * bg);
  }
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
