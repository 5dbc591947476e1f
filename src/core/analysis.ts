/**
 * The whole analysis of a corpus, computed once at load (and cached on disk by the data layer):
 * the document model, quotes and speakers, dated events, and the passage index the other engines search.
 */
import type { Corpus } from './corpus/types.js';
import { analyzeQuotes, type QuoteAnalysis } from './quotes/index.js';
import { analyzeTime, type TimeAnalysis } from './time/index.js';
import { buildPassageIndex, type PassageIndex } from './search/index.js';
import { segment as winkSegment, type Segmenter } from './nlp/segmenter.js';

export interface Analysis {
  readonly corpus: Corpus;
  readonly quotes: QuoteAnalysis;
  readonly time: TimeAnalysis;
  readonly index: PassageIndex;
  /** The segmenter the corpus was read with, for analysing query text the same way. */
  readonly segment: Segmenter;
}

export function analyzeCorpus(corpus: Corpus, segment: Segmenter = winkSegment): Analysis {
  const quotes = analyzeQuotes(corpus);
  const time = analyzeTime(corpus);
  const index = buildPassageIndex(corpus, segment);
  return { corpus, quotes, time, index, segment };
}
