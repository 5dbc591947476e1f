/**
 * Reference dates and dated events of a corpus, as a pipeline of small stages run in order (files numbered
 * by stage): 10 reference dates → 20 date mentions (chrono-node plus own parsers) → 30 clause tense (from the
 * tokens already in the corpus) → 40 resolution → 50 events and background dates → 60 merging across documents.
 * Pure: the reference date comes from the corpus, never from the clock.
 */
import type { Corpus, Sentence } from '../corpus/types.js';
import { formatDay } from './calendar.js';
import { bodyDateline, datelineDay, referenceOf, type MentionsOf, type Reference } from './10-reference.js';
import { dateOrder, inOrder, mentionFinder, type Mention } from './20-mentions.js';
import { documentCandidates, type Candidate } from './50-events.js';
import { mergeCandidates } from './60-merge.js';
import { indexEvents } from './query.js';
import type { ReferenceDate, TimelineEvent } from './types.js';

export type {
  EventSource,
  Precision,
  ReferenceBasis,
  ReferenceDate,
  SourceKind,
  TimelineEvent,
} from './types.js';

export interface TimeAnalysis {
  readonly references: readonly ReferenceDate[];
  readonly events: readonly TimelineEvent[];
}

/**
 * A document whose only date is a wire dateline without a year ("RIVERTON, Ohio, May 16 (Reuters) -") gets the
 * year that puts that day nearest the median of the other documents' publication or dateline days; it is then
 * a day-level reference like any dateline. Without such documents it keeps the reference it had.
 */
function yearsForDatelines(corpus: Corpus, refs: Reference[], mentionsOf: readonly MentionsOf[]): void {
  const known = refs
    .filter((r) => r.date !== null && (r.basis === 'published' || r.basis === 'dateline'))
    .map((r) => r.date as number)
    .sort((a, b) => a - b);
  if (known.length === 0) return;
  const near = known[Math.floor(known.length / 2)] as number;
  corpus.documents.forEach((doc, i) => {
    const ref = refs[i] as Reference;
    if (ref.basis === 'published' || ref.basis === 'dateline') return;
    const wire = bodyDateline(doc, mentionsOf[i] as MentionsOf);
    if (wire?.kind !== 'monthDay') return;
    const day = datelineDay(wire.month, wire.day, near);
    if (day !== null) refs[i] = { date: day, basis: 'dateline', dayLevel: true };
  });
}

/** Reference dates and dated events of the corpus. */
export function analyzeTime(corpus: Corpus): TimeAnalysis {
  // Mentions are read twice for most sentences (reference dates, then events): kept for every sentence, so the
  // date-word gate runs once per sentence (an empty result is the shared NO_MENTIONS).
  const find = mentionFinder();
  const cache = new Map<Sentence, readonly Mention[]>();
  const mentionsOf = (s: Sentence): readonly Mention[] => {
    let m = cache.get(s);
    if (m === undefined) {
      m = find(s);
      cache.set(s, m);
    }
    return m;
  };
  // Each document reads its dates in figures ("07-01-2022") in its own order of day and month (found on the first
  // such date it holds).
  const ofDocument = corpus.documents.map((doc): MentionsOf => {
    let order: ReturnType<typeof dateOrder> | undefined;
    return (s) => {
      const found = mentionsOf(s);
      if (!found.some((m) => m.value.kind === 'full' && m.value.eitherWay === true)) return found;
      order ??= dateOrder(doc.text);
      return inOrder(found, order);
    };
  });
  const refs = corpus.documents.map((doc, i) => referenceOf(doc, ofDocument[i] as MentionsOf));
  yearsForDatelines(corpus, refs, ofDocument);
  const references: ReferenceDate[] = [];
  const candidates: Candidate[] = [];
  corpus.documents.forEach((doc, i) => {
    const ref = refs[i] as Reference;
    references.push({
      documentId: doc.meta.id,
      date: ref.date === null ? null : formatDay(ref.date),
      inferred: ref.basis !== 'published',
      basis: ref.basis,
    });
    candidates.push(...documentCandidates(doc, ref, ofDocument[i] as MentionsOf));
  });
  const events = mergeCandidates(candidates);
  // /timeline's questions are answered from an index of the events, built here rather than on the first question.
  indexEvents(events);
  return { references, events };
}
