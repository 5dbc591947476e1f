/**
 * Parsing a large batch of documents on two cores: a worker thread and the main thread take documents from one
 * shared queue (parse-queue.ts) until it is empty, then the main thread expands the worker's compact documents (a
 * small fraction of a parse). wink-nlp is single-threaded and the parse is most of a cold start, so on a 2-core
 * machine this nearly halves it. Small batches stay on the main thread: starting a worker (loading wink-nlp's
 * model) costs about what parsing half a million characters does. Any failure of the worker only means the main
 * thread parses what the worker took and did not return.
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
 * Starts the worker: the compiled module as it is, or, when running from TypeScript sources (tsx in development,
 * vitest in tests), a small bootstrap that registers tsx's loader in the worker and then imports the source. Passing
 * `--import tsx` in `execArgv` is not enough: Node 20 does not apply loader hooks to a worker's entry module.
 */
function startWorker(): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const entry = new URL(`./parse-worker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(entry);
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * Parses documents of `inputs` on a worker thread, taking their positions from `queue` (see parse-queue.ts) as
 * the main thread does. Resolves to the documents the worker parsed (their stored forms, and entry bytes when
 * `entries`), or to null if the worker could not start, failed or died: the caller then parses itself whatever
 * it did not parse.
 */
export function parseOnWorker(
  inputs: readonly CorpusInput[],
  entries: boolean,
  queue: Int32Array,
): Promise<ParsedDocument[] | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = startWorker();
    } catch {
      resolve(null);
      return;
    }
    let settled = false;
    const settle = (value: ParsedDocument[] | null): void => {
      if (settled) return;
      settled = true;
      resolve(value);
      void worker.terminate();
    };
    worker.once('message', (reply: ParseReply) => settle(reply.ok ? reply.documents : null));
    worker.once('error', () => settle(null));
    worker.once('exit', () => settle(null));
    worker.postMessage({ inputs, entries, next: queue } satisfies ParseRequest);
  });
}
