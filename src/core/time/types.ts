export type Precision = 'day' | 'month' | 'year';

export interface EventSource {
  readonly documentId: string;
  readonly paragraph: number;
  readonly comment: number | null;
  /** 'caption' when the event comes from a photo caption. */
  readonly role?: 'caption';
  /** The verbatim sentence or clause in that source. */
  readonly text: string;
}

export interface TimelineEvent {
  /** "2022-01-07", "2022-01" or "2014", matching `precision`. */
  readonly date: string;
  readonly precision: Precision;
  /** Verbatim text of the first source. */
  readonly text: string;
  readonly documentId: string;
  readonly paragraph: number;
  /** Dates given only as context ("since 2002"). */
  readonly background: boolean;
  /** Every document reporting the same happening (the first is the one above). */
  readonly sources: readonly EventSource[];
}

export interface ReferenceDate {
  readonly documentId: string;
  /** YYYY-MM-DD or null when neither manifest nor text tells. */
  readonly date: string | null;
  readonly inferred: boolean;
}
