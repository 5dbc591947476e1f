/**
 * The parse pool's worker thread (see parse-pool.ts): takes documents from the shared queue until it is empty,
 * and posts each one as soon as it is parsed: its position in the batch, its stored form (the compact document
 * without its text, which the main thread already has) and, when asked, its cache entry bytes, so compressing
 * entries happens off the main thread too. Posting as it goes lets the main thread expand the worker's documents
 * between its own, instead of all of them after both threads finish.
 *
 * When asked to `keep` its documents, the worker then stays for the engines' phase (shared-analysis.ts): the main
 * thread sends it the documents it did not parse (`document`), then the corpus's order (`begin`: the worker
 * computes the time engine) and the quotes (`quotes`: the worker builds the passage index and computes the summary
 * model), while the main thread computes the other engines. A failure in that phase is reported (`engine-failed`)
 * and only means the main thread computes those engines itself.
 */
import { parentPort } from 'node:worker_threads';
import type { CorpusInput } from '../core/corpus/corpus.js';
import { parseDocument } from '../core/corpus/document.js';
import type { Corpus } from '../core/corpus/types.js';
import { segment } from '../core/nlp/segmenter.js';
import type { QuoteAnalysis } from '../core/quotes/index.js';
import type { TimeAnalysis } from '../core/time/index.js';
import { encodeStored, storedForm, type StoredDocument } from './analysis-cache.js';
import type { SummaryColumns } from './analysis-snapshot.js';
import { takeNext } from './parse-queue.js';
import { corpusInOrder, sideSummary, sideTime, type HeldDocument } from './shared-analysis.js';

export interface ParseRequest {
  readonly kind: 'parse';
  readonly inputs: readonly CorpusInput[];
  readonly entries: boolean;
  /** The shared queue's cursor (see parse-queue.ts). */
  readonly next: Int32Array;
  /** Keep the parsed documents and stay for the engines' phase (see above). */
  readonly keep: boolean;
}

/** The engines' phase, after the parse (see above). */
export type EngineRequest =
  | { readonly kind: 'document'; readonly stored: StoredDocument; readonly text: string }
  | { readonly kind: 'begin'; readonly ids: readonly string[] }
  | { readonly kind: 'quotes'; readonly quotes: QuoteAnalysis };

export interface ParsedDocument {
  /** Position in the request's inputs. */
  readonly at: number;
  readonly stored: StoredDocument;
  readonly entry: Uint8Array | null;
}

/**
 * Documents as they are parsed, then `done` once the queue is empty, or `failed` (the documents already posted
 * stand); in the engines' phase, the time engine's output, then the summary model's columns, or `engine-failed`.
 */
export type ParseReply =
  | { readonly kind: 'parsed'; readonly document: ParsedDocument }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'time'; readonly time: TimeAnalysis }
  | { readonly kind: 'summary'; readonly columns: SummaryColumns }
  | { readonly kind: 'engine-failed'; readonly error: string };

const post = (reply: ParseReply): void => parentPort?.postMessage(reply);

/**
 * Parses documents from the queue; returns those it parsed (none unless `keep`), or null if it failed. They are
 * kept in their stored form, expanded again for the engines: a parse keeping every parsed document whole would
 * spend far more on garbage collection (each collection marks them all again).
 */
function parse(request: ParseRequest): HeldDocument[] | null {
  const kept: HeldDocument[] = [];
  try {
    for (let at = takeNext(request.next, request.inputs.length); at !== -1; ) {
      const input = request.inputs[at] as CorpusInput;
      const stored = storedForm(parseDocument(input.raw, input.hint, segment));
      if (request.keep) kept.push({ stored, text: input.raw.text });
      post({ kind: 'parsed', document: { at, stored, entry: request.entries ? encodeStored(stored) : null } });
      at = takeNext(request.next, request.inputs.length);
    }
  } catch (err) {
    post({ kind: 'failed', error: String(err) });
    return null;
  }
  post({ kind: 'done' });
  return kept;
}

/** The engines' phase: one step per message, in the order the main thread sends them. */
function engineSteps(held: HeldDocument[]): (message: EngineRequest) => void {
  let corpus: Corpus | null = null;
  let failed = false;
  const fail = (err: unknown): void => {
    failed = true;
    post({ kind: 'engine-failed', error: String(err) });
  };
  return (message) => {
    if (failed) return;
    try {
      if (message.kind === 'document') held.push({ stored: message.stored, text: message.text });
      else if (message.kind === 'begin') {
        corpus = corpusInOrder(message.ids, held);
        post({ kind: 'time', time: sideTime(corpus) });
      } else if (corpus === null) throw new Error('quotes before the corpus');
      else post({ kind: 'summary', columns: sideSummary(corpus, message.quotes) });
    } catch (err) {
      fail(err);
    }
  };
}

let step: ((message: EngineRequest) => void) | null = null;
parentPort?.on('message', (message: ParseRequest | EngineRequest) => {
  if (message.kind !== 'parse') step?.(message);
  else {
    const kept = parse(message);
    if (kept !== null && message.keep) step = engineSteps(kept);
  }
});
