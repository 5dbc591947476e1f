export type Precision = 'day' | 'month' | 'year';

/** What a source is, as a reader must weigh it: only 'news' reports; the rest are views (see the summary's kinds). */
export type SourceKind = 'news' | 'opinion' | 'statement' | 'comment';

export interface EventSource {
  readonly documentId: string;
  readonly paragraph: number;
  readonly comment: number | null;
  /** 'caption' when the event comes from a photo caption. */
  readonly role?: 'caption';
  /** The verbatim sentence or clause in that source. */
  readonly text: string;
  /** The source's kind: its document's, or 'comment' for a reader comment. */
  readonly kind: SourceKind;
}

export interface TimelineEvent {
  /** "2022-01-07", "2022-01" or "2014", matching `precision`. */
  readonly date: string;
  readonly precision: Precision;
  /** Last day (YYYY-MM-DD, inclusive) when the date is a span of days ("last week"); absent otherwise. */
  readonly until?: string;
  /** Verbatim text of the first source. */
  readonly text: string;
  readonly documentId: string;
  readonly paragraph: number;
  /** The reader comment the first source is in, or null for the article itself. */
  readonly comment: number | null;
  readonly role?: 'caption';
  /** Dates given only as context ("since 2002"). */
  readonly background: boolean;
  /** Every document reporting the same happening (the first is the one above). */
  readonly sources: readonly EventSource[];
  /** Content lemmas of the sources (index terms, date words left out): what topic filtering and merging compare. */
  readonly terms: readonly string[];
}

/**
 * How a document's reference date was found: the manifest (`published`), a dateline in the text (`dateline`),
 * the latest date the text itself mentions (`mentions`, a lower bound only), or not at all (`none`).
 */
export type ReferenceBasis = 'published' | 'dateline' | 'mentions' | 'none';

export interface ReferenceDate {
  readonly documentId: string;
  /** YYYY-MM-DD or null when neither manifest nor text tells. */
  readonly date: string | null;
  readonly inferred: boolean;
  readonly basis: ReferenceBasis;
}
