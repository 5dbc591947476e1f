import { describe, expect, it, vi } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { inflateSync } from 'node:zlib';
import { encodePalettePng } from '../../src/presenters/timeline-png.js';
import { renderTimelinePng, MAX_ROWS } from '../../src/presenters/timeline-image.js';

/** Decodes the PNGs encodePalettePng writes (8-bit palette, filters None and Up) back to RGB triples. */
function decode(png: Uint8Array): { width: number; height: number; rgb: number[] } {
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  let palette = new Uint8Array(0);
  const idat: Uint8Array[] = [];
  while (at < png.length) {
    const len = dv.getUint32(at);
    const type = String.fromCharCode(...png.slice(at + 4, at + 8));
    const data = png.slice(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = dv.getUint32(at + 8);
      height = dv.getUint32(at + 12);
      expect([data[8], data[9]]).toEqual([8, 3]);
    } else if (type === 'PLTE') palette = data;
    else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgb: number[] = [];
  let previous = new Uint8Array(width);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)];
    const row = new Uint8Array(width);
    for (let x = 0; x < width; x++) {
      const v = raw[y * (width + 1) + 1 + x] as number;
      row[x] = filter === 2 ? (v + (previous[x] as number)) & 0xff : v;
    }
    expect([0, 2]).toContain(filter);
    for (const k of row)
      rgb.push(palette[k * 3] as number, palette[k * 3 + 1] as number, palette[k * 3 + 2] as number);
    previous = row;
  }
  return { width, height, rgb };
}

describe('encodePalettePng', () => {
  it('writes the pixels of a picture, each channel within 7 shades (5 bits kept)', () => {
    const width = 37;
    const height = 23;
    const rgba = new Uint8Array(width * height * 4);
    const rgb: number[] = [];
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        // Blank rows repeat (written as Up); the others mix 200 colours.
        const k = (x + y * 3) % 200;
        const c = y % 3 === 0 ? [255, 255, 255] : [k, 255 - k, (k * 3) % 256].map((v) => v & 0xf8);
        rgba.set([...c, 255], (y * width + x) * 4);
        rgb.push(...c);
      }
    const decoded = decode(encodePalettePng(rgba, width, height));
    expect(decoded.width).toBe(width);
    expect(decoded.height).toBe(height);
    expect(decoded.rgb.length).toBe(rgb.length);
    decoded.rgb.forEach((v, i) => expect(Math.abs(v - (rgb[i] as number))).toBeLessThanOrEqual(7));
    expect(decoded.rgb.slice(0, 3)).toEqual([255, 255, 255]);
  });

  it('rounds colours when there are more than 256, keeping each within a few shades and white white', () => {
    const width = 64;
    const height = 64;
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) rgba.set([i % 256, (i >> 4) % 256, (i * 3) % 256, 255], i * 4);
    rgba.set([255, 255, 255, 255], 0);
    const { rgb } = decode(encodePalettePng(rgba, width, height));
    expect(rgb.slice(0, 3)).toEqual([255, 255, 255]);
    for (let i = 0; i < width * height; i++)
      for (let k = 0; k < 3; k++)
        expect(Math.abs((rgba[i * 4 + k] as number) - (rgb[i * 3 + k] as number))).toBeLessThan(64);
  });
  it('GIVEN the inked columns of each row THEN only those are read (the rest is white) and the PNG is the same as from every pixel', () => {
    const width = 40;
    const height = 12;
    const rgba = new Uint8Array(width * height * 4).fill(255);
    const inked = new Int32Array(height * 2);
    for (let y = 2; y < height; y += 3) {
      // A few coloured pixels between columns 5 and 30 of every third row; the other rows are blank.
      inked[y * 2] = 5;
      inked[y * 2 + 1] = 30;
      for (let x = 5; x < 30; x += 4)
        rgba.set([(x * 8) & 0xf8, 64, (y * 20) & 0xf8, 255], (y * width + x) * 4);
    }
    const all = encodePalettePng(rgba, width, height);
    expect(Buffer.from(encodePalettePng(rgba, width, height, inked))).toEqual(Buffer.from(all));
    // A pixel outside the inked columns is not looked at.
    rgba.set([0, 0, 0, 255], (2 * width + 35) * 4);
    expect(Buffer.from(encodePalettePng(rgba, width, height, inked))).toEqual(Buffer.from(all));
  });
});

describe('renderTimelinePng', () => {
  it('draws a PNG of the first page of rows, whatever the number of events', () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({
      label: `${i + 1} Jan 2022`,
      text: `Event number ${i} happened somewhere with a long description that will not fit the picture's width at all`,
      document: `doc-${i % 4}`,
      sources: 1 + (i % 3),
    }));
    const days = Int32Array.from({ length: 500 }, (_, i) => 18993 + (i % 40));
    const png = renderTimelinePng({ title: 'Timeline — test', rows, total: 500, days });
    const { width, height } = decode(png);
    expect(width).toBe(720);
    expect(height).toBeLessThan(450);
    const fewer = renderTimelinePng({
      title: 'Timeline — test',
      rows: rows.slice(0, 2),
      total: 2,
      days: days.slice(0, 2),
    });
    expect(decode(fewer).height).toBeLessThan(height);
    expect(MAX_ROWS).toBe(10);
  });

  it("GIVEN a picture THEN only the rectangles drawn on are read back from the canvas, and the PNG is the whole canvas's", () => {
    const proto = Object.getPrototypeOf(createCanvas(1, 1).getContext('2d')) as {
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    };
    const read = vi.spyOn(proto, 'getImageData');
    const rows = Array.from({ length: 10 }, (_, i) => ({
      label: `${1 + (i >> 1)} Feb 2023`,
      text:
        i % 3 === 0
          ? `Short event ${i}`
          : `A longer event ${i}, with words enough to be cut at the picture's edge, and then some more words`,
      document: `source-${i % 7}`,
      sources: 1 + (i % 4),
    }));
    const days = Int32Array.from({ length: 40 }, (_, i) => 19389 + i * 3);
    const png = renderTimelinePng({ title: 'Timeline — read back', rows, total: 40, days });
    const canvas = read.mock.contexts[0] as typeof proto;
    const pixelsRead = read.mock.calls.reduce((n, [, , w, h]) => n + w * h, 0);
    read.mockRestore();
    const { height } = decode(png);
    const whole = canvas.getImageData(0, 0, 720, height).data;
    expect(Buffer.from(encodePalettePng(whole, 720, height))).toEqual(Buffer.from(png));
    expect(pixelsRead).toBeLessThan(720 * height * 0.7);
  });
});
