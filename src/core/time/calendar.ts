/** Calendar arithmetic on whole days (days since 1970-01-01, UTC): no time zones, no clock. */

export type Day = number;

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): Day {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function ymdOf(d: Day): Ymd {
  const date = new Date(d * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(d: Day): number {
  return (((d + 4) % 7) + 7) % 7;
}

/** True when the month/day exists in that year (e.g. no February 30). */
export function isValidDate(year: number, month: number, day: number): boolean {
  const ymd = ymdOf(dayOf(year, month, day));
  return ymd.year === year && ymd.month === month && ymd.day === day;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatDay(d: Day): string {
  const { year, month, day } = ymdOf(d);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** "2022-01-09" → a Day, or null when it is not a valid date. */
export function parseIsoDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? dayOf(y, mo, d) : null;
}

/** Monday of the ISO week that holds `d`. */
export function mondayOf(d: Day): Day {
  return d - ((weekdayOf(d) + 6) % 7);
}

/** Months counted from year 0, so month arithmetic is integer arithmetic. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

export function fromMonthIndex(i: number): { year: number; month: number } {
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

export { MONTHS, WEEKDAYS } from '../text/calendar-words.js';
