/**
 * Measures one corpus in a fresh process (so peak memory is its own): load, analysis, a bare wink-nlp pass
 * over the same text, and each command's latency. Prints one JSON object. Used by bench/run.ts.
 *
 *   npx tsx bench/measure.ts CORPUS_DIR [CALLS]
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadCorpusFolder } from '../src/data/corpus-loader.js';
import { corpusOf } from '../src/core/corpus/corpus.js';
import { AnalysisCache } from '../src/data/analysis-cache.js';
import { analyzeCorpus } from '../src/core/analysis.js';
import { settleHeap } from '../src/data/settle-heap.js';
import { loadCommands } from '../src/commands/_load.js';
import { checkOptions } from '../src/commands/_options.js';
import type { CommandContext, CommandModule } from '../src/commands/_types.js';
import { commandCases } from './cases.js';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** One turn of the event loop. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const dir = process.argv[2];
const calls = Number(process.argv[3] ?? 600);
if (!dir) throw new Error('usage: measure CORPUS_DIR [CALLS]');

const t0 = performance.now();
const folder = await loadCorpusFolder(dir);
const tRead = performance.now() - t0;
const texts = folder.inputs.map((i) => i.raw.text);
const chars = texts.reduce((n, t) => n + t.length, 0);

// The floor: wink-nlp's default pipeline over the same text, once, and its tokenizer alone.
const full = winkNLP(model);
const tokenizerOnly = winkNLP(model, []);
let tokens = 0;
let t1 = performance.now();
for (const t of texts) tokens += full.readDoc(t).tokens().length();
const tBare = performance.now() - t1;
t1 = performance.now();
for (const t of texts) tokenizerOnly.readDoc(t).tokens().length();
const tTokenizer = performance.now() - t1;

// The bot's cold start: every document parsed (a large batch partly on a worker thread, as the bot does), with
// the on-disk cache off, then the engines. CPU time (all threads) is reported beside wall time.
const cpu0 = process.cpuUsage();
t1 = performance.now();
const { documents } = await new AnalysisCache(null).documents(folder.inputs);
const corpus = corpusOf([...documents].sort((a, b) => a.meta.id.localeCompare(b.meta.id)));
const tParse = performance.now() - t1;
t1 = performance.now();
const analysis = analyzeCorpus(corpus);
const tAnalyze = performance.now() - t1;
const cpuUsed = process.cpuUsage(cpu0);
const cpuMs = (cpuUsed.user + cpuUsed.system) / 1000;
// What the bot does next, before it answers (src/data/load-analysis.ts): one full collection of the load's garbage
// (run.ts starts this process with --expose-gc, as npm start does). Timed apart: it is start-up, not analysis.
const tSettle = settleHeap() ?? 0;

const commands = await loadCommands();
const ctx: CommandContext = { analysis, now: new Date() };
const latencies: Record<
  string,
  {
    first: number;
    median: number;
    p95: number;
    p99: number;
    calls: number;
    cases: number;
    failures: number;
    /** The same percentiles over the last half of the calls (steady state). */
    warm: { median: number; p95: number; p99: number };
  }
> = {};
for (const [name, command] of commands as Map<string, CommandModule>) {
  if (!command.run) continue;
  const cases = commandCases(name, command, analysis);
  const times: number[] = [];
  let failures = 0;
  const call = (raw: Record<string, string>): number => {
    const s = performance.now();
    const checked = checkOptions(command.data, raw);
    const outcome = checked.ok ? command.run!(checked.options, ctx) : checked;
    const ms = performance.now() - s;
    if (!outcome.ok && outcome.code !== 'NO_RESULTS' && outcome.code !== 'UNKNOWN_SPEAKER') failures++;
    return ms;
  };
  // The first call after start-up (JIT compilation, lazily built tables) is reported on its own, not in the
  // percentiles; every later call cycles through the cases, so most of them differ from the call before. Calls
  // are one event-loop turn apart, as the bot's interactions are (each arrives as its own socket event): between
  // turns V8 runs the garbage collector's posted tasks and native buffers are released, which a tight synchronous
  // loop would instead charge to the calls. The turn itself is not timed.
  await nextTurn();
  const first = call(cases[0] as Record<string, string>);
  for (let i = 0; i < calls; i++) {
    await nextTurn();
    times.push(call(cases[i % cases.length] as Record<string, string>));
  }
  // Steady state: the last half of the calls, once V8 has compiled and re-optimised the command's code (on the
  // seeds the slow calls of the first ~150 are compilation, not garbage collection: no collection runs in them).
  const warm = times.slice(Math.floor(times.length / 2)).sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  latencies[name] = {
    first,
    cases: cases.length,
    median: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    calls,
    failures,
    warm: { median: percentile(warm, 50), p95: percentile(warm, 95), p99: percentile(warm, 99) },
  };
}

const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({
    dir,
    documents: corpus.documents.length,
    chars,
    tokens,
    problems: folder.problems.length,
    ms: {
      read: tRead,
      parse: tParse,
      analyze: tAnalyze,
      total: tParse + tAnalyze,
      settle: tSettle,
      cpu: cpuMs,
      bareWink: tBare,
      tokenizerOnly: tTokenizer,
    },
    ratioToBareWink: (tParse + tAnalyze) / tBare,
    ratioToTokenizerOnly: (tParse + tAnalyze) / tTokenizer,
    peakRssMb: usage.maxRSS / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024,
    latencies,
  })}\n`,
);
