/** Picking events for a question: a date window, a topic's terms, one source. Pure and cheap (answered from memory). */
import { MONTHS } from './calendar.js';
import { dayOf, isValidDate, weekdayOf, ymdOf, type Day } from './calendar.js';
import type { TimelineEvent } from './types.js';

export interface DateBound {
  /** First and last day the written bound covers: "2022-01" covers all of January. */
  readonly first: Day;
  readonly last: Day;
}

/** "2022", "2022-01" or "2022-01-07" → the days it covers; null when it is not such a date. */
export function parseDateBound(text: string): DateBound | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3] !== undefined) {
    const [mo, d] = [Number(m[2]), Number(m[3])];
    if (!isValidDate(y, mo, d)) return null;
    return { first: dayOf(y, mo, d), last: dayOf(y, mo, d) };
  }
  if (m[2] !== undefined) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { first: dayOf(y, mo, 1), last: dayOf(y, mo + 1, 1) - 1 };
  }
  return { first: dayOf(y, 1, 1), last: dayOf(y + 1, 1, 1) - 1 };
}

/** The days an event's date covers ("2014" covers the year; "last week" its seven days). */
export function spanOf(e: TimelineEvent): DateBound {
  const own = parseDateBound(e.date) as DateBound;
  const until = e.until ? parseDateBound(e.until) : null;
  return until ? { first: own.first, last: until.last } : own;
}

export interface EventQuery {
  readonly from?: DateBound;
  readonly to?: DateBound;
  /** Index terms of the topic; an event needs at least half of them. */
  readonly terms?: readonly string[];
  readonly documentId?: string;
  readonly background?: boolean;
  readonly comments?: boolean;
}

export function selectEvents(events: readonly TimelineEvent[], q: EventQuery): TimelineEvent[] {
  const need = q.terms && q.terms.length > 0 ? Math.ceil(q.terms.length / 2) : 0;
  return events.filter((e) => {
    if (!q.background && e.background) return false;
    if (!q.comments && e.comment !== null) return false;
    if (q.documentId && !e.sources.some((s) => s.documentId === q.documentId)) return false;
    if (q.from || q.to) {
      const span = spanOf(e);
      if (q.from && span.last < q.from.first) return false;
      if (q.to && span.first > q.to.last) return false;
    }
    if (need > 0) {
      const terms = new Set(e.terms);
      let hits = 0;
      for (const t of q.terms ?? []) if (terms.has(t)) hits++;
      if (hits < need) return false;
    }
    return true;
  });
}

/** A date as people read it: "Thu 6 Jan 2022", "January 2022", "2014", "10–16 Jan 2022". */
export function dateLabel(e: Pick<TimelineEvent, 'date' | 'precision' | 'until'>): string {
  const { first, last } = e.until
    ? {
        first: (parseDateBound(e.date) as DateBound).first,
        last: (parseDateBound(e.until) as DateBound).last,
      }
    : (parseDateBound(e.date) as DateBound);
  const a = ymdOf(first);
  if (e.precision === 'year') return String(a.year);
  if (e.precision === 'month') return `${MONTH_NAMES[a.month - 1]} ${a.year}`;
  if (e.until) {
    const b = ymdOf(last);
    return a.month === b.month
      ? `${a.day}–${b.day} ${SHORT[a.month - 1]} ${a.year}`
      : `${a.day} ${SHORT[a.month - 1]} – ${b.day} ${SHORT[b.month - 1]} ${b.year}`;
  }
  return `${DAY_NAMES[weekdayOf(first)]} ${a.day} ${SHORT[a.month - 1]} ${a.year}`;
}

const MONTH_NAMES = MONTHS.map((m) => `${m.charAt(0).toUpperCase()}${m.slice(1)}`);
const SHORT = MONTH_NAMES.map((m) => m.slice(0, 3));
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
