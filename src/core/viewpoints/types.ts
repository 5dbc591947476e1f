import type { Sentence } from '../corpus/types.js';
import type { ContextIndex } from './context.js';
import type { ClaimHolders } from './holders.js';
import type { SentenceReading } from './stance.js';

/** Where a claim comes from, as a reader should weigh it. */
export type ClaimKind = 'news report' | 'opinion' | 'official statement' | 'reader comment';

/** A sentence (or quote) that takes a position, with who holds it. */
export interface Claim {
  /** Position in the claim list. */
  readonly id: number;
  readonly text: string;
  readonly documentId: string;
  readonly paragraph: number;
  readonly comment: number | null;
  readonly start: number;
  readonly end: number;
  /** Who holds the claim: a speaker's name, an author, an outlet, or "reader comment #n". */
  readonly holder: string;
  /** True when the holder was named in the text (a quoted or reported speaker). */
  readonly attributed: boolean;
  /** True when the sentence is (partly) the holder's own quoted words. */
  readonly quoted: boolean;
  readonly kind: ClaimKind;
  /** How strongly the sentence marks itself as a position (opinion markers, modals, evaluative words), 0 for none. */
  readonly strength: number;
  /**
   * True for a reader comment's sentence that quotes another's words back to answer them (a whole sentence in
   * quotation marks, or an earlier comment's sentence repeated word for word): its holder does not hold it, and the
   * sentence after it is the answer. Absent otherwise.
   */
  readonly mention?: true;
  /** The holder this claim answers ("…, as X has suggested"), or null. */
  readonly rebuts: string | null;
  /** Index terms (lemmas without stop words) of the sentence. */
  readonly terms: readonly string[];
  /** Ids of `terms` in the analysis's word table, in order. */
  readonly termIds: readonly number[];
  /** Distinct stem ids of `terms`, for matching topic words ("Russians" meets "Russia"). */
  readonly stemIds: readonly number[];
  /** The slot of the claim's paragraph in the analysis's context index (what "it" or "they" refer to). */
  readonly slot: number;
  /** False for reader comments that are about something else than the article (a pasted article, say). */
  readonly onTopic: boolean;
  /** What the lexicon sees in the sentence (read once, at analysis). */
  readonly reading: SentenceReading;
  /** Id of the same sentence in the passage index. */
  readonly passage: number;
  readonly sentence: Sentence;
}

/** A dispute the corpus holds both sides of, offered as a topic. */
export interface Dispute {
  readonly topic: string;
  /** Claims on each side. */
  readonly plus: number;
  readonly minus: number;
}

export interface ClaimAnalysis {
  readonly claims: readonly Claim[];
  /** Claim ids (ascending) by polarity-group word, for the claims whose tokens use it (as a form or a lemma). */
  readonly byTerm: ReadonlyMap<string, readonly number[]>;
  /** Claim id by passage id. */
  readonly byPassage: ReadonlyMap<number, number>;
  /** Inverse passage frequency of each term (log scale), for weighting topic words. */
  readonly idf: ReadonlyMap<string, number>;
  /** Stem ids of the claims' `stemIds` and of the context index, by stem. */
  readonly stemIds: ReadonlyMap<string, number>;
  /** Each paragraph's, and each title's, stems. */
  readonly context: ContextIndex;
  /** Claim ids (ascending) by the stem ids of their own sentence (`stemIds`). */
  readonly byStem: readonly (readonly number[] | undefined)[];
  /** Each claim's paragraph slot, by claim id. */
  readonly slots: Int32Array;
  /** 1 where the claim is on topic (`onTopic`), by claim id. */
  readonly onTopic: Uint8Array;
  /**
   * By claim id: the first claim whose sentence reads the same (the same word infos in the same order, e.g. a
   * sentence reprinted across articles), so has the same stance toward any topic.
   */
  readonly sameReading: Int32Array;
  /** Who holds each claim, by claim id (numbers and flags), and the replies to reader comments. */
  readonly holders: ClaimHolders;
  readonly disputes: readonly Dispute[];
}

/** One claim placed in a position, with its stance toward the topic. */
export interface PositionItem {
  readonly claim: Claim;
  /** Signed stance toward the topic's predicate (positive affirms). */
  readonly stance: number;
  /** How much the claim is about the topic. */
  readonly relevance: number;
}

export interface Position {
  /** A short verbatim phrase from the position's strongest claim. */
  readonly label: string;
  /** +1 affirms the topic, -1 denies it, 0 other views. */
  readonly side: 1 | -1 | 0;
  readonly items: readonly PositionItem[];
}

/** When more claims were about the topic than a query reads: how many were read (the most relevant) and of how many. */
export interface ReadBound {
  readonly read: number;
  readonly of: number;
}

export interface ViewpointsResult {
  readonly topic: string;
  readonly positions: readonly Position[];
  /** Present only when the bound was hit. */
  readonly bound?: ReadBound;
}

export interface CounterpointResult {
  readonly claim: string;
  readonly counterpoints: readonly PositionItem[];
  /**
   * Present when some counterpoints come from the other side of the dispute over the claim's subject rather than
   * from denying its words: the subject asked as a topic, the holders who restate the claim, and the index in
   * `counterpoints` where those items start.
   */
  readonly otherSide?: { readonly topic: string; readonly holders: readonly string[]; readonly from: number };
  /** Present only when the bound was hit. */
  readonly bound?: ReadBound;
}
