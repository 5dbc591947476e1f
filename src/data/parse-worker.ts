/**
 * The parse pool's worker thread (see parse-pool.ts): parses the documents it is sent and replies with each one's
 * stored form (the compact document without its text, which the main thread already has) and, when asked, its
 * cache entry bytes, so compressing entries happens off the main thread too.
 */
import { parentPort } from 'node:worker_threads';
import type { CorpusInput } from '../core/corpus/corpus.js';
import { parseDocument } from '../core/corpus/document.js';
import { segment } from '../core/nlp/segmenter.js';
import { encodeStored, storedForm, type StoredDocument } from './analysis-cache.js';

export interface ParseRequest {
  readonly inputs: readonly CorpusInput[];
  readonly entries: boolean;
}

export interface ParsedDocument {
  readonly stored: StoredDocument;
  readonly entry: Uint8Array | null;
}

export type ParseReply =
  | { readonly ok: true; readonly documents: ParsedDocument[] }
  | { readonly ok: false; readonly error: string };

parentPort?.once('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    const documents = request.inputs.map((input): ParsedDocument => {
      const stored = storedForm(parseDocument(input.raw, input.hint, segment));
      return { stored, entry: request.entries ? encodeStored(stored) : null };
    });
    reply = { ok: true, documents };
  } catch (err) {
    reply = { ok: false, error: String(err) };
  }
  parentPort?.postMessage(reply);
});
