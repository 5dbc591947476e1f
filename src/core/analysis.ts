/**
 * The whole analysis of a corpus, computed once at load (and cached on disk by the data layer):
 * the document model, quotes and speakers, dated events, and the passage index the other engines search.
 */
import type { Corpus } from './corpus/types.js';
import { analyzeQuotes, type QuoteAnalysis } from './quotes/index.js';
import { analyzeTime, type TimeAnalysis } from './time/index.js';
import { buildPassageIndex, type PassageIndex } from './search/index.js';
import { segment as winkSegment, type Segmenter } from './nlp/segmenter.js';
import { analyzeClaims, type ClaimAnalysis } from './viewpoints/index.js';
import { buildSummaryModel, type SummaryModel } from './summary/index.js';

export interface Analysis {
  readonly corpus: Corpus;
  readonly quotes: QuoteAnalysis;
  readonly time: TimeAnalysis;
  readonly index: PassageIndex;
  /** Sentence salience and vectors for /summary, precomputed so a summary is only a selection. */
  readonly summary: SummaryModel;
  /** Claims with their holders and the corpus's disputes, for /viewpoints and /counterpoint. */
  readonly claims: ClaimAnalysis;
  /** The segmenter the corpus was read with, for analysing query text the same way. */
  readonly segment: Segmenter;
}

export function analyzeCorpus(corpus: Corpus, segment: Segmenter = winkSegment): Analysis {
  const quotes = analyzeQuotes(corpus);
  const time = analyzeTime(corpus);
  const index = buildPassageIndex(corpus, segment, quotes.speakers);
  const summary = buildSummaryModel(corpus, index, quotes.quotes);
  const claims = analyzeClaims(corpus, quotes.quotes, index);
  return { corpus, quotes, time, index, summary, segment, claims };
}
