/**
 * Stage 2 — finding date expressions in a sentence. chrono-node finds month/day/weekday/relative expressions;
 * its reading is turned into a `MentionValue` that says what the text fixes and what is left to resolve.
 * Own parsers add what chrono misses: bare years ("in 2014", "since 2012") and anchors ("the following day").
 */
import * as chrono from 'chrono-node';
import type { Sentence, Token } from '../corpus/types.js';
import { MONTHS, WEEKDAYS } from './calendar.js';
import { casualChrono } from './chrono.js';
import { firstStartingFrom, tokenHolding } from './tokens.js';

export type Unit = 'day' | 'week' | 'month' | 'year';
/**
 * "last", "next", "this" before the name; "that year" after a month ("in June of that year"); "that" before it
 * ("It took effect that July."), "following"/"previous" for "the following February", "the previous March": the
 * month in, after or before the year of the text's last date.
 */
export type Modifier = 'last' | 'next' | 'this' | 'that year' | 'that' | 'following' | 'previous' | null;

/**
 * A holiday's day in a given year: a fixed day of a month, or the n-th weekday of a month (n = -1: the last).
 * Weekdays as in calendar.ts (0 = Sunday).
 */
export type Holiday =
  | { readonly month: number; readonly day: number }
  | { readonly month: number; readonly weekday: number; readonly nth: number };

/** Holidays by name (lower-cased, apostrophes straight): those whose name says which country's they are, or one country only keeps. */
const HOLIDAYS: ReadonlyMap<string, Holiday> = new Map<string, Holiday>([
  ["new year's day", { month: 1, day: 1 }],
  ["new year's eve", { month: 12, day: 31 }],
  ["valentine's day", { month: 2, day: 14 }],
  ['juneteenth', { month: 6, day: 19 }],
  ['halloween', { month: 10, day: 31 }],
  ['veterans day', { month: 11, day: 11 }],
  ["veterans' day", { month: 11, day: 11 }],
  ['christmas eve', { month: 12, day: 24 }],
  ['christmas day', { month: 12, day: 25 }],
  ['christmas', { month: 12, day: 25 }],
  ['boxing day', { month: 12, day: 26 }],
  ['martin luther king jr. day', { month: 1, weekday: 1, nth: 3 }],
  ['martin luther king day', { month: 1, weekday: 1, nth: 3 }],
  ["presidents' day", { month: 2, weekday: 1, nth: 3 }],
  ['presidents day', { month: 2, weekday: 1, nth: 3 }],
  ['memorial day', { month: 5, weekday: 1, nth: -1 }],
  ['labor day', { month: 9, weekday: 1, nth: 1 }],
  ['thanksgiving day', { month: 11, weekday: 4, nth: 4 }],
  ['thanksgiving', { month: 11, weekday: 4, nth: 4 }],
]);
/** A holiday's name, the longest first ("Christmas shopping" is left to the events stage, as "the Jan. 6 inquiry" is). */
const HOLIDAY = new RegExp(
  `\\b(?:${[...HOLIDAYS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/\./g, '\\.').replace(/'/g, "['’]").replace(/ /g, '\\s+'))
    .join('|')})(?![\\w'’-])`,
  'gi',
);
const HOLIDAY_WORD = /\b(?:christmas|thanksgiving|halloween|juneteenth)\b/i;

/** The last day of a range of days ("June 23 and 24", "between 3 and 5 July", "June 23-24"). */
export interface LastDay {
  readonly month: number;
  readonly day: number;
}

export type MentionValue =
  | {
      readonly kind: 'full';
      readonly year: number;
      readonly month: number;
      readonly day: number;
      readonly lastDay?: LastDay;
      /** Written in figures that read as a date either way ("07-01-2022"): read month first here (see `inOrder`). */
      readonly eitherWay?: true;
    }
  | { readonly kind: 'monthYear'; readonly year: number; readonly month: number }
  | { readonly kind: 'year'; readonly year: number }
  | {
      readonly kind: 'monthDay';
      readonly month: number;
      readonly day: number;
      readonly weekday: number | null;
      readonly lastDay?: LastDay;
    }
  | { readonly kind: 'month'; readonly month: number; readonly modifier: Modifier }
  /**
   * A day of the month without the month ("on the 16th", "the next morning, the 28th,"), or of the month before,
   * of or after the reference's ("the 8th of next month": shift 1).
   */
  | { readonly kind: 'dayOfMonth'; readonly day: number; readonly shift?: -1 | 0 | 1 }
  | { readonly kind: 'weekday'; readonly weekday: number; readonly modifier: Modifier }
  /** A shift from the reference date ("yesterday", "three days ago") or from the paragraph's last date ("the following day"). */
  | {
      readonly kind: 'offset';
      readonly unit: Unit;
      readonly amount: number;
      readonly from: 'reference' | 'anchor';
    }
  /** A public holiday by its name ("on Labor Day", "before Thanksgiving"): its day in a year still to pick. */
  | { readonly kind: 'holiday'; readonly holiday: Holiday; readonly year?: number }
  /** A calendar period around the reference date: "last week", "this month", "next year". */
  | { readonly kind: 'period'; readonly unit: 'week' | 'month' | 'year'; readonly shift: -1 | 0 | 1 };

export interface Mention {
  /** Offsets in the document (like token offsets). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: MentionValue;
}

/*
 * The gate before chrono. chrono is the costly part of this stage, and most sentences hold no date it could give:
 * chrono runs only on a sentence that holds a necessary condition for `readChrono` below to keep one of chrono's
 * readings. Each reading's text is a slice of the sentence, so every condition on the reading is one on the
 * sentence:
 * - the casual, relative and shift forms ("today", "last week", "three days ago") need those words (DIRECT);
 * - a weekday needs a weekday's name written out (DIRECT);
 * - the remaining forms need chrono to be certain of the month, and the reading to hold a year ("1998", "'98"),
 *   a month's first three letters or a slash date (PART). chrono is certain of a month only from a month's name
 *   (its parsers read a name only as a whole word, between the contexts MONTH_WORD allows), from digits joined
 *   by - . / or a space (slash, ISO and year-month-day forms), from a time unit after a number or this/last/next
 *   ("3 days", "2h", "the day", "next mo") or from its casual words ("now", "tmrw"), or from "end of the month"
 *   (CERTAIN_MONTH). Year and quarter units leave the month implied.
 * Sentences holding U+0130 or U+212A (whose lower case is "i̇" or "k") always go to chrono: the gate's /i does not
 * fold them the way `toLowerCase` does.
 * DATE_WORD comes first, as it always has (so a sentence whose only date is "last night" still has none).
 */
const NUMBER_WORD = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
const MONTH_WORD =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const ORDINAL_WORD =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty|thirtieth|thirty';
const TIME_UNIT = 's|sec|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?|mo|mon|mos|months?';

/** The first gate, as it has always been: without one of these a sentence has no mention. */
const DATE_WORD =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:christmas|thanksgiving|halloween|juneteenth)\b|\b(?:today|yesterday|tomorrow|tonight|day|days|week|weeks|month|months|year|years|ago|earlier|later)\b|\bthis\s+(?:morning|afternoon|evening)\b|\d/i;
const DIRECT = new RegExp(
  [
    'today|tonight|tomorrow|yesterday|last night|this (?:morning|afternoon|evening)',
    '(?:mon|tues|wednes|thurs|fri|satur|sun)day',
    '(?:last|this|next|coming)\\s+(?:week|month|year)',
    `(?:\\d|a|an|${NUMBER_WORD})\\s+(?:day|week|month|year)s?\\s+(?:ago|earlier|later|before|after)`,
    '[\\u0130\\u212a]',
  ].join('|'),
  'i',
);
const PART = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|(?:1[6-9]|20)\d\d|['’]\d\d|\d\/\d/i;
const CERTAIN_MONTH = new RegExp(
  [
    `(?:\\b|\\d|of|st|nd|rd|th)(?:${MONTH_WORD})(?=\\W|$|\\d|of|${ORDINAL_WORD})`,
    '\\d[-./\\s]\\d',
    '\\b(?:now|today|tonight|tomorrow|overmorrow|tmr|tmrw|yesterday|last\\s*night)',
    'month',
    '(?:last\\s+day|end)\\s+of',
    `(?:\\d|${NUMBER_WORD}|half|few|several|the|couple|of|an?\\s|this|last|past|next|after|[+-])\\s*(?:${TIME_UNIT})` +
      `(?=\\W|$|ago|before|earlier|later|after|from|henceforth|forward|out|and|about|around|\\d|${NUMBER_WORD}|half|an?\\b|few|several|the|couple)`,
  ].join('|'),
  'i',
);

/** False only when chrono can find nothing in this text that `readChrono` would keep. */
export function mayHoldChronoDate(text: string): boolean {
  return DIRECT.test(text) || (PART.test(text) && CERTAIN_MONTH.test(text));
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

function amountOf(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

const RELATIVE = /^(?:the\s+)?(last|this|next|coming)\s+(week|month|year)$/i;
const SHIFT =
  /^(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\s+(ago|earlier|later|before|after)$/i;
const PART_OF_DAY = /^(today|yesterday|tomorrow|this)\s+(?:morning|afternoon|evening|night)$/;
const CASUAL: Record<string, number> = {
  today: 0,
  tonight: 0,
  yesterday: -1,
  tomorrow: 1,
  'last night': -1,
  // "this morning", "this evening": PART_OF_DAY leaves "this".
  this: 0,
};

/**
 * A possessive day before a noun naming something that took place, at most three words on ("yesterday's decision",
 * "yesterday's Court of Appeals decision", "last night's attack", "tomorrow's vote"): the deverbal endings, and the
 * commonest such nouns without one.
 */
export const OCCASION =
  /^['’]s\s+(?:[\p{L}-]+\s+){0,3}(?:\p{L}+(?:tion|sion|ment)s?|ruling|vote|attack|meeting|hearing|strike|raid|blast|crash|speech|talks|summit|match|game|race|debate|protest|rally|storm|fire|shooting|bombing|verdict|sentencing|deal|decision|visit|call)\b/iu;

/**
 * What chrono's reading holds, from the sentence's text alone: a mention relative to the text, or null when it is
 * no calendar date we can use (a time, "now", a duration). A month name's reading still needs its token checked.
 */
function readChrono(r: chrono.ParsedResult, sentenceText: string): Hit | null {
  const text = r.text.replace(/^(?:on|in|at|by|since)\s+/i, '').replace(/[,\s]+$/, '');
  // chrono keeps a trailing comma ("August,"); the mention ends at the date itself.
  const start = r.index;
  const end = r.index + r.text.replace(/[,\s]+$/, '').length;
  // "yesterday afternoon", "this evening": the day the part of the day belongs to.
  const lower = text.toLowerCase().replace(PART_OF_DAY, '$1');
  const after = sentenceText.slice(r.index + r.text.length, r.index + r.text.length + 2);
  if (lower in CASUAL) {
    // "today's world", "yesterday's news" are no date; "yesterday's ruling", "last night's attack" are.
    if (/^['’]s/.test(after) && !(lower !== 'today' && OCCASION.test(sentenceText.slice(end)))) return null;
    return hit(start, end, {
      kind: 'offset',
      unit: 'day',
      amount: CASUAL[lower] as number,
      from: 'reference',
    });
  }
  const rel = RELATIVE.exec(lower);
  if (rel) {
    const shift = rel[1] === 'last' ? -1 : rel[1] === 'this' ? 0 : 1;
    return hit(start, end, { kind: 'period', unit: rel[2] as 'week' | 'month' | 'year', shift });
  }
  const sh = SHIFT.exec(lower);
  if (sh) {
    const n = amountOf(sh[1] as string);
    if (n === null) return null;
    // "two days after a council committee approved …", "a day before the rally": counted from an event the text
    // names, not from the last date; only "two days later", "a day before." count from that.
    if ((sh[3] === 'before' || sh[3] === 'after') && /^\s+[\p{L}\d]/u.test(sentenceText.slice(end)))
      return null;
    // "… the day after the vote, not a day later": a figure of speech, no date.
    if (/\bnot\s+$/i.test(sentenceText.slice(Math.max(0, start - 5), start))) return null;
    const back = sh[3] === 'ago' || sh[3] === 'earlier' || sh[3] === 'before';
    return hit(start, end, {
      kind: 'offset',
      unit: sh[2] as Unit,
      amount: back ? -n : n,
      from: sh[3] === 'ago' ? 'reference' : 'anchor',
    });
  }
  const c = r.start;
  const hasYear = /\b(?:1[6-9]|20)\d\d\b|['’]\d\d\b/.test(text) && c.isCertain('year');
  const month = c.isCertain('month') ? (c.get('month') as number) : null;
  const day = c.isCertain('day') ? (c.get('day') as number) : null;
  const weekday = c.isCertain('weekday') ? (c.get('weekday') as number) : null;
  const hasMonthName = MONTH_PREFIXES.some((m) => lower.includes(m));
  const hasWeekdayName = WEEKDAYS.some((w) => lower.includes(w));
  if (month !== null && day !== null && (hasYear || hasMonthName || /\d+\/\d+/.test(text))) {
    const range = dayRange(r, sentenceText, month, day, end);
    const first = range?.firstDay ?? day;
    const lastDay = range ? { lastDay: range.lastDay } : {};
    const from = range?.start ?? start;
    const to = range?.end ?? end;
    if (hasYear) {
      const either = eitherWay(text, month, first);
      return hit(from, to, {
        kind: 'full',
        year: c.get('year') as number,
        month,
        day: first,
        ...lastDay,
        ...(either ? { eitherWay: true as const } : {}),
      });
    }
    return hit(from, to, {
      kind: 'monthDay',
      month,
      day: first,
      weekday: hasWeekdayName && first === day ? weekday : null,
      ...lastDay,
    });
  }
  if (hasYear && month !== null)
    return hit(start, end, { kind: 'monthYear', year: c.get('year') as number, month });
  if (month !== null && hasMonthName) {
    // "The IRS issues new PINs each year starting in mid-January": a month that comes round every year is none.
    if (YEARLY.test(sentenceText)) return null;
    // "May" the modal verb and "march" the verb are no months: the sentence's token there decides (NAMED).
    const at = r.index + r.text.indexOf(text);
    const modifier =
      modifierBefore(sentenceText, at) ??
      thatYearAfter(sentenceText, end) ??
      anchoredBefore(sentenceText, at, end);
    return hit(start, end, { kind: 'month', month, modifier }, NAMED, at);
  }
  if (weekday !== null && hasWeekdayName && month === null) {
    // "on a Tuesday evening last month", "one Friday in June", "every Monday": no day in particular.
    if (INDEFINITE_BEFORE.test(sentenceText.slice(Math.max(0, r.index - 8), r.index))) return null;
    const m = /^(last|next|this)\s+/.exec(lower);
    return hit(start, end, {
      kind: 'weekday',
      weekday,
      modifier: (m?.[1] as Modifier) ?? modifierBefore(sentenceText, r.index),
    });
  }
  return null;
}

/** Day and month in figures ("07-01-2022", "7/1/2022", "07.01.2022"): the two numbers as written. */
const FIGURES = /^(\d{1,2})[-./](\d{1,2})[-./](?:\d{4}|\d{2})$/;

/** A date in figures that is a valid date with its day and month either way round ("07-01-2022"; not "07-13-2022"). */
function eitherWay(text: string, month: number, day: number): boolean {
  const f = FIGURES.exec(text);
  if (f === null) return false;
  const a = Number(f[1]);
  const b = Number(f[2]);
  return a !== b && a <= 12 && b <= 12 && ((a === month && b === day) || (a === day && b === month));
}

/**
 * A document's way of writing day and month, for its dates in figures that read either way: 'dmy' when it writes
 * day first ("23/11/2026", "9 January 2022"), 'mdy' when month first ("11/23/2026", "January 9, 2022"), null
 * when it shows neither or both.
 */
export function dateOrder(text: string): 'dmy' | 'mdy' | null {
  let dmy = false;
  let mdy = false;
  for (const m of text.matchAll(/\b(\d{1,2})[-./](\d{1,2})[-./](?:\d{4}|\d{2})\b/g)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dmy = true;
    else if (b > 12 && a <= 12) mdy = true;
  }
  if (WRITTEN_DAY_FIRST.test(text)) dmy = true;
  if (WRITTEN_MONTH_FIRST.test(text)) mdy = true;
  return dmy === mdy ? null : dmy ? 'dmy' : 'mdy';
}
const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WRITTEN_DAY_FIRST = new RegExp(
  `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+\\d{4}\\b`,
  'i',
);
const WRITTEN_MONTH_FIRST = new RegExp(`\\b${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?,\\s+\\d{4}\\b`, 'i');

/**
 * The mentions as the document's order reads them: a date in figures that reads either way is read day first in a
 * document writing day first, kept month first in one writing month first, and left unread when the document does
 * not tell.
 */
export function inOrder(found: readonly Mention[], order: 'dmy' | 'mdy' | null): readonly Mention[] {
  if (order === 'mdy' || !found.some((m) => m.value.kind === 'full' && m.value.eitherWay === true))
    return found;
  const out: Mention[] = [];
  for (const m of found) {
    const v = m.value;
    if (v.kind !== 'full' || v.eitherWay !== true) out.push(m);
    else if (order === 'dmy')
      out.push({ ...m, value: { kind: 'full', year: v.year, month: v.day, day: v.month } });
  }
  return out;
}

const YEARLY = /\b(?:each|every)\s+year\b|\bannually\b/i;
const INDEFINITE_BEFORE = /\b(?:a|an|one|every|each)\s+$/i;

const MONTH_PREFIXES = MONTHS.map((m) => m.slice(0, 3));

/** A second day after a month-day date: "June 23 and 24", "June 23 to 25" (not "March 3 and 4 others"). */
const SECOND_DAY =
  /^\s*(?:and|to|through|until|-|–)\s*(\d{1,2})(?:st|nd|rd|th)?(?=\s*(?:$|[.,;:!?)–—-]|(?:in|at|on|of|for|and|or|before|after|when|while|with|here|there|this|next|last|respectively|from|by|under)\b))/i;
/** A first day before a day-month date: "between 3 and 5 July", "on 3 and 4 July", "from 3 to 5 July". */
const FIRST_DAY = /\b(?:between|from|on)\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:and|to|through|until|-|–)\s*$/i;

/**
 * The range of days a month-day reading opens or closes, with the offsets it then spans: chrono's own range
 * ("June 23-24", "from 3 to 5 July") or one it reads as a single day ("June 23 and 24", "between 3 and 5 July").
 * Null when the reading is one day, or the range runs backwards or over more than two months.
 */
function dayRange(
  r: chrono.ParsedResult,
  sentenceText: string,
  month: number,
  day: number,
  end: number,
): { firstDay: number; lastDay: LastDay; start: number; end: number } | null {
  const within = (last: LastDay, first: number) => {
    const span = (last.month - month + 12) % 12;
    return span <= 1 && (span === 1 || last.day > first) ? last : null;
  };
  const e = r.end;
  if (e) {
    if (!e.isCertain('day')) return null;
    const last = within({ month: e.get('month') as number, day: e.get('day') as number }, day);
    return last ? { firstDay: day, lastDay: last, start: r.index, end } : null;
  }
  const second = SECOND_DAY.exec(sentenceText.slice(end));
  if (second) {
    const last = within({ month, day: Number(second[1]) }, day);
    const to = end + (second.index + (second[0] as string).length);
    return last && last.day <= 31 ? { firstDay: day, lastDay: last, start: r.index, end: to } : null;
  }
  if (!/^\d/.test(r.text)) return null;
  const before = sentenceText.slice(Math.max(0, r.index - 24), r.index);
  const first = FIRST_DAY.exec(before);
  if (!first) return null;
  const firstDay = Number(first[1]);
  if (firstDay < 1 || firstDay >= day) return null;
  const at = r.index - before.length + first.index + (first[0] as string).indexOf(first[1] as string);
  return { firstDay, lastDay: { month, day }, start: at, end };
}

/**
 * "in March and again in June of that year": a month whose clause (up to the next comma or semicolon) goes on to
 * "of that year" or "that same year" lies in the year the text last named, not in the reference's. (chrono may
 * end the month's reading after "of": "June of".)
 */
const THAT_YEAR =
  /^(?:\s*|[^,;.]{0,60}?\b(?:of|in)\s+)that\s+(?:same\s+)?year(?![-\w])|^[^,;.]{0,60}?\bthat\s+same\s+year\b/i;
function thatYearAfter(text: string, end: number): Modifier {
  return THAT_YEAR.test(text.slice(end, end + 80)) ? 'that year' : null;
}

/** "the following February", "the previous March", "that July" before a month name. */
const ANCHORED_BEFORE = /\b(?:the\s+(following|previous|preceding)|(that))\s+$/i;
/** What may follow "that <month>" used as a determiner ("took effect that July."), not as a conjunction ("said that July was"). */
const AFTER_THAT_MONTH =
  /^(?:\s*(?:[.,;:!?)\u2013\u2014-]|$)|\s+(?:the|a|an|and|but|when|as|after|before|in|on|at|to|for|of|with|he|she|it|they|we|his|her|its|their|there)\b)/i;
function anchoredBefore(text: string, index: number, end: number): Modifier {
  const m = ANCHORED_BEFORE.exec(text.slice(Math.max(0, index - 16), index));
  if (!m) return null;
  if (m[2] !== undefined) return AFTER_THAT_MONTH.test(text.slice(end)) ? 'that' : null;
  return (m[1] as string).toLowerCase() === 'following' ? 'following' : 'previous';
}

function modifierBefore(text: string, index: number): Modifier {
  const m = /\b(last|next|this|coming)\s+$/i.exec(text.slice(Math.max(0, index - 8), index));
  if (!m) return null;
  const w = (m[1] as string).toLowerCase();
  return w === 'coming' ? 'next' : (w as Modifier);
}

const HOURS_AS_DAYS: readonly (readonly [string, number])[] = [
  ['twenty-four|24', 1],
  ['forty-eight|48', 2],
  ['seventy-two|72', 3],
];
const ANCHORS: readonly [RegExp, number][] = [
  [/\bthe\s+(?:following|next)\s+day\b/gi, 1],
  [/\bthe\s+day\s+after\b(?!\s+(?:the|a|his|her|its|their)\b)/gi, 1],
  [/\bthe\s+(?:previous|preceding)\s+day\b/gi, -1],
  [/\bthe\s+day\s+before\b(?!\s+(?:the|a|his|her|its|their)\b)/gi, -1],
  // Whole days counted in hours: "Forty-eight hours later, the two sides met in court."
  ...HOURS_AS_DAYS.flatMap(([words, days]): [RegExp, number][] => [
    [new RegExp(`\\b(?:${words})\\s+hours\\s+later\\b`, 'gi'), days],
    [new RegExp(`\\b(?:${words})\\s+hours\\s+earlier\\b`, 'gi'), -days],
  ]),
];
/** What every one of ANCHORS needs. */
const ANY_ANCHOR = new RegExp(
  `\\bthe\\s+(?:(?:following|next|previous|preceding)\\s+day|day\\s+(?:after|before))\\b|\\b(?:${HOURS_AS_DAYS.map(([w]) => w).join('|')})\\s+hours\\s+(?:later|earlier)\\b`,
  'i',
);

/**
 * A day of the month by its ordinal alone, after a preposition or a comma and before a clause's end or a linking
 * word: "disclosed it on the 16th, in an email", "the next morning, the 28th, to …" — not "the 16th century",
 * "the 28th floor" or "in the 3rd round".
 */
const ORDINAL_DAY =
  /(?:\b(?:on|by|until|till|through|since|from|before|after|of)\s+|,\s+)the\s+([1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?=\s*(?:[,.;:!?)]|$|(?:and|or|at|when|to|in|after|before)\b))/gi;

/** "the 8th of next month", "the 3rd of this month", "the 30th of last month". */
const DAY_OF_NAMED_MONTH = /\bthe\s+([1-9]|[12]\d|3[01])(?:st|nd|rd|th)\s+of\s+(next|this|last)\s+month\b/gi;

const BARE_YEAR = /(?<![\d,.$€£/-])\b(1[6-9]\d\d|20\d\d)\b(?!\d|,\d|s\b|['’]s\b|\s*(?:%|percent))/g;

/** Hit checks that need the sentence's tokens. */
const NONE = 0;
/** A month name: kept unless the token there is something else than a noun ("may" the verb). */
const NAMED = 1;
/** A bare year: dropped when a plural noun follows ("2000 soldiers"). */
const COUNTED = 2;

/** A date expression found in a sentence's text, offsets relative to the text, in the order it is tried. */
interface Hit {
  readonly start: number;
  readonly end: number;
  readonly value: MentionValue;
  readonly check: typeof NONE | typeof NAMED | typeof COUNTED;
  /** Where the NAMED check looks. */
  readonly at: number;
}

function hit(start: number, end: number, value: MentionValue, check: Hit['check'] = NONE, at = 0): Hit {
  return { start, end, value, check, at };
}

const NO_HITS: readonly Hit[] = [];
/** A fixed reference keeps chrono from reading the clock; every value that depends on it is recomputed later. */
const REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };

/** Everything the text alone tells, in the order `findMentions` has always tried it: anchors, chrono, bare years. */
function scanText(text: string, chronoParser: chrono.Chrono, gate = true): readonly Hit[] {
  return DATE_WORD.test(text) ? scanDated(text, chronoParser, gate) : NO_HITS;
}

/** `scanText` of a text that passes DATE_WORD. */
function scanDated(text: string, chronoParser: chrono.Chrono, gate = true): readonly Hit[] {
  const hits: Hit[] = [];
  if (ANY_ANCHOR.test(text)) {
    for (const [re, amount] of ANCHORS) {
      for (const m of text.matchAll(re))
        hits.push(
          hit(m.index, m.index + m[0].length, { kind: 'offset', unit: 'day', amount, from: 'anchor' }),
        );
    }
  }
  if (HOLIDAY_WORD.test(text) || /\bday\b|\beve\b/i.test(text))
    for (const m of text.matchAll(HOLIDAY)) {
      const name = m[0].toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
      const holiday = HOLIDAYS.get(name);
      // "the Orthodox Christmas", "Canadian Thanksgiving": another calendar's day of the same name.
      if (holiday === undefined || /\S\s+\p{Lu}[\p{L}-]*\s+$/u.test(text.slice(0, m.index))) continue;
      // "Christmas Day 2025", "New Year's Eve, 1999": the year written after it.
      const end = m.index + m[0].length;
      const year = /^,?\s+((?:1[6-9]|20)\d\d)\b/.exec(text.slice(end));
      hits.push(
        year
          ? hit(m.index, end + year[0].length, { kind: 'holiday', holiday, year: Number(year[1]) })
          : hit(m.index, end, { kind: 'holiday', holiday }),
      );
    }
  // "the 8th of next month" before chrono, which reads only its "next month".
  for (const m of text.matchAll(DAY_OF_NAMED_MONTH)) {
    const w = (m[2] as string).toLowerCase();
    const shift = w === 'next' ? 1 : w === 'last' ? -1 : 0;
    hits.push(hit(m.index, m.index + m[0].length, { kind: 'dayOfMonth', day: Number(m[1]), shift }));
  }
  if (!gate || mayHoldChronoDate(text)) {
    for (const r of chronoParser.parse(text, REFERENCE)) {
      const h = readChrono(r, text);
      if (h) hits.push(h);
    }
  }
  for (const m of text.matchAll(ORDINAL_DAY)) {
    const end = m.index + m[0].length;
    const start = end - (m[0].length - m[0].search(/the\s/i));
    hits.push(hit(start, end, { kind: 'dayOfMonth', day: Number(m[1]) }));
  }
  for (const m of text.matchAll(BARE_YEAR))
    hits.push(hit(m.index, m.index + m[0].length, { kind: 'year', year: Number(m[1]) }, COUNTED));
  return hits.length > 0 ? hits : NO_HITS;
}

function passes(h: Hit, sentence: Sentence): boolean {
  if (h.check === NAMED) {
    const token = tokenHolding(sentence.tokens, sentence.start + h.at);
    return !token || token.pos === 'PROPN' || token.pos === 'NOUN';
  }
  if (h.check === COUNTED) {
    const end = sentence.start + h.end;
    const tokens = sentence.tokens;
    let next: Token | undefined;
    for (let i = firstStartingFrom(tokens, end); i < tokens.length; i++) {
      if ((tokens[i] as Token).type !== 'punctuation') {
        next = tokens[i];
        break;
      }
    }
    // "2000 soldiers" is a number of things, not a year.
    return !(next && next.pos === 'NOUN' && next.normal !== next.lemma && next.start - end <= 1);
  }
  return true;
}

/** The sentence's mentions from its text's hits: each kept unless it overlaps one taken before it. */
function mentionsFrom(hits: readonly Hit[], sentence: Sentence): Mention[] {
  const base = sentence.start;
  const out: Mention[] = [];
  for (const h of hits) {
    if (!passes(h, sentence)) continue;
    const start = base + h.start;
    const end = base + h.end;
    let taken = false;
    for (const m of out) {
      if (start < m.end && m.start < end) {
        taken = true;
        break;
      }
    }
    if (!taken) out.push({ start, end, text: sentence.text.slice(h.start, h.end), value: h.value });
  }
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

/**
 * Every date expression of a sentence, in text order, overlapping ones dropped. `gate: false` runs chrono even
 * where `mayHoldChronoDate` says it can find nothing to keep (tests check that claim with it).
 */
export function findMentions(
  sentence: Sentence,
  chronoParser: chrono.Chrono = casualChrono,
  options: { readonly gate?: boolean } = {},
): Mention[] {
  return mentionsFrom(scanText(sentence.text, chronoParser, options.gate ?? true), sentence);
}

const NO_MENTIONS: readonly Mention[] = [];

/**
 * `findMentions` for a whole corpus: what a text yields is read once however often the text recurs (wire copies,
 * boilerplate, quoted passages), and only the token checks are made for each sentence.
 */
export function mentionFinder(
  chronoParser: chrono.Chrono = casualChrono,
): (s: Sentence) => readonly Mention[] {
  const byText = new Map<string, readonly Hit[]>();
  return (sentence) => {
    // Most sentences hold no date word: they are told by the gate alone, without hashing their text for the memo.
    const text = sentence.text;
    if (!DATE_WORD.test(text)) return NO_MENTIONS;
    let hits = byText.get(text);
    if (hits === undefined) byText.set(text, (hits = scanDated(text, chronoParser)));
    return hits.length === 0 ? NO_MENTIONS : mentionsFrom(hits, sentence);
  };
}
