/**
 * Viewpoints: claims with their holders (computed once at analysis), opposing positions on a topic, counterpoints
 * to a member's claim, and the corpus's main disputes for topic autocomplete (answered from memory).
 */
import type { Corpus, CorpusDocument, Token } from '../corpus/types.js';
import type { Quote } from '../quotes/types.js';
import type { PassageIndex } from '../search/index.js';
import { claimsOfDocument } from './claims.js';
import { ContextBuilder } from './context.js';
import { PhraseTable, findDisputes, nounPhrases } from './disputes.js';
import { claimHolders } from './holders.js';
import type { Claim, ClaimAnalysis } from './types.js';
import { LEXICON_NORMAL, LEXICON_TERM, WordTable, type WordInfo } from './words.js';

export type {
  Claim,
  ClaimAnalysis,
  ClaimKind,
  CounterpointResult,
  Dispute,
  Position,
  PositionItem,
  ReadBound,
  ViewpointsResult,
} from './types.js';
export {
  findViewpoints,
  findCounterpoints,
  suggestTopics,
  MAX_READ,
  mostRelevant,
  viewpointSources,
  type ViewpointSources,
} from './positions.js';

/** Share of a comment's words the articles also use, under which a long comment is taken to be about something else. */
const ON_TOPIC_SHARE = 0.6;
/** Comments shorter than this (in content words) are judged by their thread, not their vocabulary. */
const SHORT_COMMENT = 40;

function commentTopicality(
  doc: CorpusDocument,
  vocabulary: Uint8Array,
  byComment: ReadonlyMap<string, Claim[]>,
): void {
  for (const c of doc.comments) {
    const mine = byComment.get(`${doc.meta.id}\u0000${c.index}`) ?? [];
    let words = 0;
    let known = 0;
    for (const x of mine) {
      words += x.termIds.length;
      for (const id of x.termIds) if (vocabulary[id] === 1) known++;
    }
    if (words === 0) continue;
    // (Sentences counted only for comments with claims: reading them is likely a cache miss each.)
    let terms = 0;
    for (const p of c.paragraphs) for (const s of p.sentences) terms += s.tokens.length;
    if (terms < SHORT_COMMENT) continue;
    if (known / words < ON_TOPIC_SHARE) for (const x of mine) (x as { onTopic: boolean }).onTopic = false;
  }
}

export function analyzeClaims(corpus: Corpus, quotes: readonly Quote[], index: PassageIndex): ClaimAnalysis {
  const words = new WordTable();
  // Each passage's word infos (one table lookup per token), its documents' passages by start offset, and, per
  // term id, how many passages use it (counted once per passage: the last counting passage is remembered).
  const infosByPassage: (readonly WordInfo[] | undefined)[] = new Array<readonly WordInfo[] | undefined>(
    index.passages.length,
  );
  const passagesByDoc = new Map<string, Map<number, number>>();
  let df = new Int32Array(1024);
  let lastPassage = new Int32Array(1024).fill(-1);
  let vocabulary = new Uint8Array(1024);
  // Passages with a polarity-group word (the only ones byTerm lists, so the only ones a dispute reads), and their
  // noun phrases, read now while their tokens are in cache: findDisputes would read those tokens again, each
  // read then likely a cache miss on a large corpus.
  const lexical = new Uint8Array(index.passages.length);
  const phrases = new PhraseTable();
  const phrasesByPassage: (readonly number[] | undefined)[] = [];
  for (const p of index.passages) {
    let byStart = passagesByDoc.get(p.documentId);
    if (byStart === undefined) passagesByDoc.set(p.documentId, (byStart = new Map()));
    byStart.set(p.start, p.id);
    const tokens = p.sentence.tokens;
    const infos = new Array<WordInfo>(tokens.length);
    let flags = 0;
    for (let i = 0; i < tokens.length; i++) {
      const w = words.info(tokens[i] as Token);
      infos[i] = w;
      flags |= w.flags;
      const t = w.termId;
      if (t < 0) continue;
      if (t >= df.length) {
        const size = Math.max(t + 1, df.length * 2);
        df = grow(df, size, 0);
        lastPassage = grow(lastPassage, size, -1);
        vocabulary = grow(vocabulary, size, 0);
      }
      if (lastPassage[t] !== p.id) {
        df[t] = (df[t] as number) + 1;
        lastPassage[t] = p.id;
      }
      if (p.comment === null) vocabulary[t] = 1;
    }
    infosByPassage[p.id] = infos;
    if (flags & (LEXICON_TERM | LEXICON_NORMAL)) {
      lexical[p.id] = 1;
      phrasesByPassage[p.id] = nounPhrases(tokens, infos, phrases);
    }
  }
  const none: ReadonlyMap<number, number> = new Map();
  const quotesByDoc = new Map<string, Quote[]>();
  for (const q of quotes) {
    const list = quotesByDoc.get(q.documentId) ?? [];
    list.push(q);
    quotesByDoc.set(q.documentId, list);
  }
  const contexts = new ContextBuilder();
  const claims: Claim[] = [];
  // Grouped as each document's claims are made, while their texts are still in cache.
  const sameReading = new SameReadings(claims);
  for (const doc of corpus.documents) {
    for (const claim of claimsOfDocument(
      {
        doc,
        quotes: quotesByDoc.get(doc.meta.id) ?? [],
        index,
        passageByStart: passagesByDoc.get(doc.meta.id) ?? none,
        words,
        infosByPassage,
        contexts,
      },
      claims.length,
    )) {
      claims.push(claim);
      sameReading.add(claim);
    }
  }
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

  const n = Math.max(1, index.passages.length);
  const idf = new Map<string, number>();
  words.terms.values.forEach((t, id) => {
    const count = id < df.length ? (df[id] as number) : 0;
    if (count > 0) idf.set(t, Math.log(1 + n / count));
  });

  const byTerm = new Map<string, number[]>();
  const addTerm = (t: string, id: number): void => {
    const list = byTerm.get(t);
    if (list === undefined) byTerm.set(t, [id]);
    // Claims come in id order, so a term already listed for this claim is the list's last entry.
    else if (list[list.length - 1] !== id) list.push(id);
  };
  for (const c of claims) {
    if (lexical[c.passage] !== 1) continue;
    for (const w of c.reading.infos) {
      if (w.flags & LEXICON_TERM) addTerm(w.term, c.id);
      if (w.flags & LEXICON_NORMAL) addTerm(w.normal, c.id);
    }
  }
  const byPassage = new Map(claims.map((c) => [c.passage, c.id]));
  const slots = new Int32Array(claims.length);
  const onTopic = new Uint8Array(claims.length);
  const phrasesByClaim: (readonly number[] | undefined)[] = [];
  // Claims by stem: counted first, so each list is made at its size (rather than grown a push at a time), the array
  // as long as the largest stem a claim has.
  const stemCounts = new Int32Array(words.stems.values.length);
  let stemsUsed = 0;
  for (const c of claims) {
    slots[c.id] = c.slot;
    phrasesByClaim[c.id] = phrasesByPassage[c.passage];
    if (c.onTopic) onTopic[c.id] = 1;
    for (const st of c.stemIds) {
      stemCounts[st] = (stemCounts[st] as number) + 1;
      if (st >= stemsUsed) stemsUsed = st + 1;
    }
  }
  const byStem: number[][] = new Array<number[]>(stemsUsed);
  const stemFilled = new Int32Array(stemsUsed);
  for (const c of claims)
    for (const st of c.stemIds) {
      const list = (byStem[st] ??= new Array<number>(stemCounts[st] as number));
      const at = stemFilled[st] as number;
      list[at] = c.id;
      stemFilled[st] = at + 1;
    }
  const partial = {
    claims,
    sameReading: sameReading.build(),
    byTerm,
    byPassage,
    idf,
    stemIds: words.stems.ids,
    context: contexts.build(),
    byStem,
    slots,
    onTopic,
    holders: claimHolders(claims),
    disputes: [],
  };
  return { ...partial, disputes: findDisputes(partial, { table: phrases, byClaim: phrasesByClaim }) };
}

/** `sameReading` of the claims, added in id order: grouped by text, then compared word info by word info (interned objects). */
class SameReadings {
  private readonly byText = new Map<string, number[]>();
  private readonly first: number[] = [];

  constructor(private readonly claims: readonly Claim[]) {}

  add(c: Claim): void {
    this.first[c.id] = c.id;
    const list = this.byText.get(c.text);
    if (list === undefined) {
      this.byText.set(c.text, [c.id]);
      return;
    }
    const infos = c.reading.infos;
    const first = list.find((id) => sameInfos((this.claims[id] as Claim).reading.infos, infos));
    if (first !== undefined) this.first[c.id] = first;
    else list.push(c.id);
  }

  build(): Int32Array {
    return Int32Array.from(this.first);
  }
}

function sameInfos(a: readonly WordInfo[], b: readonly WordInfo[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function grow<T extends Int32Array | Uint8Array>(a: T, size: number, fill: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.fill(fill);
  b.set(a);
  return b;
}
