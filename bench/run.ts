/**
 * `npm run bench`: corpus load + analysis time, peak memory and the ratio to a bare wink-nlp pass, and every
 * command's latency (median, p95, p99), on the seeds and on generated corpora of growing size. Prints tables
 * and writes bench/results/bench.json. A benchmark, not a test: it asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateCorpus } from '../scripts/generate-corpus.js';

const root = join(import.meta.dirname, '..');
const sizes = (process.env.BENCH_SIZES ?? '500,1000,2000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const calls = Number(process.env.BENCH_CALLS ?? 600);

interface Measure {
  dir: string;
  documents: number;
  chars: number;
  tokens: number;
  ms: Record<string, number>;
  ratioToBareWink: number;
  ratioToTokenizerOnly: number;
  peakRssMb: number;
  latencies: Record<
    string,
    {
      first: number;
      median: number;
      p95: number;
      p99: number;
      cases: number;
      failures: number;
      warm: { median: number; p95: number; p99: number };
    }
  >;
}

function measure(dir: string): Measure {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', join(root, 'bench/measure.ts'), dir, String(calls)],
    {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return JSON.parse(out.toString()) as Measure;
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = rows.map((r) =>
    r.map((c) => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(2)) : c)),
  );
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join(
    '\n',
  );
}

const results: Measure[] = [measure(join(root, 'seeds'))];
for (const n of sizes) {
  const dir = join(root, 'bench', '.corpora', `gen-${n}`);
  if (!existsSync(join(dir, 'manifest.json'))) await generateCorpus(join(root, 'seeds'), dir, n);
  results.push(measure(dir));
}

const label = (m: Measure) => (m.dir.endsWith('seeds') ? 'seeds' : `generated ${m.documents}`);
process.stdout.write('\nCorpus load and analysis\n');
process.stdout.write(
  `${table(
    [
      'corpus',
      'docs',
      'tokens',
      'parse+analysis ms',
      'CPU ms (all threads)',
      'bare wink ms',
      'ratio',
      'tokenizer-only ms',
      'peak RSS MB',
      'then full GC ms',
    ],
    results.map((m) => [
      label(m),
      m.documents,
      m.tokens,
      m.ms.total as number,
      m.ms.cpu as number,
      m.ms.bareWink as number,
      m.ratioToBareWink,
      m.ms.tokenizerOnly as number,
      m.peakRssMb,
      m.ms.settle ?? 0,
    ]),
  )}\n`,
);
const commands = Object.keys(results[0]?.latencies ?? {});
/** One row per command, one column per corpus, each cell drawn from that command's latency figures. */
function latencyTable(title: string, cell: (l: Measure['latencies'][string]) => string): void {
  const rows = commands.map((c) => [
    `/${c}`,
    ...results.map((m) => {
      const l = m.latencies[c];
      return l ? cell(l) : '-';
    }),
  ]);
  process.stdout.write(`\n${title}\n${table(['command', ...results.map(label)], rows)}\n`);
}
latencyTable(
  'Command latency, ms (median / p95 / p99 over the calls, cycling through the cases; first call apart)',
  (l) => `${l.median.toFixed(2)} / ${l.p95.toFixed(2)} / ${l.p99.toFixed(2)}`,
);
latencyTable(
  'Steady state: the same over the last half of the calls (code compiled and re-optimised), ms',
  (l) => `${l.warm.median.toFixed(2)} / ${l.warm.p95.toFixed(2)} / ${l.warm.p99.toFixed(2)}`,
);
latencyTable(
  'First call after start-up, ms, and the number of distinct cases per command',
  (l) => `${l.first.toFixed(2)} (${l.cases} cases)`,
);
await mkdir(join(root, 'bench/results'), { recursive: true });
await writeFile(
  join(root, 'bench/results/bench.json'),
  `${JSON.stringify({ at: new Date().toISOString(), calls, results }, null, 2)}\n`,
);
process.stdout.write('\nwrote bench/results/bench.json\n');
