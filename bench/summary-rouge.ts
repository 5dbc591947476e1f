/**
 * ROUGE-1/2/L (F) of single-document summaries of the seeds against hand-written references
 * (bench/fixtures/summary-references.json): the summariser (source mode, 3 points) vs Lead-3 and plain TextRank
 * (top 3 sentences by TextRank over the same sentence graph, in document order, no redundancy removal).
 * Run: npx tsx bench/summary-rouge.ts  (prints a table, writes bench/results/summary-rouge.json)
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadAnalysis } from '../src/data/load-analysis.js';
import { summarise } from '../src/core/summary/select.js';
import { textRank } from '../src/core/summary/model.js';
import { rouge, type RougeScores } from '../src/core/summary/rouge.js';
import type { Analysis } from '../src/core/analysis.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SIZE = 3;

type System = (a: Analysis, documentId: string) => string[];

const articleSentences = (a: Analysis, documentId: string) =>
  a.summary.sentences.filter((s) => s.passage.documentId === documentId && s.passage.role === 'body');

const systems: Record<string, System> = {
  'Lead-3': (a, id) =>
    articleSentences(a, id)
      .slice(0, SIZE)
      .map((s) => s.passage.text),
  TextRank: (a, id) => {
    const sentences = articleSentences(a, id);
    const ranks = textRank(sentences.map((s) => s.vector));
    return sentences
      .map((s, i) => ({ s, r: ranks[i] ?? 0 }))
      .sort((x, y) => y.r - x.r)
      .slice(0, SIZE)
      .sort((x, y) => x.s.passage.id - y.s.passage.id)
      .map((x) => x.s.passage.text);
  },
  Counterpoint: (a, id) => {
    const r = summarise(a.summary, a.index, { documentId: id, length: 'short' });
    return r.ok ? r.points.map((p) => p.text) : [];
  },
};

async function main() {
  const refs = JSON.parse(await readFile(join(HERE, 'fixtures', 'summary-references.json'), 'utf8')) as {
    references: Record<string, string>;
  };
  const { analysis } = await loadAnalysis(join(HERE, '..', 'seeds'));
  const rows: {
    system: string;
    rouge1: number;
    rouge2: number;
    rougeL: number;
    perDocument: Record<string, RougeScores>;
  }[] = [];
  for (const [name, system] of Object.entries(systems)) {
    const perDocument: Record<string, RougeScores> = {};
    for (const [id, reference] of Object.entries(refs.references))
      perDocument[id] = rouge(system(analysis, id).join(' '), reference);
    const scores = Object.values(perDocument);
    const mean = (k: keyof RougeScores) => scores.reduce((s, x) => s + x[k], 0) / Math.max(scores.length, 1);
    rows.push({
      system: name,
      rouge1: mean('rouge1'),
      rouge2: mean('rouge2'),
      rougeL: mean('rougeL'),
      perDocument,
    });
  }
  const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
  console.log(
    `Single-document summaries of the ${Object.keys(refs.references).length} seeds, ${SIZE} sentences, ROUGE F (%) vs one hand-written reference each`,
  );
  console.log(`${'system'.padEnd(14)}${'R-1'.padStart(6)}${'R-2'.padStart(6)}${'R-L'.padStart(6)}`);
  for (const r of rows) console.log(`${r.system.padEnd(14)}${pct(r.rouge1)}${pct(r.rouge2)}${pct(r.rougeL)}`);
  await mkdir(join(HERE, 'results'), { recursive: true });
  await writeFile(
    join(HERE, 'results', 'summary-rouge.json'),
    `${JSON.stringify({ sentences: SIZE, documents: Object.keys(refs.references), systems: rows }, null, 2)}\n`,
  );
}

await main();
