/**
 * The timeline as a picture (PNG), drawn with @napi-rs/canvas (Skia; its binary ships inside the npm package).
 * On top, a strip over the whole selection: one bar per pixel column, as tall as (the log of) the number of events
 * dated there, and a mark over each event listed below, so the spread of the dates shows at a glance. Below it,
 * the events the answer's first page lists (MAX_ROWS), one row each down a vertical line, coloured by source.
 * The picture is small (720 px wide) and encoded as a palette PNG (timeline-png.ts), so drawing it costs a few
 * milliseconds whatever is asked. Fonts: DejaVu Sans when the machine has it, else whatever the canvas finds.
 */
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { encodePalettePng } from './timeline-png.js';

export interface TimelineImageRow {
  /** "Thu 6 Jan 2022", "August 2021", "2014". */
  readonly label: string;
  readonly text: string;
  /** The first source's document id. */
  readonly document: string;
  /** How many sources the event has. */
  readonly sources: number;
}

export interface TimelineImageInput {
  readonly title: string;
  /** The rows to list: the first MAX_ROWS events. */
  readonly rows: readonly TimelineImageRow[];
  /** How many events the answer holds in all. */
  readonly total: number;
  /** First day (days since 1970-01-01) of every event of the answer, in its order; the rows are the first ones. */
  readonly days: ArrayLike<number>;
}

/** As many rows as the answer's first page lists. */
export const MAX_ROWS = 10;

const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
];
let fontFamily: string | undefined;

/** Registers DejaVu Sans once if present; otherwise falls back to an installed family or the generic one. */
function family(): string {
  if (fontFamily !== undefined) return fontFamily;
  for (const path of FONT_CANDIDATES) {
    try {
      if (GlobalFonts.registerFromPath(path, 'Timeline Sans')) return (fontFamily = 'Timeline Sans');
    } catch {
      // not there: try the next
    }
  }
  const installed = GlobalFonts.families[0]?.family;
  return (fontFamily = installed ?? 'sans-serif');
}

const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777'];
const WIDTH = 720;
const ROW = 22;
const STRIP_TOP = 56;
const STRIP_HEIGHT = 22;
const STRIP_LEFT = 20;
const STRIP_RIGHT = WIDTH - 20;
const TOP = STRIP_TOP + STRIP_HEIGHT + 36;
const AXIS = 150;
const LEGEND_COLUMNS = 3;
const LEGEND_ROWS = 2;

/**
 * The last text measured and its metrics: `fit` measures the text it returns, and drawing it needs the same
 * metrics for its box. Forgotten whenever the font or the alignment changes (`setFont`, `setAlign`).
 */
type TextMetrics = ReturnType<SKRSContext2D['measureText']>;
let measured: { text: string; metrics: TextMetrics } | null = null;

function measure(ctx: SKRSContext2D, text: string): TextMetrics {
  if (measured?.text !== text) measured = { text, metrics: ctx.measureText(text) };
  return measured.metrics;
}

function setFont(ctx: SKRSContext2D, font: string): void {
  ctx.font = font;
  measured = null;
}

/** The alignment moves a text's box around its anchor: forget the last measurement too. */
function setAlign(ctx: SKRSContext2D, align: 'left' | 'right'): void {
  ctx.textAlign = align;
  measured = null;
}

/** The text cut (with "…") to fit the width: measured once, then shortened from a proportional guess. */
function fit(ctx: SKRSContext2D, text: string, width: number): string {
  const full = measure(ctx, text).width;
  if (full <= width) return text;
  let n = Math.max(1, Math.floor((text.length * width) / full));
  let cut = `${text.slice(0, n).trimEnd()}…`;
  while (n > 1 && measure(ctx, cut).width > width) {
    n = Math.max(1, Math.floor(n * 0.9));
    cut = `${text.slice(0, n).trimEnd()}…`;
  }
  return cut;
}

/**
 * Where this picture has anything but its white ground, as x, y, width, height in whole pixels: only these
 * rectangles are read back from the canvas. Reading the whole canvas costs far more than drawing it: each read
 * returns a fresh native buffer (about a megabyte for the whole picture), which the canvas's allocator takes from
 * new pages of memory until the garbage collector and the event loop free the old ones.
 */
const inked: number[] = [];

/** A filled rectangle (whole pixels, so nothing spills out of it). */
function fillInked(ctx: SKRSContext2D, x: number, y: number, w: number, h: number): void {
  ctx.fillRect(x, y, w, h);
  inked.push(x, y, w, h);
}

/**
 * Text drawn at (x, y) with the context's font and alignment, with the box its glyphs cover (as the font
 * measures them) widened by a margin for anti-aliasing.
 */
function textInked(ctx: SKRSContext2D, text: string, x: number, y: number): void {
  ctx.fillText(text, x, y);
  const m = measure(ctx, text);
  const left = Math.floor(x - m.actualBoundingBoxLeft) - INK_MARGIN;
  const top = Math.floor(y - m.actualBoundingBoxAscent) - INK_MARGIN;
  const right = Math.ceil(x + m.actualBoundingBoxRight) + INK_MARGIN;
  const bottom = Math.ceil(y + m.actualBoundingBoxDescent) + INK_MARGIN;
  inked.push(left, top, right - left, bottom - top);
}

const INK_MARGIN = 1;

/** The picture's pixels (RGBA), reused: pictures are drawn one at a time, synchronously. */
let pixels = new Uint8Array(0);
/** For each row of the picture, the first and past-the-last column inked (0, 0 for a blank row). */
let columns = new Int32Array(0);

/** The top `height` rows of the canvas: white, then each inked rectangle copied from the canvas. */
function readInked(ctx: SKRSContext2D, height: number): { pixels: Uint8Array; columns: Int32Array } {
  const size = WIDTH * height * 4;
  if (pixels.length < size) {
    pixels = new Uint8Array(WIDTH * MAX_HEIGHT * 4);
    columns = new Int32Array(MAX_HEIGHT * 2);
  }
  const out = pixels.subarray(0, size);
  const spans = columns.subarray(0, height * 2);
  out.fill(0xff);
  for (let r = 0; r < height; r++) {
    spans[r * 2] = WIDTH;
    spans[r * 2 + 1] = 0;
  }
  for (let k = 0; k < inked.length; k += 4) {
    const x = Math.max(0, inked[k] as number);
    const y = Math.max(0, inked[k + 1] as number);
    const w = Math.min(WIDTH, (inked[k] as number) + (inked[k + 2] as number)) - x;
    const h = Math.min(height, (inked[k + 1] as number) + (inked[k + 3] as number)) - y;
    if (w <= 0 || h <= 0) continue;
    const data = ctx.getImageData(x, y, w, h).data;
    for (let r = 0; r < h; r++) {
      out.set(data.subarray(r * w * 4, (r + 1) * w * 4), ((y + r) * WIDTH + x) * 4);
      const at = (y + r) * 2;
      if (x < (spans[at] as number)) spans[at] = x;
      if (x + w > (spans[at + 1] as number)) spans[at + 1] = x + w;
    }
  }
  for (let r = 0; r < height; r++) {
    if ((spans[r * 2] as number) >= (spans[r * 2 + 1] as number)) spans[r * 2] = spans[r * 2 + 1] = 0;
  }
  inked.length = 0;
  return { pixels: out, columns: spans };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayLabel(day: number): string {
  const d = new Date(day * 86_400_000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * The last few pictures, keyed by what they show: the same answer asked again (paging back, a repeated
 * question) is not drawn twice.
 */
const rendered = new Map<string, Uint8Array>();
const RENDER_CACHE = 32;

export function renderTimelinePng(input: TimelineImageInput): Uint8Array {
  const rows = input.rows.slice(0, MAX_ROWS);
  let key = `${input.title}\u0000${input.total}\u0000${input.days.length}`;
  for (let i = 0; i < input.days.length; i += Math.max(1, Math.floor(input.days.length / 64)))
    key += `,${input.days[i] as number}`;
  for (const r of rows) key += `\u0000${r.label}\u0001${r.text}\u0001${r.document}\u0001${r.sources}`;
  const hit = rendered.get(key);
  if (hit) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const png = draw(input.title, rows, input.total, input.days);
  rendered.set(key, png);
  if (rendered.size > RENDER_CACHE) rendered.delete(rendered.keys().next().value as string);
  return png;
}

const MAX_HEIGHT = TOP + MAX_ROWS * ROW + 14 + LEGEND_ROWS * 18 + 8;
let canvas: Canvas | undefined;

/** One canvas, as tall as the tallest picture, drawn over each time (only the picture's own height is read). */
function scratch(): SKRSContext2D {
  canvas ??= createCanvas(WIDTH, MAX_HEIGHT);
  const ctx = canvas.getContext('2d');
  setAlign(ctx, 'left');
  return ctx;
}

function draw(
  title: string,
  rows: readonly TimelineImageRow[],
  total: number,
  days: ArrayLike<number>,
): Uint8Array {
  const documents = [...new Set(rows.map((r) => r.document))];
  const color = (id: string) => PALETTE[Math.max(0, documents.indexOf(id)) % PALETTE.length] as string;
  const legendShown = Math.min(documents.length, LEGEND_COLUMNS * LEGEND_ROWS);
  const legendLines = Math.ceil(legendShown / LEGEND_COLUMNS);
  const height = TOP + Math.max(1, rows.length) * ROW + 14 + legendLines * 18 + 8;
  const ctx = scratch();
  const font = family();
  inked.length = 0;

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.fillStyle = '#111827';
  setFont(ctx, `bold 16px "${font}"`);
  textInked(ctx, fit(ctx, title, WIDTH - 40), 20, 26);
  setFont(ctx, `12px "${font}"`);
  ctx.fillStyle = '#6b7280';
  const note =
    total > rows.length
      ? `The first ${rows.length} of ${total} events, oldest first; the strip shows all ${total}`
      : `${total} event${total === 1 ? '' : 's'}, oldest first`;
  textInked(ctx, note, 20, 44);

  drawStrip(ctx, days, rows.length, font);

  ctx.fillStyle = '#d1d5db';
  fillInked(ctx, AXIS - 1, TOP - 6, 2, Math.max(1, rows.length) * ROW - 4);
  let previous = '';
  rows.forEach((row, i) => {
    const y = TOP + i * ROW + 10;
    if (row.label !== previous) {
      ctx.fillStyle = '#111827';
      setFont(ctx, `bold 12px "${font}"`);
      setAlign(ctx, 'right');
      textInked(ctx, row.label, AXIS - 12, y + 4);
      setAlign(ctx, 'left');
      previous = row.label;
    }
    ctx.fillStyle = color(row.document);
    fillInked(ctx, AXIS - 4, y - 4, 8, 8);
    ctx.fillStyle = '#1f2937';
    setFont(ctx, `12px "${font}"`);
    const badge = row.sources > 1 ? `  ×${row.sources}` : '';
    textInked(ctx, fit(ctx, row.text, WIDTH - AXIS - 24 - (badge ? 40 : 0)) + badge, AXIS + 12, y + 4);
  });

  let ly = TOP + Math.max(1, rows.length) * ROW + 18;
  setFont(ctx, `11px "${font}"`);
  for (let i = 0; i < legendShown; i++) {
    const id = documents[i] as string;
    const x = 20 + (i % LEGEND_COLUMNS) * 230;
    if (i > 0 && i % LEGEND_COLUMNS === 0) ly += 18;
    ctx.fillStyle = color(id);
    fillInked(ctx, x, ly - 9, 10, 10);
    ctx.fillStyle = '#374151';
    const more =
      i === legendShown - 1 && documents.length > legendShown
        ? ` (+${documents.length - legendShown} more)`
        : '';
    textInked(ctx, fit(ctx, id, 200 - (more ? 70 : 0)) + more, x + 16, ly);
  }

  const read = readInked(ctx, height);
  return encodePalettePng(read.pixels, WIDTH, height, read.columns);
}

/** The strip over all events: bars of event counts per pixel column, marks over the listed ones, end dates. */
function drawStrip(ctx: SKRSContext2D, days: ArrayLike<number>, listed: number, font: string): void {
  if (days.length === 0) return;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < days.length; i++) {
    const d = days[i] as number;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const span = Math.max(1, max - min);
  const width = STRIP_RIGHT - STRIP_LEFT;
  const column = (d: number) => Math.round(((d - min) / span) * (width - 1));
  const counts = new Uint32Array(width);
  let most = 1;
  for (let i = 0; i < days.length; i++) {
    const c = column(days[i] as number);
    counts[c] = (counts[c] as number) + 1;
    if ((counts[c] as number) > most) most = counts[c] as number;
  }
  const base = STRIP_TOP + STRIP_HEIGHT;
  ctx.fillStyle = '#e5e7eb';
  fillInked(ctx, STRIP_LEFT, base, width, 1);
  ctx.fillStyle = '#9ca3af';
  const scale = Math.log(1 + most);
  for (let x = 0; x < width; x++) {
    const n = counts[x] as number;
    if (n === 0) continue;
    const h = Math.max(2, Math.round(((STRIP_HEIGHT - 6) * Math.log(1 + n)) / scale));
    ctx.fillRect(STRIP_LEFT + x, base - h, 1, h);
  }
  // The bars, read back as one rectangle.
  inked.push(STRIP_LEFT, base - (STRIP_HEIGHT - 6), width, STRIP_HEIGHT - 6);
  ctx.fillStyle = '#2563eb';
  for (let i = 0; i < Math.min(listed, days.length); i++) {
    fillInked(ctx, STRIP_LEFT + column(days[i] as number) - 1, STRIP_TOP - 4, 3, 3);
  }
  ctx.fillStyle = '#6b7280';
  setFont(ctx, `11px "${font}"`);
  setAlign(ctx, 'left');
  textInked(ctx, dayLabel(min), STRIP_LEFT, base + 14);
  if (max > min) {
    setAlign(ctx, 'right');
    textInked(ctx, dayLabel(max), STRIP_RIGHT, base + 14);
    setAlign(ctx, 'left');
  }
}
