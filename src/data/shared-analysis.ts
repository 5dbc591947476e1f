/**
 * A cold start's engines on two cores. After a large parse the parse worker (parse-pool.ts) is idle, and the
 * engines after the parse ran on the main thread alone. The worker keeps the documents it parsed, is sent the
 * others, and computes the engines that nothing else waits for: the time engine (while the main thread computes
 * the quotes) and the summary model (given the quotes; it builds its own passage index, a pure function of the
 * corpus and the speakers), while the main thread builds the index and computes the claims. The summary model
 * comes back in the snapshot's columnar form (analysis-snapshot.ts) and is restored on the main thread's passages,
 * the time engine's output as it is: the analysis is the one `analyzeCorpus` gives (checked byte for byte through
 * the snapshot's encoding in the tests). Anything the worker does not deliver (it failed, died, or a result does
 * not restore) is computed on the main thread instead.
 */
import type { Analysis } from '../core/analysis.js';
import { expandDocument } from '../core/corpus/compact.js';
import { corpusOf } from '../core/corpus/corpus.js';
import type { Corpus, CorpusDocument } from '../core/corpus/types.js';
import { segment as winkSegment } from '../core/nlp/segmenter.js';
import { analyzeQuotes, type QuoteAnalysis } from '../core/quotes/index.js';
import { buildPassageIndex, type PassageIndex } from '../core/search/index.js';
import { buildSummaryModel, type SummaryModel } from '../core/summary/index.js';
import { analyzeTime, type TimeAnalysis } from '../core/time/index.js';
import { analyzeClaims } from '../core/viewpoints/index.js';
import type { StoredDocument } from './analysis-cache.js';
import { restoreSummary, summaryColumns, type SummaryColumns } from './analysis-snapshot.js';

/** The main thread's side of the worker in the engines' phase (parse-pool.ts implements it). */
export interface EngineHelper {
  /** Whether the worker holds this document (it parsed it, or was sent it). */
  has(doc: CorpusDocument): boolean;
  /** Sends the worker a document it does not hold (`stored` when already made, else made here). */
  send(doc: CorpusDocument, stored?: StoredDocument): void;
  /** The worker builds the corpus of these documents, in this order, and computes the time engine. */
  begin(ids: readonly string[]): Promise<TimeAnalysis | null>;
  /** Given the quotes, the worker computes the summary model; its columns (see above). */
  summary(quotes: QuoteAnalysis): Promise<SummaryColumns | null>;
  /** Ends the worker. */
  close(): void;
}

/** The analysis of `corpus`, the time engine and summary model computed on the helper's worker (see above). */
export async function analyzeShared(corpus: Corpus, helper: EngineHelper): Promise<Analysis> {
  for (const doc of corpus.documents) if (!helper.has(doc)) helper.send(doc);
  const fromWorker = helper.begin(corpus.documents.map((d) => d.meta.id));
  const quotes = analyzeQuotes(corpus);
  const columns = helper.summary(quotes);
  const index = buildPassageIndex(corpus, winkSegment, quotes.speakers);
  const claims = analyzeClaims(corpus, quotes.quotes, index);
  const [time, summary] = await Promise.all([fromWorker, columns]);
  helper.close();
  return {
    corpus,
    quotes,
    time: time ?? analyzeTime(corpus),
    index,
    summary: restored(summary, index) ?? buildSummaryModel(corpus, index, quotes.quotes),
    segment: winkSegment,
    claims,
  };
}

function restored(columns: SummaryColumns | null, index: PassageIndex): SummaryModel | null {
  if (columns === null) return null;
  try {
    return restoreSummary(columns, index.passages);
  } catch {
    return null;
  }
}

// The worker's side (parse-worker.ts).

/** A document the worker holds: one it parsed, or one it was sent. */
export interface HeldDocument {
  readonly stored: StoredDocument;
  readonly text: string;
}

/**
 * The corpus of `ids`, in that order, from the documents the worker holds (a later one standing over an earlier
 * one of the same id: the main thread sends one only when it does not hold the worker's); throws when one is
 * missing.
 */
export function corpusInOrder(ids: readonly string[], held: readonly HeldDocument[]): Corpus {
  const all = new Map<string, HeldDocument>();
  for (const h of held) all.set(h.stored.meta.id, h);
  return corpusOf(
    ids.map((id) => {
      const h = all.get(id);
      if (h === undefined) throw new Error(`no document ${id}`);
      return expandDocument({ ...h.stored, text: h.text });
    }),
  );
}

export function sideTime(corpus: Corpus): TimeAnalysis {
  return analyzeTime(corpus);
}

/** The summary model's columns, over a passage index built here as the main thread builds its own. */
export function sideSummary(corpus: Corpus, quotes: QuoteAnalysis): SummaryColumns {
  const index = buildPassageIndex(corpus, winkSegment, quotes.speakers);
  return summaryColumns(buildSummaryModel(corpus, index, quotes.quotes), index.passages);
}
