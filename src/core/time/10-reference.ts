/**
 * Stage 1 — the reference date of each document, which every relative expression is read against:
 * the manifest's `published`; else a dateline ("January 9, 2022 | 7 Comments"); else the latest date the text
 * fixes, counting weekday cues that pin a year ("Friday, January 7" near "December 2021" → 2022). The last is only a
 * lower bound for the publication day, so day-level relative expressions are not resolved against it.
 */
import type { CorpusDocument, Paragraph, ReaderComment, Sentence } from '../corpus/types.js';
import { dayOf, isValidDate, parseIsoDay, weekdayOf, type Day } from './calendar.js';
import type { Mention } from './20-mentions.js';
import type { ReferenceBasis } from './types.js';

export interface Reference {
  readonly date: Day | null;
  readonly basis: ReferenceBasis;
  /** True when weekdays, "yesterday" and "last week" may be resolved against it. */
  readonly dayLevel: boolean;
}

export type MentionsOf = (s: Sentence) => readonly Mention[];

const NONE: Reference = { date: null, basis: 'none', dayLevel: false };

/** The latest full date written in these paragraphs (`maxLength` keeps to short date lines). */
function latestFullDate(
  paragraphs: readonly Paragraph[],
  mentionsOf: MentionsOf,
  maxLength = Infinity,
): Day | null {
  let best: Day | null = null;
  for (const p of paragraphs) {
    if (p.text.length > maxLength) continue;
    for (const s of p.sentences) {
      for (const m of mentionsOf(s)) {
        const v = m.value;
        if (v.kind !== 'full' || !isValidDate(v.year, v.month, v.day)) continue;
        const d = dayOf(v.year, v.month, v.day);
        if (best === null || d > best) best = d;
      }
    }
  }
  return best;
}

/** The latest date the text fixes, with weekday cues pinning month-day dates to a year near the years it names. */
function latestMentioned(paragraphs: readonly Paragraph[], mentionsOf: MentionsOf): Day | null {
  let latest: Day | null = null;
  let maxYear: number | null = null;
  const cues: { month: number; day: number; weekday: number }[] = [];
  for (const p of paragraphs) {
    for (const s of p.sentences) {
      for (const m of mentionsOf(s)) {
        const v = m.value;
        if (v.kind === 'full' && isValidDate(v.year, v.month, v.day)) {
          const d = dayOf(v.year, v.month, v.day);
          if (latest === null || d > latest) latest = d;
        }
        if (
          (v.kind === 'full' || v.kind === 'monthYear' || v.kind === 'year') &&
          (maxYear === null || v.year > maxYear)
        )
          maxYear = v.year;
        if (v.kind === 'monthDay' && v.weekday !== null)
          cues.push({ month: v.month, day: v.day, weekday: v.weekday });
      }
    }
  }
  if (maxYear !== null) {
    for (const c of cues) {
      const years = [maxYear - 1, maxYear, maxYear + 1].filter(
        (y) => isValidDate(y, c.month, c.day) && weekdayOf(dayOf(y, c.month, c.day)) === c.weekday,
      );
      if (years.length !== 1) continue;
      const d = dayOf(years[0] as number, c.month, c.day);
      if (latest === null || d > latest) latest = d;
    }
  }
  return latest;
}

export function referenceOf(doc: CorpusDocument, mentionsOf: MentionsOf): Reference {
  const published = doc.meta.published ? parseIsoDay(doc.meta.published) : null;
  if (published !== null)
    return { date: published, basis: doc.meta.publishedInferred ? 'dateline' : 'published', dayLevel: true };
  const datelines = doc.other.filter((p) => p.role === 'dateline' || p.role === 'byline');
  const dateline = latestFullDate(datelines, mentionsOf);
  if (dateline !== null) return { date: dateline, basis: 'dateline', dayLevel: true };
  const mentioned = latestMentioned([...doc.body, ...doc.captions], mentionsOf);
  if (mentioned !== null) return { date: mentioned, basis: 'mentions', dayLevel: false };
  return NONE;
}

/**
 * A reader comment is written after its article, on a day the page rarely shows: its own short date line counts
 * (a pasted article's "01/09/2022 07:00 AM EST"); otherwise only the article's year and month do.
 */
export function commentReference(
  comment: ReaderComment,
  article: Reference,
  mentionsOf: MentionsOf,
): Reference {
  const own = latestFullDate(comment.paragraphs, mentionsOf, 60);
  if (own !== null) return { date: own, basis: 'dateline', dayLevel: true };
  return { ...article, dayLevel: false };
}
