/**
 * Parsing a large batch of documents on two cores: a worker thread and the main thread take documents from one
 * shared queue (parse-queue.ts) until it is empty, and the main thread expands the worker's compact documents (a
 * small fraction of a parse) between its own as they arrive, so the queue balances that work too. wink-nlp is
 * single-threaded and the parse is most of a cold start, so on a 2-core machine this nearly halves it. Small
 * batches stay on the main thread: starting a worker (loading wink-nlp's model) costs about what parsing half a
 * million characters does. Any failure of the worker only means the main thread parses what the worker took and
 * did not return. After a load's parse the worker stays to compute part of the engines (shared-analysis.ts).
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CorpusInput } from '../core/corpus/corpus.js';
import type { CorpusDocument } from '../core/corpus/types.js';
import type { QuoteAnalysis } from '../core/quotes/index.js';
import type { TimeAnalysis } from '../core/time/index.js';
import { storedForm, type StoredDocument } from './analysis-cache.js';
import type { SummaryColumns } from './analysis-snapshot.js';
import type { EngineRequest, ParseReply, ParsedDocument, ParseRequest } from './parse-worker.js';
import type { EngineHelper } from './shared-analysis.js';

/** Below this many characters to parse, a worker's start-up costs more than it saves. */
export const MIN_PARALLEL_CHARS = 500_000;

/** Whether a batch is worth a worker: large enough, and a second core to run it. */
export function worthAWorker(inputs: readonly CorpusInput[], cores = availableParallelism()): boolean {
  if (cores < 2) return false;
  let total = 0;
  for (const i of inputs) total += i.raw.text.length;
  return total >= MIN_PARALLEL_CHARS;
}

/**
 * The order both threads take documents in: largest first, so the last ones taken are small and the two threads
 * finish close together.
 */
export function queueOrder(inputs: readonly CorpusInput[]): number[] {
  return inputs
    .map((_, i) => i)
    .sort((a, b) => (inputs[b] as CorpusInput).raw.text.length - (inputs[a] as CorpusInput).raw.text.length || a - b);
}

/**
 * The worker's young generation: a parse allocates many short-lived objects (wink's token arrays, our tokens
 * before compaction), and a larger nursery than V8's default cuts the worker's garbage-collection time by about a
 * third on gen-500 (355-400 ms to 240-280 ms of its CPU profile).
 */
const WORKER_YOUNG_GENERATION_MB = 64;

/**
 * Starts the worker: the compiled module as it is, or, when running from TypeScript sources (tsx in development,
 * vitest in tests), a small bootstrap that registers tsx's loader in the worker and then imports the source. Passing
 * `--import tsx` in `execArgv` is not enough: Node 20 does not apply loader hooks to a worker's entry module.
 */
function startWorker(): Worker {
  const options = { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } };
  const ext = extname(fileURLToPath(import.meta.url));
  const entry = new URL(`./parse-worker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(entry, options);
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * Parses documents of `inputs` on a worker thread, taking their positions from `queue` (see parse-queue.ts) as
 * the main thread does. Each document the worker parses goes to `onParsed` as soon as it arrives (its stored form,
 * and entry bytes when `entries`), so the main thread can expand it between its own. Resolves to all the documents
 * the worker parsed once the queue is empty, or to null if the worker could not start, failed or died: the
 * documents already passed to `onParsed` stand, and the caller parses itself whatever the worker did not return.
 */
export function parseOnWorker(
  inputs: readonly CorpusInput[],
  entries: boolean,
  queue: Int32Array,
  onParsed: (document: ParsedDocument) => void = () => undefined,
): Promise<ParsedDocument[] | null> {
  return new ParseWorker(inputs, entries, queue, onParsed, false).parsed;
}

/**
 * The worker of one parse, as `parseOnWorker` describes it; with `keep`, it then stays for the engines' phase
 * (shared-analysis.ts) until `close`, without keeping the process alive. Every promise resolves to null once the
 * worker has failed, died or been closed.
 */
export class ParseWorker implements EngineHelper {
  readonly parsed: Promise<ParsedDocument[] | null>;
  private worker: Worker | null = null;
  private readonly held = new WeakSet<CorpusDocument>();
  /** What the engines' phase waits for, in the order the worker replies. */
  private readonly waiting: ((reply: ParseReply | null) => void)[] = [];

  constructor(
    inputs: readonly CorpusInput[],
    entries: boolean,
    queue: Int32Array,
    onParsed: (document: ParsedDocument) => void,
    private readonly keep: boolean,
  ) {
    this.parsed = new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = startWorker();
      } catch {
        resolve(null);
        return;
      }
      this.worker = worker;
      const parsed: ParsedDocument[] = [];
      let done = false;
      const settle = (value: ParsedDocument[] | null): void => {
        if (done) return;
        done = true;
        resolve(value);
        if (value === null || !keep) this.close();
        // Idle until the engines' phase: the worker must not keep the process alive on its own.
        else worker.unref();
      };
      worker.on('message', (reply: ParseReply) => {
        if (reply.kind === 'parsed') {
          if (done) return;
          parsed.push(reply.document);
          onParsed(reply.document);
        } else if (reply.kind === 'done') settle(parsed);
        else if (reply.kind === 'failed') settle(null);
        // The engines' phase failed (perhaps on a document sent, which no request waits on): all of it is off.
        else if (reply.kind === 'engine-failed') this.close();
        else this.waiting.shift()?.(reply);
      });
      const died = (): void => {
        settle(null);
        this.close();
      };
      worker.once('error', died);
      worker.once('exit', died);
      worker.postMessage({ kind: 'parse', inputs, entries, next: queue, keep } satisfies ParseRequest);
    });
  }

  /** Whether the worker is running and keeps its documents for the engines' phase. */
  get open(): boolean {
    return this.keep && this.worker !== null;
  }

  /** Marks a document expanded from one the worker parsed: the worker holds it. */
  holds(doc: CorpusDocument): void {
    this.held.add(doc);
  }

  has(doc: CorpusDocument): boolean {
    return this.held.has(doc);
  }

  send(doc: CorpusDocument, stored: StoredDocument = storedForm(doc)): void {
    if (!this.post({ kind: 'document', stored, text: doc.text })) return;
    this.held.add(doc);
  }

  begin(ids: readonly string[]): Promise<TimeAnalysis | null> {
    return this.ask({ kind: 'begin', ids }, (reply) => (reply.kind === 'time' ? reply.time : null));
  }

  summary(quotes: QuoteAnalysis): Promise<SummaryColumns | null> {
    return this.ask({ kind: 'quotes', quotes }, (reply) => (reply.kind === 'summary' ? reply.columns : null));
  }

  close(): void {
    const worker = this.worker;
    this.worker = null;
    for (let w = this.waiting.shift(); w !== undefined; w = this.waiting.shift()) w(null);
    if (worker) void worker.terminate();
  }

  private post(message: EngineRequest): boolean {
    if (!this.keep || this.worker === null) return false;
    try {
      this.worker.postMessage(message);
      return true;
    } catch {
      // A message that cannot be cloned: the worker's results would be wrong without it.
      this.close();
      return false;
    }
  }

  /** Posts `message` and resolves to what `take` makes of the worker's next reply (null: failed or closed). */
  private ask<T>(message: EngineRequest, take: (reply: ParseReply) => T | null): Promise<T | null> {
    return new Promise((resolve) => {
      if (!this.post(message)) {
        resolve(null);
        return;
      }
      // Waited for: the worker keeps the process alive until it replies.
      this.worker?.ref();
      this.waiting.push((reply) => {
        const value = reply === null ? null : take(reply);
        // A failure answers this request and leaves the rest unanswered: end the worker.
        if (value === null) this.close();
        else if (this.waiting.length === 0) this.worker?.unref();
        resolve(value);
      });
    });
  }
}
