/**
 * Viewpoints: claims with their holders (computed once at analysis), opposing positions on a topic, counterpoints
 * to a member's claim, and the corpus's main disputes for topic autocomplete (answered from memory).
 */
import type { Corpus, CorpusDocument } from '../corpus/types.js';
import type { Quote } from '../quotes/types.js';
import type { PassageIndex } from '../search/index.js';
import { claimsOfDocument } from './claims.js';
import { findDisputes } from './disputes.js';
import { readSentence } from './stance.js';
import type { Claim, ClaimAnalysis } from './types.js';

export type {
  Claim,
  ClaimAnalysis,
  ClaimKind,
  CounterpointResult,
  Dispute,
  Position,
  PositionItem,
  ViewpointsResult,
} from './types.js';
export { findViewpoints, findCounterpoints, suggestTopics, type ViewpointSources } from './positions.js';

/** Share of a comment's words the articles also use, under which a long comment is taken to be about something else. */
const ON_TOPIC_SHARE = 0.6;
/** Comments shorter than this (in content words) are judged by their thread, not their vocabulary. */
const SHORT_COMMENT = 40;

function commentTopicality(
  doc: CorpusDocument,
  vocabulary: ReadonlySet<string>,
  byComment: ReadonlyMap<string, Claim[]>,
): void {
  for (const c of doc.comments) {
    const mine = byComment.get(`${doc.meta.id}\u0000${c.index}`) ?? [];
    let terms = 0;
    for (const p of c.paragraphs) for (const s of p.sentences) terms += s.tokens.length;
    const words = mine.flatMap((x) => x.terms);
    if (words.length === 0 || terms < SHORT_COMMENT) continue;
    const known = words.filter((w) => vocabulary.has(w)).length / words.length;
    if (known < ON_TOPIC_SHARE) for (const x of mine) (x as { onTopic: boolean }).onTopic = false;
  }
}

export function analyzeClaims(corpus: Corpus, quotes: readonly Quote[], index: PassageIndex): ClaimAnalysis {
  // Each document's passages by start offset.
  const passagesByDoc = new Map<string, Map<number, number>>();
  for (const p of index.passages) {
    let byStart = passagesByDoc.get(p.documentId);
    if (byStart === undefined) passagesByDoc.set(p.documentId, (byStart = new Map()));
    byStart.set(p.start, p.id);
  }
  const none: ReadonlyMap<number, number> = new Map();
  const quotesByDoc = new Map<string, Quote[]>();
  for (const q of quotes) {
    const list = quotesByDoc.get(q.documentId) ?? [];
    list.push(q);
    quotesByDoc.set(q.documentId, list);
  }
  const claims: Claim[] = [];
  for (const doc of corpus.documents) {
    for (const claim of claimsOfDocument(
      {
        doc,
        quotes: quotesByDoc.get(doc.meta.id) ?? [],
        index,
        passageByStart: passagesByDoc.get(doc.meta.id) ?? none,
      },
      claims.length,
    ))
      claims.push(claim);
  }
  const vocabulary = new Set<string>();
  for (const p of index.passages) if (p.comment === null) for (const t of p.terms) vocabulary.add(t);
  // Each comment's claims, in claim order.
  const byComment = new Map<string, Claim[]>();
  for (const x of claims) {
    if (x.comment === null) continue;
    const key = `${x.documentId}\u0000${x.comment}`;
    const list = byComment.get(key);
    if (list) list.push(x);
    else byComment.set(key, [x]);
  }
  for (const doc of corpus.documents) commentTopicality(doc, vocabulary, byComment);

  // Counted once per passage: a term's last counting passage is remembered instead of a set per passage.
  const df = new Map<string, { count: number; last: number }>();
  for (const p of index.passages)
    for (const t of p.terms) {
      const seen = df.get(t);
      if (seen === undefined) df.set(t, { count: 1, last: p.id });
      else if (seen.last !== p.id) {
        seen.count++;
        seen.last = p.id;
      }
    }
  const n = Math.max(1, index.passages.length);
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log(1 + n / d.count));

  const byTerm = new Map<string, number[]>();
  const addTerm = (t: string, id: number): void => {
    const list = byTerm.get(t);
    if (list === undefined) byTerm.set(t, [id]);
    // Claims come in id order, so a term already listed for this claim is the list's last entry.
    else if (list[list.length - 1] !== id) list.push(id);
  };
  for (const c of claims) {
    for (const t of c.terms) addTerm(t, c.id);
    for (const k of c.sentence.tokens) addTerm(k.normal, c.id);
  }
  const byPassage = new Map(claims.map((c) => [c.passage, c.id]));
  for (const c of claims) readSentence(c.sentence.tokens);
  const partial = { claims, byTerm, byPassage, idf, disputes: [] };
  return { ...partial, disputes: findDisputes(partial) };
}
