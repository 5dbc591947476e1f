import type { Passage } from '../search/index.js';

/** How a point must be labelled: only 'news' may be presented as reported fact. */
export type PointKind = 'news' | 'opinion' | 'statement' | 'comment';

export type SummaryLength = 'short' | 'medium' | 'long';

export const POINTS_BY_LENGTH: Readonly<Record<SummaryLength, number>> = { short: 3, medium: 6, long: 10 };

/** A sentence's term weights (tf-idf over the corpus' sentences), unit length, term ids ascending. */
export interface TermVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/**
 * What a sentence contributes, told from its surface: a dated happening ('event'), someone's reported claim or
 * reaction ('claim'), what may follow ('outlook'), or anything else ('context'). The summariser spreads its points
 * over these so that it covers what happened, who said what, and the consequences.
 */
export type Aspect = 'event' | 'claim' | 'outlook' | 'context';

/** Why a sentence cannot be a summary point on its own. */
export type Ineligible = 'not-body' | 'question' | 'fragment' | 'unattributed-quote';

export interface SummarySentence {
  readonly passage: Passage;
  readonly kind: PointKind;
  /** Null when the sentence may be a point. */
  readonly ineligible: Ineligible | null;
  readonly vector: TermVector;
  /** Term ids of the proper nouns it names (people, places, organisations). */
  readonly entities: readonly number[];
  /** Speakers whose quotations (direct, partial or reported) it carries, as indices into `claimantWeight`. */
  readonly claimants: readonly number[];
  /**
   * Who spoke, when the sentence is mostly a quotation whose speaker it names only by a pronoun ("“…,” he added"):
   * the speaker the quotes engine attributed it to (from the sentences before), so a point out of its paragraph
   * can still say who spoke. Null otherwise, or when the engine found no single speaker.
   */
  readonly speaker: string | null;
  readonly aspect: Aspect;
  /** The verbatim slice a point shows: the whole sentence, or its first clauses when it is very long. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Components of the prior salience, each in 0..1. */
  readonly centrality: number;
  readonly centroid: number;
  readonly position: number;
  readonly coverage: number;
  /** The sentence's salience before redundancy is considered. */
  readonly salience: number;
}

/** Everything the summariser needs, computed once at analysis time. */
export interface SummaryModel {
  /** Indexed like the passage index's passages (same ids). */
  readonly sentences: readonly SummarySentence[];
  /** Ids of eligible article sentences (no comments), most salient first. */
  readonly ranked: readonly number[];
  /** Per document, ids of its eligible sentences (comments included), most salient first. */
  readonly byDocument: ReadonlyMap<string, readonly number[]>;
  /** Cross-document centroid by term id, unit length; `maxCloseness` is the best sentence's cosine with it. */
  readonly centroid: Float64Array;
  readonly maxCloseness: number;
  /** Weight of each entity term id: how many documents name it, damped. */
  readonly entityWeight: ReadonlyMap<number, number>;
  /** The largest entity weight (0 when there is none). */
  readonly maxEntityWeight: number;
  /** Per speaker quoted in the corpus: how many documents quote them, damped. */
  readonly claimantWeight: Float64Array;
  readonly maxClaimantWeight: number;
  readonly concepts: ConceptIndex;
}

/**
 * Concepts (after Gillick & Favre): pairs of adjacent index terms ("fuel price") that two or more documents use
 * (reader comments aside), each worth the number of documents using it. Per eligible sentence, its distinct
 * concepts in order of first use: `ids[start[i]..start[i + 1])`, indices into `worth`.
 */
export interface ConceptIndex {
  readonly start: Int32Array;
  readonly ids: Int32Array;
  readonly worth: Float64Array;
}

export interface SummaryPoint {
  /** Verbatim: equals the document text between start and end. */
  readonly text: string;
  readonly documentId: string;
  readonly paragraph: number;
  readonly comment: number | null;
  readonly kind: PointKind;
  /** See `SummarySentence.speaker`. */
  readonly speaker: string | null;
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

export interface SummaryOptions {
  readonly length?: SummaryLength;
  /** One source only. */
  readonly documentId?: string;
  /** One topic only: candidates are the passage index's hits for it. */
  readonly topic?: string;
}

export type SummaryResult = { ok: true; points: SummaryPoint[] } | { ok: false; code: 'NO_RESULTS' };
