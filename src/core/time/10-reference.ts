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
import { findFullDate } from '../corpus/classify.js';

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

/**
 * A wire dateline opening the first body paragraph: "RIVERTON, Ohio, May 16 (Reuters) - …", "LONDON, Jan. 9 —":
 * a place in capitals, then the date before the outlet and the dash. The date written there, when it is one.
 */
const BODY_DATELINE = /^[A-Z][A-Z .'’-]+,[^—–()]{0,60}?(?:\([A-Za-z][\w .&-]{0,30}\)\s*)?[—–-]\s/;

export type DatelineDate =
  | { readonly kind: 'full'; readonly day: Day }
  | { readonly kind: 'monthDay'; readonly month: number; readonly day: number };

/** The document offset where a wire dateline opening the body ends (after its dash), or -1 when there is none. */
export function bodyDatelineEnd(doc: CorpusDocument): number {
  const first = doc.body[0];
  if (!first) return -1;
  const head = BODY_DATELINE.exec(first.text);
  return head ? first.start + head[0].length : -1;
}

export function bodyDateline(doc: CorpusDocument, mentionsOf: MentionsOf): DatelineDate | null {
  const sentence = doc.body[0]?.sentences[0];
  const end = bodyDatelineEnd(doc);
  if (!sentence || end === -1) return null;
  for (const m of mentionsOf(sentence)) {
    if (m.end > end) break;
    const v = m.value;
    if (v.kind === 'full' && isValidDate(v.year, v.month, v.day))
      return { kind: 'full', day: dayOf(v.year, v.month, v.day) };
    if (v.kind === 'monthDay') return { kind: 'monthDay', month: v.month, day: v.day };
  }
  return null;
}

/**
 * The day a month-day dateline ("May 16") names, in the year that puts it nearest `near` (the corpus's other
 * documents' reference days: a corpus is gathered about one story, so its articles are months apart, not years).
 */
export function datelineDay(month: number, day: number, near: Day): Day | null {
  const year = new Date(near * 86_400_000).getUTCFullYear();
  let best: Day | null = null;
  for (const y of [year - 1, year, year + 1]) {
    if (!isValidDate(y, month, day)) continue;
    const d = dayOf(y, month, day);
    if (best === null || Math.abs(d - near) < Math.abs(best - near)) best = d;
  }
  return best;
}

export function referenceOf(doc: CorpusDocument, mentionsOf: MentionsOf): Reference {
  const published = doc.meta.published ? parseIsoDay(doc.meta.published) : null;
  if (published !== null)
    return { date: published, basis: doc.meta.publishedInferred ? 'dateline' : 'published', dayLevel: true };
  const datelines = doc.other.filter((p) => p.role === 'dateline' || p.role === 'byline');
  const dateline = latestFullDate(datelines, mentionsOf);
  if (dateline !== null) return { date: dateline, basis: 'dateline', dayLevel: true };
  const wire = bodyDateline(doc, mentionsOf);
  if (wire?.kind === 'full') return { date: wire.day, basis: 'dateline', dayLevel: true };
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
  header: readonly Paragraph[] = [],
): Reference {
  const own = latestFullDate(comment.paragraphs, mentionsOf, 60) ?? headerDay(header);
  if (own !== null) return { date: own, basis: 'dateline', dayLevel: true };
  return { ...article, dayLevel: false };
}

/**
 * The date lines a thread prints inside its body, each heading the posts after it ("Marta K. • March 5, 2025"
 * between two posts): by document offset, the day each one gives. A date line before the first body paragraph
 * dates the page, which its reference already says.
 */
export function postDates(doc: CorpusDocument): { at: number; day: Day }[] {
  const first = doc.body[0];
  if (first === undefined) return [];
  const out: { at: number; day: Day }[] = [];
  for (const p of doc.other) {
    if (p.role !== 'dateline' || p.start < first.end) continue;
    const day = headerDay([p]);
    if (day !== null) out.push({ at: p.start, day });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The last full date the short lines of a post's header write (as the document's own date lines are read). */
function headerDay(lines: readonly Paragraph[]): Day | null {
  let best: Day | null = null;
  for (const p of lines) {
    if (p.text.length > 60) continue;
    const iso = findFullDate(p.text);
    const day = iso === null ? null : parseIsoDay(iso);
    if (day !== null) best = day;
  }
  return best;
}
