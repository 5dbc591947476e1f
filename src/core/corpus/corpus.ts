import { parseDocument, type MetaHint, type RawDocument } from './document.js';
import type { Citation, Corpus, CorpusDocument, Paragraph } from './types.js';
import { segment as winkSegment, type Segmenter } from '../nlp/segmenter.js';

export interface CorpusInput {
  readonly raw: RawDocument;
  readonly hint?: MetaHint | undefined;
}

export function buildCorpus(inputs: readonly CorpusInput[], segment: Segmenter = winkSegment): Corpus {
  const documents = inputs
    .map((input) => parseDocument(input.raw, input.hint, segment))
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  return corpusOf(documents);
}

export function corpusOf(documents: readonly CorpusDocument[]): Corpus {
  return { documents, byId: new Map(documents.map((d) => [d.meta.id, d])) };
}

/** Every passage a reader can be pointed to: body paragraphs, captions and comment paragraphs. */
export function* passages(doc: CorpusDocument): Generator<Paragraph> {
  yield* doc.body;
  yield* doc.captions;
  for (const c of doc.comments) yield* c.paragraphs;
}

export function citationOf(p: Paragraph): Citation {
  return p.role === 'body' || p.role === 'comment'
    ? { documentId: p.documentId, paragraph: p.index, comment: p.comment }
    : { documentId: p.documentId, paragraph: p.index, comment: p.comment, role: p.role };
}

/** The paragraph a citation points at, or null when the corpus no longer has it. */
export function resolveCitation(corpus: Corpus, cite: Citation): Paragraph | null {
  const doc = corpus.byId.get(cite.documentId);
  if (!doc) return null;
  if (cite.comment !== null) {
    const c = doc.comments.find((x) => x.index === cite.comment);
    return c?.paragraphs[cite.paragraph - 1] ?? null;
  }
  const list =
    cite.role === 'caption'
      ? doc.captions
      : cite.role && cite.role !== 'body'
        ? doc.other.filter((p) => p.role === cite.role)
        : doc.body;
  return list[cite.paragraph - 1] ?? null;
}

/** The paragraph that contains a character offset of a document (body, caption or comment). */
export function paragraphAt(doc: CorpusDocument, offset: number): Paragraph | null {
  for (const p of passages(doc)) if (offset >= p.start && offset < p.end) return p;
  return null;
}
