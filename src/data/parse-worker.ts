/**
 * The parse pool's worker thread (see parse-pool.ts): takes documents from the shared queue until it is empty,
 * and posts each one as soon as it is parsed: its position in the batch, its stored form (the compact document
 * without its text, which the main thread already has) and, when asked, its cache entry bytes, so compressing
 * entries happens off the main thread too. Posting as it goes lets the main thread expand the worker's documents
 * between its own, instead of all of them after both threads finish.
 */
import { parentPort } from 'node:worker_threads';
import type { CorpusInput } from '../core/corpus/corpus.js';
import { parseDocument } from '../core/corpus/document.js';
import { segment } from '../core/nlp/segmenter.js';
import { encodeStored, storedForm, type StoredDocument } from './stored-document.js';
import { takeNext } from './parse-queue.js';

export interface ParseRequest {
  readonly inputs: readonly CorpusInput[];
  readonly entries: boolean;
  /** The shared queue's cursor (see parse-queue.ts). */
  readonly next: Int32Array;
}

export interface ParsedDocument {
  /** Position in the request's inputs. */
  readonly at: number;
  readonly stored: StoredDocument;
  readonly entry: Uint8Array | null;
}

/** Documents as they are parsed, then `done` once the queue is empty, or `failed` (the documents already posted stand). */
export type ParseReply =
  | { readonly kind: 'parsed'; readonly document: ParsedDocument }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly error: string };

parentPort?.once('message', (request: ParseRequest) => {
  let last: ParseReply = { kind: 'done' };
  try {
    for (let at = takeNext(request.next, request.inputs.length); at !== -1; ) {
      const input = request.inputs[at] as CorpusInput;
      const stored = storedForm(parseDocument(input.raw, input.hint, segment));
      const document = { at, stored, entry: request.entries ? encodeStored(stored) : null };
      parentPort?.postMessage({ kind: 'parsed', document } satisfies ParseReply);
      at = takeNext(request.next, request.inputs.length);
    }
  } catch (err) {
    last = { kind: 'failed', error: String(err) };
  }
  parentPort?.postMessage(last);
});
