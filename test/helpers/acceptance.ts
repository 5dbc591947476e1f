/**
 * The acceptance samples' matching rules (../shared/acceptance/*.json: their "about" fields), as checks shared by
 * the seeds' tests and the shipped stories' (test/fixtures/stories). Each check returns what is wrong, or null.
 */
import type { Analysis } from '../../src/core/analysis.js';
import type { Quote } from '../../src/core/quotes/index.js';
import type { TimelineEvent } from '../../src/core/time/index.js';
import { findViewpoints, viewpointSources } from '../../src/core/viewpoints/index.js';

export interface ExpectedQuote {
  readonly doc: string;
  readonly speaker: string;
  readonly snippet: string;
  readonly kind: string;
}

export interface ForbiddenSpeaker {
  readonly doc: string;
  readonly speaker_must_not_be: string;
  readonly snippet: string;
}

export interface ExpectedEvent {
  readonly date: string;
  readonly precision: 'day' | 'month' | 'year';
  readonly docs: readonly string[];
  readonly keywords: readonly string[];
}

export interface ExpectedTopic {
  readonly id: string;
  readonly query: string;
  readonly a: readonly string[];
  readonly b: readonly string[];
  readonly b_from_comment?: boolean;
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[“”"‘’']/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Same person (last name) or organisation ("Ministry" for a ministry; else the name's last word). */
export function sameSpeaker(got: string | null, wanted: string): boolean {
  if (!got) return false;
  const key = /ministry/i.test(wanted) ? 'ministry' : (wanted.split(/\s+/).pop() ?? wanted).toLowerCase();
  return got
    .toLowerCase()
    .split(/[\s-]+/)
    .includes(key);
}

const quotesHolding = (quotes: readonly Quote[], doc: string, snippet: string) =>
  quotes.filter((q) => q.documentId === doc && fold(q.text).includes(fold(snippet)));

/** A quote from `doc` holds the snippet and is given to the speaker. */
export function quoteMiss(analysis: Analysis, x: ExpectedQuote): string | null {
  const found = quotesHolding(analysis.quotes.quotes, x.doc, x.snippet);
  if (found.length === 0) return `no quote in ${x.doc} holds "${x.snippet}"`;
  if (found.some((q) => sameSpeaker(q.speaker, x.speaker))) return null;
  return `"${x.snippet}" is given to ${found.map((q) => q.speaker ?? 'nobody').join(', ')}, not ${x.speaker}`;
}

/** No quote holding the snippet is given to that speaker. */
export function forbiddenSpeakerGiven(analysis: Analysis, x: ForbiddenSpeaker): string | null {
  const wrong = quotesHolding(analysis.quotes.quotes, x.doc, x.snippet).filter((q) =>
    sameSpeaker(q.speaker, x.speaker_must_not_be),
  );
  return wrong.length === 0 ? null : `"${x.snippet}" is given to ${x.speaker_must_not_be}`;
}

/** An event sourced from one of the docs holds every keyword, and one such event has the date (to its precision). */
export function eventMiss(events: readonly TimelineEvent[], x: ExpectedEvent): string | null {
  const seen = events.filter((e) =>
    e.sources.some(
      (s) =>
        x.docs.includes(s.documentId) &&
        x.keywords.every((k) => s.text.toLowerCase().includes(k.toLowerCase())),
    ),
  );
  if (seen.length === 0) return `no event from ${x.docs.join(', ')} holds ${x.keywords.join(', ')}`;
  const agrees = (e: TimelineEvent) =>
    e.date.slice(0, x.date.length) === x.date && e.date.length >= x.date.length;
  return seen.some(agrees) ? null : `dated ${seen.map((e) => e.date).join(', ')}, not ${x.date}`;
}

/** /viewpoints on the query gives 2-4 positions, and an `a` item and a `b` item sit in different ones. */
export function topicMiss(analysis: Analysis, x: ExpectedTopic): string | null {
  const result = findViewpoints(viewpointSources(analysis, analysis.claims), x.query);
  const n = result.positions.length;
  if (n < 2 || n > 4) return `${n} positions`;
  const where = (snippets: readonly string[], comment: boolean) =>
    result.positions
      .map((p, i) =>
        p.items.some(
          (it) => snippets.some((s) => it.claim.text.includes(s)) && (!comment || it.claim.comment !== null),
        )
          ? i
          : -1,
      )
      .filter((i) => i >= 0);
  const a = where(x.a, false);
  const b = where(x.b, x.b_from_comment === true);
  if (a.length === 0) return `no position holds any of ${x.a.join(' | ')}`;
  if (b.length === 0) return `no position holds any of ${x.b.join(' | ')}`;
  return a.some((i) => b.some((j) => j !== i)) ? null : 'the a and b items share their only position';
}
