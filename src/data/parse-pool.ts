/**
 * Parsing a large batch of documents on two cores: a worker thread parses part of the batch while the main thread
 * parses the rest, then the main thread expands the worker's compact documents (a small fraction of a parse).
 * wink-nlp is single-threaded and the parse is most of a cold start, so on a 2-core machine this nearly halves
 * it. Small batches stay on the main thread: starting a worker (loading wink-nlp's model) costs about what
 * parsing half a million characters does. Any failure of the worker only means the main thread parses its share.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CorpusInput } from '../core/corpus/corpus.js';
import type { ParseReply, ParsedDocument, ParseRequest } from './parse-worker.js';

/** Below this many characters left to parse, a worker's start-up costs more than it saves. */
export const MIN_PARALLEL_CHARS = 500_000;

/** The worker's share of the characters: a little over half, since the main thread also expands its output. */
const WORKER_SHARE = 0.55;

/** Which of `inputs` (by index) a worker should parse, or none when the batch is too small or there is one core. */
export function workerShare(inputs: readonly CorpusInput[], cores = availableParallelism()): number[] {
  const total = inputs.reduce((n, i) => n + i.raw.text.length, 0);
  if (cores < 2 || total < MIN_PARALLEL_CHARS) return [];
  // Largest first, each to whichever side is further below its target share.
  const order = inputs.map((_, i) => i).sort((a, b) => size(inputs, b) - size(inputs, a));
  const picked: number[] = [];
  let worker = 0;
  let main = 0;
  for (const i of order) {
    if (worker / WORKER_SHARE <= main / (1 - WORKER_SHARE)) {
      picked.push(i);
      worker += size(inputs, i);
    } else main += size(inputs, i);
  }
  return picked.sort((a, b) => a - b);
}

function size(inputs: readonly CorpusInput[], i: number): number {
  return (inputs[i] as CorpusInput).raw.text.length;
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
 * Parses `inputs` on a worker thread. Resolves to their stored forms (and entry bytes when `entries`) in input
 * order, or to null if the worker could not start, failed or died: the caller then parses them itself.
 */
export function parseOnWorker(
  inputs: readonly CorpusInput[],
  entries: boolean,
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
    worker.once('message', (reply: ParseReply) =>
      settle(reply.ok && reply.documents.length === inputs.length ? reply.documents : null),
    );
    worker.once('error', () => settle(null));
    worker.once('exit', () => settle(null));
    worker.postMessage({ inputs, entries } satisfies ParseRequest);
  });
}
