import type { Corpus } from '../corpus/types.js';
import type { ReferenceDate, TimelineEvent } from './types.js';

export type { EventSource, Precision, ReferenceDate, TimelineEvent } from './types.js';

export interface TimeAnalysis {
  readonly references: readonly ReferenceDate[];
  readonly events: readonly TimelineEvent[];
}

/** Reference dates and dated events of the corpus. (Issue 4 fills this in.) */
export function analyzeTime(corpus: Corpus): TimeAnalysis {
  return {
    references: corpus.documents.map((d) => ({ documentId: d.meta.id, date: d.meta.published, inferred: d.meta.publishedInferred })),
    events: [],
  };
}
