/**
 * The timeline as a picture (PNG), drawn with @napi-rs/canvas (Skia; its binary ships inside the npm package).
 * One row per event down a vertical line, coloured by source, at most MAX_ROWS rows so a draw stays well under
 * ~30 ms; the picture says how many it left out. Fonts: DejaVu Sans when the machine has it, else whatever the
 * canvas finds installed.
 */
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';

export interface TimelineImageRow {
  /** "Thu 6 Jan 2022", "August 2021", "2014". */
  readonly label: string;
  readonly text: string;
  /** Document ids of the sources, first one first. */
  readonly documents: readonly string[];
}

export const MAX_ROWS = 40;

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
const WIDTH = 960;
const ROW = 24;
const TOP = 70;
const AXIS = 170;

function fit(ctx: SKRSContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

/**
 * PNG encoding costs far more than any query (tens to hundreds of ms), so the same picture is drawn once:
 * the last few renderings are kept, keyed by their exact content.
 */
const rendered = new Map<string, Uint8Array>();
const RENDER_CACHE = 64;

export function renderTimelinePng(title: string, rows: readonly TimelineImageRow[]): Uint8Array {
  const legend = [...new Set(rows.flatMap((r) => r.documents))];
  const key = JSON.stringify([title, rows.length, rows.slice(0, MAX_ROWS), legend]);
  const hit = rendered.get(key);
  if (hit) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const png = drawTimelinePng(title, rows);
  rendered.set(key, png);
  if (rendered.size > RENDER_CACHE) rendered.delete(rendered.keys().next().value as string);
  return png;
}

function drawTimelinePng(title: string, rows: readonly TimelineImageRow[]): Uint8Array {
  const shown = rows.slice(0, MAX_ROWS);
  const documents = [...new Set(rows.flatMap((r) => r.documents))];
  const color = (id: string) => PALETTE[Math.max(0, documents.indexOf(id)) % PALETTE.length] as string;
  const legendRows = Math.ceil(documents.length / 3);
  const height = TOP + Math.max(1, shown.length) * ROW + 30 + legendRows * 20 + 20;
  const canvas = createCanvas(WIDTH, height);
  const ctx = canvas.getContext('2d');
  const font = family();

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.fillStyle = '#111827';
  ctx.font = `bold 20px "${font}"`;
  ctx.fillText(fit(ctx, title, WIDTH - 40), 20, 30);
  ctx.font = `13px "${font}"`;
  ctx.fillStyle = '#6b7280';
  const note =
    rows.length > shown.length
      ? `Showing the first ${shown.length} of ${rows.length} events`
      : `${rows.length} event${rows.length === 1 ? '' : 's'}`;
  ctx.fillText(note, 20, 50);

  ctx.strokeStyle = '#d1d5db';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(AXIS, TOP - 6);
  ctx.lineTo(AXIS, TOP + Math.max(1, shown.length) * ROW - 10);
  ctx.stroke();

  let previous = '';
  shown.forEach((row, i) => {
    const y = TOP + i * ROW + 12;
    if (row.label !== previous) {
      ctx.fillStyle = '#111827';
      ctx.font = `bold 12px "${font}"`;
      ctx.textAlign = 'right';
      ctx.fillText(row.label, AXIS - 16, y + 4);
      ctx.textAlign = 'left';
      previous = row.label;
    }
    ctx.fillStyle = color(row.documents[0] ?? '');
    ctx.beginPath();
    ctx.arc(AXIS, y, 5, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#1f2937';
    ctx.font = `12px "${font}"`;
    const badge = row.documents.length > 1 ? `  ×${row.documents.length} sources` : '';
    ctx.fillText(fit(ctx, row.text, WIDTH - AXIS - 40 - (badge ? 100 : 0)) + badge, AXIS + 16, y + 4);
  });

  let ly = TOP + Math.max(1, shown.length) * ROW + 24;
  ctx.font = `12px "${font}"`;
  documents.forEach((id, i) => {
    const x = 20 + (i % 3) * 310;
    if (i > 0 && i % 3 === 0) ly += 20;
    ctx.fillStyle = color(id);
    ctx.fillRect(x, ly - 9, 10, 10);
    ctx.fillStyle = '#374151';
    ctx.fillText(fit(ctx, id, 290), x + 16, ly);
  });

  return new Uint8Array(canvas.encodeSync('png'));
}
