import type { Corpus } from '../corpus/types.js';
import type { QuoteAnalysis } from './types.js';

export type { Quote, QuoteAnalysis, QuoteKind, Speaker } from './types.js';

/** Every quote in the corpus with its speaker, and the catalog of speakers. (Issue 3 fills this in.) */
export function analyzeQuotes(_corpus: Corpus): QuoteAnalysis {
  return { speakers: [], quotes: [] };
}
