/**
 * A parsed document's stored form: its compact form (compact.ts) without its text, which is the file itself. What
 * a cache entry holds (`v8.serialize`d and deflated, see analysis-cache.ts) and what the parse worker sends back.
 * Kept apart from the cache so the worker loads only the parser and this, not the engines the cache module imports
 * (on gen-500 under tsx that was ~0.8 s of the worker's start-up, during which it parsed nothing).
 */
import { deserialize, serialize } from 'node:v8';
import { deflateSync, inflateSync } from 'node:zlib';
import { COMPACT_FORMAT, compactDocument, expandDocument, type CompactDocument } from '../core/corpus/compact.js';
import type { CorpusInput } from '../core/corpus/corpus.js';
import type { CorpusDocument } from '../core/corpus/types.js';

export type StoredDocument = Omit<CompactDocument, 'text'>;

/** The bytes of an entry. */
export function encodeEntry(doc: CorpusDocument): Buffer {
  return encodeStored(storedForm(doc));
}

/** The document's compact form without its text: what an entry holds, and what the parse worker sends back. */
export function storedForm(doc: CorpusDocument): StoredDocument {
  const stored: StoredDocument & { text?: string } = compactDocument(doc);
  delete stored.text;
  return stored;
}

export function encodeStored(stored: StoredDocument): Buffer {
  return deflateSync(serialize(stored), { level: 1 });
}

/** The document from an entry's bytes and the file's text; throws on anything that does not decode. */
export function decodeEntry(bytes: Buffer, input: CorpusInput): CorpusDocument {
  const stored = deserialize(inflateSync(bytes)) as StoredDocument;
  if (typeof stored !== 'object' || stored === null || stored.format !== COMPACT_FORMAT)
    throw new Error('not a cache entry');
  const doc = expandDocument({ ...stored, text: input.raw.text });
  if (doc.meta.id !== input.raw.id || doc.meta.file !== input.raw.file) throw new Error('entry of another file');
  return doc;
}
