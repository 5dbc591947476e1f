/**
 * A small PNG encoder for the timeline picture: a chart of a few flat colours and anti-aliased text fits a palette
 * of at most 256 colours (one byte a pixel), which deflates several times faster than the canvas's own RGBA PNG
 * encoder. Channels are rounded to 5 bits (then 4, 3, 2 if need be) so that the colours fit, which only shifts
 * anti-aliasing shades a little (each channel by at most 7 of 255 at 5 bits).
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/**
 * Channel masks tried in turn (alpha kept), with the bits a channel keeps. Anti-aliased text in a few colours
 * rarely fits 256 exact colours, so the first try already keeps 5 bits (32 shades between each colour and white).
 */
const MASKS: readonly [number, number][] = [
  [0xfff8f8f8, 5],
  [0xfff0f0f0, 4],
  [0xffe0e0e0, 3],
  [0xffc0c0c0, 2],
];

/** Slots of the colour table (a power of two, well above 256 so probes stay short). */
const TABLE = 2048;

/** The filtered rows of the last picture: pictures are encoded one at a time, synchronously, so one buffer serves. */
let scratch = new Uint8Array(0);

/**
 * Palette indices of every row, each after its filter byte: a row equal to the one above is written as "Up" with
 * all-zero differences (most rows of a chart are blank margin), any other row as it is. Null past 256 colours.
 * Only the columns `inked` gives for a row are looked at (the rest is white); pixels are still met in raster
 * order, so the palette's order is the same as when every pixel is looked at.
 * The rows are a view of a buffer the next call overwrites.
 */
function toPalette(
  pixels: Int32Array,
  bytes: Buffer,
  width: number,
  height: number,
  mask: number,
  inked: Int32Array | undefined,
): { rows: Uint8Array; colors: number[] } | null {
  const size = height * (width + 1);
  if (scratch.length < size) scratch = new Uint8Array(size);
  const rows = scratch.subarray(0, size);
  const rowBytes = width * 4;
  // An open-addressed table from colour to palette index (a Map lookup at every anti-aliased pixel is slow).
  const keys = new Int32Array(TABLE);
  const slots = new Int16Array(TABLE).fill(-1);
  const colors: number[] = [];
  const white = -1 & mask;
  /** The palette index of a colour, added if new; -1 past 256 colours. */
  const indexOf = (c: number): number => {
    let h = Math.imul(c, 0x9e3779b1) >>> 21;
    let k = slots[h] as number;
    while (k >= 0 && keys[h] !== c) {
      h = (h + 1) & (TABLE - 1);
      k = slots[h] as number;
    }
    if (k < 0) {
      if (colors.length === 256) return -1;
      k = colors.length;
      keys[h] = c;
      slots[h] = k;
      colors.push(c);
    }
    return k;
  };
  let last = 0;
  let lastIndex = -1;
  for (let y = 0; y < height; y++) {
    const from = y * width;
    let o = y * (width + 1);
    // Rows compared natively, as bytes.
    if (y > 0 && bytes.compare(bytes, from * 4, from * 4 + rowBytes, from * 4 - rowBytes, from * 4) === 0) {
      rows[o] = 2; // Up: the row above again, all differences zero
      rows.fill(0, o + 1, o + 1 + width);
      continue;
    }
    rows[o++] = 0;
    const start = inked ? (inked[y * 2] as number) : 0;
    const end = inked ? (inked[y * 2 + 1] as number) : width;
    if (start > 0) {
      const k = indexOf(white);
      if (k < 0) return null;
      rows.fill(k, o, o + start);
      o += start;
      last = white;
      lastIndex = k;
    }
    for (let i = from + start, stop = from + end; i < stop; i++) {
      const c = (pixels[i] as number) & mask;
      if (c !== last || lastIndex < 0) {
        const k = indexOf(c);
        if (k < 0) return null;
        last = c;
        lastIndex = k;
      }
      rows[o++] = lastIndex;
    }
    if (end < width) {
      const k = indexOf(white);
      if (k < 0) return null;
      rows.fill(k, o, o + width - end);
      last = white;
      lastIndex = k;
    }
  }
  return { rows, colors };
}

/**
 * A PNG of RGBA pixels (as the canvas gives them; alpha is dropped, the picture being opaque). `inked`, when
 * given, holds for each row the first and past-the-last column that may be other than opaque white.
 */
export function encodePalettePng(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  inked?: Int32Array,
): Uint8Array {
  // Signed words keep V8 on small integers (opaque white is -1, not a heap number).
  const pixels = new Int32Array(rgba.buffer, rgba.byteOffset, width * height);
  const bytes = Buffer.from(rgba.buffer, rgba.byteOffset, width * height * 4);
  let found: { rows: Uint8Array; colors: number[] } | null = null;
  let bits = 8;
  for (const [mask, kept] of MASKS) {
    found = toPalette(pixels, bytes, width, height, mask | 0, inked);
    bits = kept;
    if (found) break;
  }
  // A rounded channel gets its kept bits repeated below them, so that white stays white and black black.
  const channel = (v: number) => {
    let out = v;
    for (let s = bits; s < 8; s += bits) out |= v >>> s;
    return out;
  };
  const { rows, colors } = found as { rows: Uint8Array; colors: number[] };
  const plte = new Uint8Array(colors.length * 3);
  // Pixels are read as little-endian words: red is the low byte.
  colors.forEach((c, k) => {
    plte[k * 3] = channel(c & 0xff);
    plte[k * 3 + 1] = channel((c >>> 8) & 0xff);
    plte[k * 3 + 2] = channel((c >>> 16) & 0xff);
  });
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // indexed colour
  const idat = deflateSync(rows, { level: 1 });
  const chunks: [string, Uint8Array][] = [
    ['IHDR', ihdr],
    ['PLTE', plte],
    ['IDAT', idat],
    ['IEND', new Uint8Array(0)],
  ];
  const size = SIGNATURE.length + chunks.reduce((n, [, data]) => n + 12 + data.length, 0);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  out.set(SIGNATURE, 0);
  let at = SIGNATURE.length;
  for (const [type, data] of chunks) {
    dv.setUint32(at, data.length);
    for (let k = 0; k < 4; k++) out[at + 4 + k] = type.charCodeAt(k);
    out.set(data, at + 8);
    dv.setUint32(at + 8 + data.length, crc32(out.subarray(at + 4, at + 8 + data.length)));
    at += 12 + data.length;
  }
  return out;
}
