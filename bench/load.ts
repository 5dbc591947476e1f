/**
 * `npm run bench:load`: the bot under load through the loopback Discord stand-in. A tiny driver keeps
 * `concurrency` interactions in flight (dispatch, wait for the acknowledgement and the answer, send the next),
 * over a mix of every answering command with realistic options (and one deliberately unknown speaker, whose
 * error answer is expected). Prints the acknowledgement and full-answer latency percentiles as a table and
 * writes bench/results/load.json. `LOAD_INTERACTIONS` (default 10000) and `LOAD_CONCURRENCY` (default 50).
 *
 * `runLoad` is also what test/e2e/load.test.ts runs (with fewer interactions, to stay quick in the suite).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCommands } from '../src/commands/_load.js';
import type { CommandModule } from '../src/commands/_types.js';
import { startBot } from '../src/discord/bot.js';
import { collectingLog, configFor, Driver, EPHEMERAL, type Answered } from '../test/e2e/_driver.js';
import { startDiscordStandin } from '../test/support/discord-standin.js';

export interface Variant {
  readonly command: string;
  readonly options: Record<string, string | number | boolean>;
  /** An error answer is the right answer (an unknown speaker). */
  readonly expectError?: boolean;
}

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface LoadFailure {
  readonly command: string;
  readonly options: Variant['options'];
  readonly reason: string;
}

export interface LoadResult {
  readonly interactions: number;
  readonly concurrency: number;
  readonly wallMs: number;
  readonly perSecond: number;
  /** Each variant once, one at a time, before the measured run (not in the percentiles below). */
  readonly warmup: { readonly interactions: number; readonly ack: Percentiles };
  readonly ack: Percentiles;
  readonly answer: Percentiles;
  /** Per command: count and percentiles of the full answer. */
  readonly byCommand: Record<string, { count: number; ack: Percentiles; answer: Percentiles }>;
  /** Measured interactions acknowledged and answered (of `interactions`). */
  readonly acknowledged: number;
  readonly lateAcks: number;
  /** Callbacks Discord would have rejected: 10062 (too late) and 40060 (already acknowledged). */
  readonly rejectedCallbacks: number;
  readonly expectedErrors: number;
  readonly failures: readonly LoadFailure[];
  /** Error lines the bot logged during the run. */
  readonly botErrors: readonly string[];
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN };
}

/**
 * The mix: each answering command with options a member would type. Names and sources come from the loaded
 * corpus (its autocomplete answers), so the mix fits any corpus, not only the seeds.
 */
export function mixFor(
  commands: ReadonlyMap<string, CommandModule>,
  ctx: Parameters<NonNullable<CommandModule['autocomplete']>>[2],
): Variant[] {
  const suggest = (command: string, option: string, typed = ''): string[] =>
    (commands.get(command)?.autocomplete?.(option, typed, ctx) ?? []).map((c) => c.value).slice(0, 4);
  const sources = ctx.analysis.corpus.documents.slice(0, 3).map((d) => d.meta.id);
  const speakers = suggest('quote', 'speaker');
  const topics = suggest('viewpoints', 'topic');
  const queries = ['troops', 'protests', 'president said', 'security', 'Russia'];
  const table: Record<string, Variant['options'][]> = {
    sources: [{}],
    speakers: [{}, ...sources.map((source) => ({ source }))],
    search: [
      ...queries.map((query) => ({ query })),
      ...sources.map((source) => ({ query: queries[0] ?? 'the', source })),
    ],
    summary: [
      {},
      { length: 'short' },
      { length: 'long' },
      ...sources.map((source) => ({ source })),
      { topic: queries[0] ?? '' },
    ],
    timeline: [{}, ...sources.map((source) => ({ source })), { topic: queries[1] ?? '' }],
    quote: [
      ...speakers.map((speaker) => ({ speaker })),
      ...speakers.slice(0, 2).map((speaker) => ({ speaker, topic: queries[0] ?? '' })),
    ],
    viewpoints: topics.map((topic) => ({ topic })),
    counterpoint: [
      { claim: 'The foreign troops should stay in the country' },
      { claim: 'The protests were peaceful' },
      { claim: 'The government handled the unrest well' },
    ],
  };
  const variants: Variant[] = [];
  for (const [name, command] of commands) {
    if (!command.run) continue;
    const rows = table[name] ?? [{}];
    for (const options of rows) variants.push({ command: name, options });
  }
  if (commands.has('quote'))
    variants.push({ command: 'quote', options: { speaker: 'Zzyzx Qwertyuiop' }, expectError: true });
  return variants;
}

export interface LoadOptions {
  readonly interactions: number;
  readonly concurrency: number;
  readonly corpusDir?: string;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const standin = await startDiscordStandin({ heartbeatIntervalMs: 30_000 });
  const log = collectingLog();
  const bot = await startBot(configFor(standin, { CORPUS_DIR: options.corpusDir ?? 'seeds' }), {
    log,
    handleProcessEvents: false,
  });
  const driver = new Driver(standin, 15_000);
  try {
    const commands = await loadCommands();
    const variants = mixFor(commands, { analysis: bot.analysis, now: new Date() });
    const results: { variant: Variant; answered?: Answered; error?: string }[] = [];
    // Warm-up: each variant once, one at a time (first calls compile code and fill lazy caches); checked like
    // the rest, reported apart.
    const warmup: number[] = [];
    for (const variant of variants) {
      try {
        const answered = await driver.command({ name: variant.command, options: variant.options });
        results.push({ variant, answered });
        warmup.push(answered.ackMs);
      } catch (error) {
        results.push({ variant, error: (error as Error).message });
      }
    }
    const measuredFrom = results.length;
    let next = 0;
    const started = performance.now();
    const worker = async (): Promise<void> => {
      while (next < options.interactions) {
        const i = next++;
        const variant = variants[i % variants.length] as Variant;
        try {
          const answered = await driver.command({ name: variant.command, options: variant.options });
          results.push({ variant, answered });
        } catch (error) {
          results.push({ variant, error: (error as Error).message });
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const wallMs = performance.now() - started;

    const failures: LoadFailure[] = [];
    const acks: number[] = [];
    const answers: number[] = [];
    const per = new Map<string, { ack: number[]; answer: number[] }>();
    let lateAcks = 0;
    let rejectedCallbacks = 0;
    let expectedErrors = 0;
    for (const [index, { variant, answered, error }] of results.entries()) {
      const fail = (reason: string) =>
        failures.push({ command: variant.command, options: variant.options, reason });
      if (!answered) {
        fail(error ?? 'not answered');
        continue;
      }
      const { record } = answered;
      if (index >= measuredFrom) {
        acks.push(answered.ackMs);
        answers.push(answered.answerMs);
        const bucket = per.get(variant.command) ?? { ack: [], answer: [] };
        bucket.ack.push(answered.ackMs);
        bucket.answer.push(answered.answerMs);
        per.set(variant.command, bucket);
      }
      if (!(answered.ackMs < 3000)) {
        lateAcks += 1;
        fail(`acknowledged after ${answered.ackMs} ms`);
      }
      const rejected = record.callbacks.filter((c) => c.code === 10062 || c.code === 40060).length;
      if (rejected > 0) {
        rejectedCallbacks += rejected;
        fail(`callback rejected (${record.callbacks.map((c) => c.code).join(', ')})`);
      }
      const isError = answered.ephemeral && !(answered.answer.embeds?.length ?? 0);
      if (isError && variant.expectError) expectedErrors += 1;
      else if (isError) fail(`error answer: ${answered.text.slice(0, 200)}`);
      else if (variant.expectError) fail('expected an error answer');
      if ((answered.answer.flags ?? 0) & EPHEMERAL && !isError) fail('a corpus answer was ephemeral');
    }
    const byCommand: LoadResult['byCommand'] = {};
    for (const [name, b] of [...per].sort(([a], [c]) => a.localeCompare(c)))
      byCommand[name] = { count: b.ack.length, ack: percentiles(b.ack), answer: percentiles(b.answer) };
    return {
      interactions: options.interactions,
      concurrency: options.concurrency,
      wallMs: Math.round(wallMs),
      perSecond: Math.round(((results.length - measuredFrom) / wallMs) * 1000),
      warmup: { interactions: warmup.length, ack: percentiles(warmup) },
      ack: percentiles(acks),
      answer: percentiles(answers),
      byCommand,
      acknowledged: results.slice(measuredFrom).filter((r) => r.answered).length,
      lateAcks,
      rejectedCallbacks,
      expectedErrors,
      failures,
      botErrors: log.lines.filter((l) => l.startsWith('error') || /10062|40060/.test(l)),
    };
  } finally {
    driver.close();
    await bot.stop();
    await standin.close();
  }
}

export function loadTable(r: LoadResult): string {
  const row = (name: string, n: number, a: Percentiles, b: Percentiles) =>
    `| ${name.padEnd(14)} | ${String(n).padStart(6)} | ${[a.p50, a.p95, a.p99, a.max, b.p50, b.p95, b.p99, b.max].map((v) => String(Math.round(v)).padStart(5)).join(' | ')} |`;
  return [
    `Load: ${r.interactions} interactions, ${r.concurrency} in flight, ${r.wallMs} ms (${r.perSecond}/s), after a warm-up of ${r.warmup.interactions} (ack max ${Math.round(r.warmup.ack.max)} ms); acknowledged ${r.acknowledged}, late ${r.lateAcks}, 10062/40060 ${r.rejectedCallbacks}, expected errors ${r.expectedErrors}, failures ${r.failures.length}`,
    '| command        |      n | ack p50 |   p95 |   p99 |   max | answer p50 |   p95 |   p99 |   max |',
    '|----------------|-------:|------:|------:|------:|------:|------:|------:|------:|------:|',
    ...Object.entries(r.byCommand).map(([name, c]) => row(`/${name}`, c.count, c.ack, c.answer)),
    row('all', r.interactions, r.ack, r.answer),
    "(ms; ack = dispatch to accepted callback, answer = dispatch to the reply or the deferred reply's edit)",
  ].join('\n');
}

export async function writeLoadResult(
  r: LoadResult,
  root = join(import.meta.dirname, '..'),
): Promise<string> {
  const dir = join(root, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'load.json');
  const { failures, botErrors, ...rest } = r;
  await writeFile(
    file,
    `${JSON.stringify({ ...rest, failures: failures.slice(0, 20), botErrors: botErrors.slice(0, 20), node: process.version, at: new Date().toISOString() }, null, 2)}\n`,
  );
  return file;
}

async function main(): Promise<void> {
  const result = await runLoad({
    interactions: Number(process.env.LOAD_INTERACTIONS ?? 10_000),
    concurrency: Number(process.env.LOAD_CONCURRENCY ?? 50),
  });
  process.stdout.write(`${loadTable(result)}\n`);
  const file = await writeLoadResult(result);
  process.stdout.write(`written to ${file}\n`);
  for (const f of result.failures.slice(0, 10))
    process.stdout.write(`failure: /${f.command} ${JSON.stringify(f.options)}: ${f.reason}\n`);
  if (result.failures.length > 0 || result.botErrors.length > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
