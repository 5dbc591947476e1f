/**
 * Parsing a large batch of documents on two cores: a worker thread and the main thread take documents from one
 * shared queue (parse-queue.ts) until it is empty, and the main thread expands the worker's compact documents (a
 * small fraction of a parse) between its own as they arrive, so the queue balances that work too. wink-nlp is
 * single-threaded and the parse is most of a cold start, so on a 2-core machine this nearly halves it. Small
 * batches stay on the main thread: starting a worker (loading wink-nlp's model) costs about what parsing half a
 * million characters does. Any failure of the worker only means the main thread parses what the worker took and
 * did not return.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CorpusInput } from '../core/corpus/corpus.js';
import type { ParseReply, ParsedDocument, ParseRequest } from './parse-worker.js';

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
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = startWorker();
    } catch {
      resolve(null);
      return;
    }
    const parsed: ParsedDocument[] = [];
    let settled = false;
    const settle = (value: ParsedDocument[] | null): void => {
      if (settled) return;
      settled = true;
      resolve(value);
      void worker.terminate();
    };
    worker.on('message', (reply: ParseReply) => {
      if (settled) return;
      if (reply.kind === 'parsed') {
        parsed.push(reply.document);
        onParsed(reply.document);
      } else settle(reply.kind === 'done' ? parsed : null);
    });
    worker.once('error', () => settle(null));
    worker.once('exit', () => settle(null));
    worker.postMessage({ inputs, entries, next: queue } satisfies ParseRequest);
  });
}
