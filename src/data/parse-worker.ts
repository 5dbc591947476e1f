/**
 * The parse pool's worker thread (see parse-pool.ts): takes documents from the shared queue until it is empty,
 * and replies with each one's position in the batch, its stored form (the compact document without its text,
 * which the main thread already has) and, when asked, its cache entry bytes, so compressing entries happens off
 * the main thread too.
 */
import { parentPort } from 'node:worker_threads';
import type { CorpusInput } from '../core/corpus/corpus.js';
import { parseDocument } from '../core/corpus/document.js';
import { segment } from '../core/nlp/segmenter.js';
import { encodeStored, storedForm, type StoredDocument } from './analysis-cache.js';
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

export type ParseReply =
  | { readonly ok: true; readonly documents: ParsedDocument[] }
  | { readonly ok: false; readonly error: string };

parentPort?.once('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    const documents: ParsedDocument[] = [];
    for (let at = takeNext(request.next, request.inputs.length); at !== -1; ) {
      const input = request.inputs[at] as CorpusInput;
      const stored = storedForm(parseDocument(input.raw, input.hint, segment));
      documents.push({ at, stored, entry: request.entries ? encodeStored(stored) : null });
      at = takeNext(request.next, request.inputs.length);
    }
    reply = { ok: true, documents };
  } catch (err) {
    reply = { ok: false, error: String(err) };
  }
  parentPort?.postMessage(reply);
});
