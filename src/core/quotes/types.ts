export type QuoteKind = 'direct' | 'partial' | 'indirect';

export interface Speaker {
  /** Stable key: lower-case canonical name with spaces as dashes. */
  readonly id: string;
  /** Canonical name, the fullest form the corpus uses ("Antony Blinken", "Russian Foreign Ministry"). */
  readonly name: string;
  readonly aliases: readonly string[];
  /** Role as the text gives it ("US Secretary of State"), or null. */
  readonly role: string | null;
  readonly kind: 'person' | 'organisation';
  /** Number of quotes attributed. */
  readonly quotes: number;
}

export interface Quote {
  /** Speaker's canonical name, or null when the text does not say who spoke. */
  readonly speaker: string | null;
  readonly speakerId: string | null;
  /** Verbatim from the document (enclosing quotation marks dropped). */
  readonly text: string;
  readonly kind: QuoteKind;
  readonly documentId: string;
  readonly paragraph: number;
  readonly comment: number | null;
  /** Offsets of `text` in the document. */
  readonly start: number;
  readonly end: number;
  /** Index terms of the text (lemmas, stop words dropped), for ranking by topic. */
  readonly terms: readonly string[];
}

export interface QuoteAnalysis {
  readonly speakers: readonly Speaker[];
  readonly quotes: readonly Quote[];
}
