/**
 * Stage 4 — resolving a mention to a calendar date the way a news reader would: against the document's
 * reference date, the clause's tense, and the paragraph's last date (the anchor). Returns null rather than guess
 * when what the expression needs is missing (no reference year, no anchor, a reference that is only a lower bound).
 */
import {
  dayOf,
  formatDay,
  formatMonth,
  fromMonthIndex,
  isValidDate,
  mondayOf,
  monthIndex,
  weekdayOf,
  ymdOf,
  type Day,
} from './calendar.js';
import type { Holiday, LastDay, Mention } from './20-mentions.js';
import type { Tense } from './30-tense.js';
import type { Precision } from './types.js';

export interface Resolved {
  readonly date: string;
  readonly precision: Precision;
  /** Inclusive last day of a span of days ("last week"). */
  readonly until?: string;
  /** First day covered, for ordering and for chaining ("the following day"). */
  readonly first: Day;
  /** Last day of a span of days. */
  readonly last?: Day;
}

export interface ResolveContext {
  /** The reference date, or null when no year can be told. */
  readonly reference: Day | null;
  /** False when the reference is only a lower bound (e.g. the latest date the text mentions): day-level relative expressions are then left alone. */
  readonly dayLevel: boolean;
  /** The paragraph's last resolved date so far ("Five days earlier", "The following day" count from it). */
  readonly anchor: { readonly first: Day; readonly precision: Precision; readonly last?: Day } | null;
  /**
   * The last date the text gave before this one, a scene-setting one too ("two years earlier, by which time …"):
   * what "that July" and "the following February" count from. The anchor when not given.
   */
  readonly recent?: { readonly first: Day; readonly precision: Precision } | null;
  readonly tense: Tense;
  /** Photo captions describe what the photo shows: already past, though written in the present. */
  readonly caption: boolean;
}

type Direction = 'back' | 'forward' | 'nearest';

/** Which way from the reference an underspecified date lies, by tense. */
export function directionOf(tense: Tense, caption: boolean): Direction {
  if (caption) return 'back';
  switch (tense) {
    case 'past':
      return 'back';
    case 'future':
    case 'present': // present tense with a date is a schedule: "talks … begin on Monday"
      return 'forward';
    case 'modal':
      return 'nearest';
    default:
      return 'back'; // news reports what happened
  }
}

const day = (d: Day): Resolved => ({ date: formatDay(d), precision: 'day', first: d });
const month = (i: number): Resolved => {
  const { year, month: m } = fromMonthIndex(i);
  return { date: formatMonth(year, m), precision: 'month', first: dayOf(year, m, 1) };
};
const year = (y: number): Resolved => ({
  date: String(y).padStart(4, '0'),
  precision: 'year',
  first: dayOf(y, 1, 1),
});
const span = (from: Day, to: Day): Resolved => ({
  date: formatDay(from),
  precision: 'day',
  until: formatDay(to),
  first: from,
  last: to,
});

/** The day `first`, or the range of days from it to the mention's last day ("June 23 and 24"). */
function days(first: Day, v: { readonly month: number; readonly lastDay?: LastDay }): Resolved {
  const last = v.lastDay;
  if (last === undefined) return day(first);
  // A range running into the next month may run into the next year ("December 30 to January 2").
  const y = ymdOf(first).year + (last.month < v.month ? 1 : 0);
  return isValidDate(y, last.month, last.day) ? span(first, dayOf(y, last.month, last.day)) : day(first);
}

/** Picks among candidates (sorted ascending) by direction from the reference. */
function pick(candidates: readonly number[], ref: number, dir: Direction, slack = 0): number | null {
  if (candidates.length === 0) return null;
  if (dir === 'back') {
    const past = candidates.filter((c) => c <= ref + slack);
    return past.length > 0 ? (past[past.length - 1] as number) : null;
  }
  if (dir === 'forward') {
    const future = candidates.filter((c) => c >= ref - slack);
    return future.length > 0 ? (future[0] as number) : null;
  }
  let best = candidates[0] as number;
  for (const c of candidates) if (Math.abs(c - ref) < Math.abs(best - ref)) best = c;
  return best;
}

/** A holiday's day in a year: its fixed day, or the n-th (n = -1: last) such weekday of its month. */
function holidayDay(h: Holiday, year: number): Day {
  if ('day' in h) return dayOf(year, h.month, h.day);
  if (h.nth > 0) {
    const first = dayOf(year, h.month, 1);
    return first + ((h.weekday - weekdayOf(first) + 7) % 7) + 7 * (h.nth - 1);
  }
  const { year: ny, month: nm } = fromMonthIndex(monthIndex(year, h.month) + 1);
  const last = dayOf(ny, nm, 1) - 1;
  return last - ((weekdayOf(last) - h.weekday + 7) % 7);
}

export function resolveMention(m: Mention, ctx: ResolveContext): Resolved | null {
  const v = m.value;
  const ref = ctx.reference;
  const dir = directionOf(ctx.tense, ctx.caption);
  switch (v.kind) {
    case 'full':
      return isValidDate(v.year, v.month, v.day) ? days(dayOf(v.year, v.month, v.day), v) : null;
    case 'monthYear':
      return month(monthIndex(v.year, v.month));
    case 'year':
      return year(v.year);
    case 'monthDay': {
      if (ref === null) return null;
      const y = ymdOf(ref).year;
      let candidates = [y - 1, y, y + 1]
        .filter((c) => isValidDate(c, v.month, v.day))
        .map((c) => dayOf(c, v.month, v.day));
      if (v.weekday !== null) {
        const matching = candidates.filter((c) => weekdayOf(c) === v.weekday);
        if (matching.length > 0) candidates = matching;
      }
      // Month-day dates are read near the reference; tense only breaks the tie when the reference is a real date.
      const near = candidates.filter((c) => Math.abs(c - ref) <= 200);
      const chosen = ctx.dayLevel
        ? (pick(near, ref, dir, 1) ?? pick(candidates, ref, 'nearest'))
        : pick(candidates, ref, 'nearest');
      return chosen === null ? null : days(chosen, v);
    }
    case 'holiday': {
      // The holiday's day in the year before, of or after the reference's, picked as a month-day date is.
      if (v.year !== undefined) return day(holidayDay(v.holiday, v.year));
      if (ref === null) return null;
      const y = ymdOf(ref).year;
      const candidates = [y - 1, y, y + 1].map((c) => holidayDay(v.holiday, c));
      const near = candidates.filter((c) => Math.abs(c - ref) <= 200);
      const chosen = ctx.dayLevel
        ? (pick(near, ref, dir, 1) ?? pick(candidates, ref, 'nearest'))
        : pick(candidates, ref, 'nearest');
      return chosen === null ? null : day(chosen);
    }
    case 'month': {
      if (ref === null) return null;
      const r = ymdOf(ref);
      const refMonth = monthIndex(r.year, r.month);
      const candidates = [r.year - 1, r.year, r.year + 1].map((y) => monthIndex(y, v.month));
      if (v.modifier === 'last') return month(pick(candidates, refMonth - 1, 'back') as number);
      if (v.modifier === 'next') return month(pick(candidates, refMonth + 1, 'forward') as number);
      if (v.modifier === 'this') return month(monthIndex(r.year, v.month));
      // "in June of that year": the year of the paragraph's last date, when there is one.
      if (v.modifier === 'that year' && ctx.anchor !== null)
        return month(monthIndex(ymdOf(ctx.anchor.first).year, v.month));
      // "The following February": the first such month after the paragraph's last date (after its year, for a
      // year); "the previous March", the last one before it. Without a date to count from, none.
      // "It took effect that July.": the year of the last date the text gave; without one, none.
      if (v.modifier === 'that') {
        const a = ctx.recent ?? ctx.anchor;
        return a === null ? null : month(monthIndex(ymdOf(a.first).year, v.month));
      }
      if (v.modifier === 'following' || v.modifier === 'previous') {
        const a = ctx.recent ?? ctx.anchor;
        if (a === null) return null;
        const at = ymdOf(a.first);
        if (v.modifier === 'following') {
          const from = a.precision === 'year' ? monthIndex(at.year, 12) : monthIndex(at.year, at.month);
          const same = monthIndex(at.year, v.month);
          return month(same > from ? same : same + 12);
        }
        const from = a.precision === 'year' ? monthIndex(at.year, 1) : monthIndex(at.year, at.month);
        const same = monthIndex(at.year, v.month);
        return month(same < from ? same : same - 12);
      }
      const chosen = pick(candidates, refMonth, dir === 'nearest' ? 'nearest' : dir);
      return chosen === null ? null : month(chosen);
    }
    case 'dayOfMonth': {
      if (ref === null || !ctx.dayLevel) return null;
      // "the 8th of next month": that day of the month after the reference's.
      if (v.shift !== undefined) {
        const r = ymdOf(ref);
        const { year: y, month: mo } = fromMonthIndex(monthIndex(r.year, r.month) + v.shift);
        return isValidDate(y, mo, v.day) ? day(dayOf(y, mo, v.day)) : null;
      }
      const a = ctx.anchor;
      // After a date of the paragraph, the next such day from it (from a span's end: "from Sept. 2 until Oct. 29 …
      // on the 16th" is 16 November); a month alone ("In March, … on the 14th") gives its own.
      if (a !== null && a.precision !== 'year') {
        const at = ymdOf(a.last ?? a.first);
        let i = monthIndex(at.year, at.month);
        if (a.precision === 'day' && v.day <= at.day) i++;
        const { year: y, month: mo } = fromMonthIndex(i);
        return isValidDate(y, mo, v.day) ? day(dayOf(y, mo, v.day)) : null;
      }
      // Otherwise the day nearest the reference on the tense's side: in a piece of 20 November, "the 28th" she
      // wrote is 28 October, "the 16th" it disclosed 16 November.
      const r = ymdOf(ref);
      const here = monthIndex(r.year, r.month);
      const candidates: number[] = [];
      for (let i = here - 1; i <= here + 1; i++) {
        const { year: y, month: mo } = fromMonthIndex(i);
        if (isValidDate(y, mo, v.day)) candidates.push(dayOf(y, mo, v.day));
      }
      const chosen = pick(candidates, ref, dir);
      return chosen === null ? null : day(chosen);
    }
    case 'weekday': {
      if (ref === null || !ctx.dayLevel) return null;
      const candidates: number[] = [];
      for (let d = ref - 7; d <= ref + 7; d++) if (weekdayOf(d) === v.weekday) candidates.push(d);
      let chosen: number | null;
      if (v.modifier === 'last') chosen = pick(candidates, ref - 1, 'back');
      // "next Thursday" is the Thursday of next week (weeks from Monday): said on a Wednesday, not tomorrow.
      else if (v.modifier === 'next') chosen = ref - ((weekdayOf(ref) + 6) % 7) + 7 + ((v.weekday + 6) % 7);
      else if (v.modifier === 'this') chosen = pick(candidates, ref, 'forward');
      else chosen = pick(candidates, ref, dir);
      return chosen === null ? null : day(chosen);
    }
    case 'offset': {
      const fine = v.unit === 'day' || v.unit === 'week';
      let base: Day | null;
      if (v.from === 'anchor') {
        const a = ctx.anchor;
        // A day counted from a month ("a day after August") is no day at all.
        base =
          a && (!fine || a.precision === 'day') && (v.unit !== 'month' || a.precision !== 'year')
            ? a.first
            : null;
      } else base = fine && !ctx.dayLevel ? null : ref;
      if (base === null) return null;
      const b = ymdOf(base);
      switch (v.unit) {
        case 'day':
          return day(base + v.amount);
        case 'week':
          return v.from === 'anchor' || Math.abs(v.amount) > 1
            ? null
            : span(mondayOf(base + 7 * v.amount), mondayOf(base + 7 * v.amount) + 6);
        case 'month':
          return month(monthIndex(b.year, b.month) + v.amount);
        case 'year':
          return year(b.year + v.amount);
      }
      return null;
    }
    case 'period': {
      if (ref === null) return null;
      const r = ymdOf(ref);
      if (v.unit === 'year') return year(r.year + v.shift);
      if (v.unit === 'month') return month(monthIndex(r.year, r.month) + v.shift);
      if (!ctx.dayLevel) return null;
      const monday = mondayOf(ref) + 7 * v.shift;
      return span(monday, monday + 6);
    }
  }
}
