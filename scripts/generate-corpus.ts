/**
 * Generates a large corpus from the seeds, for benchmarks: each article recombines the paragraphs of a seed
 * (and a few from another seed of the same kind) with its speakers renamed and its dates moved by whole
 * 52-week steps, so weekdays still match their dates and the timeline has real work to do.
 *
 *   npx tsx scripts/generate-corpus.ts OUT_DIR [COUNT=2000]
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MONTHS as CALENDAR_MONTHS } from '../src/core/text/calendar-words.js';

const MONTHS = CALENDAR_MONTHS.map((m) => `${m.charAt(0).toUpperCase()}${m.slice(1)}`);

/** Surnames the seeds quote, and the invented names that stand in for them in generated articles. */
const RENAMES: [string, string[]][] = [
  ['Blinken', ['Harlow', 'Okafor', 'Lindqvist', 'Marchetti']],
  ['Putin', ['Volkov', 'Sorokin', 'Belov', 'Orlov']],
  ['Tokayev', ['Abenov', 'Seitkali', 'Nurlanov', 'Zhaksy']],
  ['Antonov', ['Petrenko', 'Gromov', 'Lebedev', 'Kuznetsov']],
  ['Price', ['Ellison', 'Baptiste', 'Hale', 'Moreno']],
  ['Hill', ['Carver', 'Dunmore', 'Ashby', 'Whitlock']],
  ['Green', ['Fairbanks', 'Holloway', 'Pryce', 'Langford']],
  ['Lukyanov', ['Zaitsev', 'Fedorov', 'Morozov', 'Novikov']],
];

function shiftDate(year: number, month: number, day: number, steps: number): Date {
  const d = new Date(Date.UTC(year, month, day));
  d.setUTCDate(d.getUTCDate() + 364 * steps);
  return d;
}

/** Moves "January 7", "January 7, 2022", "Jan. 10" and bare years by `steps` 52-week periods. */
export function shiftText(text: string, steps: number, baseYear: number): string {
  const months = MONTHS.join('|');
  let out = text.replace(
    new RegExp(`\\b(${months})\\s+(\\d{1,2})(,\\s+(\\d{4}))?\\b`, 'g'),
    (_m, mon: string, day: string, _y, year?: string) => {
      const m = MONTHS.indexOf(mon);
      const d = shiftDate(year ? Number(year) : baseYear, m, Number(day), steps);
      return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}${year ? `, ${d.getUTCFullYear()}` : ''}`;
    },
  );
  out = out.replace(/\b(19[5-9]\d|20[0-3]\d)\b(?![,]?\s*\d)/g, (y) => String(Number(y) + steps));
  return out;
}

export function renameSpeakers(text: string, variant: number): string {
  let out = text;
  for (const [from, tos] of RENAMES)
    out = out.replace(new RegExp(`\\b${from}\\b`, 'g'), tos[variant % tos.length] as string);
  return out;
}

interface SeedEntry {
  file: string;
  title?: string;
  outlet?: string | null;
  author?: string | null;
  published?: string | null;
  kind?: string;
}

export async function generateCorpus(seedDir: string, outDir: string, count: number): Promise<void> {
  const manifest = JSON.parse(await readFile(join(seedDir, 'manifest.json'), 'utf8')) as {
    documents: SeedEntry[];
  };
  const files = (await readdir(seedDir)).filter((f) => f.endsWith('.txt')).sort();
  const texts = await Promise.all(files.map((f) => readFile(join(seedDir, f), 'utf8')));
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const entries: SeedEntry[] = [];
  for (let i = 0; i < count; i++) {
    const s = i % files.length;
    const other = (i * 7 + 3) % files.length;
    const steps = 1 + (Math.floor(i / files.length) % 4);
    const variant = Math.floor(i / files.length);
    const base = texts[s] as string;
    const donor = (texts[other] as string)
      .split('\n\n')
      .filter((p) => p.length > 200 && !/^\s+\d+\./.test(p));
    const extra = donor.slice(variant % Math.max(donor.length, 1), (variant % Math.max(donor.length, 1)) + 2);
    // The donor paragraphs go before the comment section or trailer, as more body text.
    const marker = base.search(/\n(\d+ Comments|Leave a (Comment|Reply)|Give a Comment)/);
    const cut = marker === -1 ? base.length : marker;
    const text = renameSpeakers(
      shiftText(`${base.slice(0, cut)}\n\n${extra.join('\n\n')}\n${base.slice(cut)}`, steps, 2022),
      variant,
    );
    const file = `gen_${String(i).padStart(5, '0')}.txt`;
    await writeFile(join(outDir, file), text);
    const seed = manifest.documents.find((e) => e.file === files[s]);
    const published = seed?.published
      ? shiftDate(
          ...((seed.published.split('-').map(Number) as [number, number, number]).map((n, k) =>
            k === 1 ? n - 1 : n,
          ) as [number, number, number]),
          steps,
        )
          .toISOString()
          .slice(0, 10)
      : null;
    entries.push({
      file,
      title: renameSpeakers(`${seed?.title ?? file} (${i})`, variant),
      outlet: seed?.outlet ?? null,
      author: seed?.author ?? null,
      published,
      kind: seed?.kind ?? 'news',
    });
  }
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify({ documents: entries }, null, 1)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, count] = process.argv.slice(2);
  if (!out) {
    process.stderr.write('usage: generate-corpus OUT_DIR [COUNT]\n');
    process.exit(2);
  }
  await generateCorpus(join(import.meta.dirname, '..', 'seeds'), out, Number(count ?? 2000));
  process.stdout.write(`wrote ${count ?? 2000} articles to ${out}\n`);
}
