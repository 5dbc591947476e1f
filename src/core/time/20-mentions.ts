/**
 * Stage 2 — finding date expressions in a sentence. chrono-node finds month/day/weekday/relative expressions;
 * its reading is turned into a `MentionValue` that says what the text fixes and what is left to resolve.
 * Own parsers add what chrono misses: bare years ("in 2014", "since 2012") and anchors ("the following day").
 */
import * as chrono from 'chrono-node';
import type { Sentence, Token } from '../corpus/types.js';
import { MONTHS, WEEKDAYS } from './calendar.js';

export type Unit = 'day' | 'week' | 'month' | 'year';
export type Modifier = 'last' | 'next' | 'this' | null;

export type MentionValue =
  | { readonly kind: 'full'; readonly year: number; readonly month: number; readonly day: number }
  | { readonly kind: 'monthYear'; readonly year: number; readonly month: number }
  | { readonly kind: 'year'; readonly year: number }
  | {
      readonly kind: 'monthDay';
      readonly month: number;
      readonly day: number;
      readonly weekday: number | null;
    }
  | { readonly kind: 'month'; readonly month: number; readonly modifier: Modifier }
  | { readonly kind: 'weekday'; readonly weekday: number; readonly modifier: Modifier }
  /** A shift from the reference date ("yesterday", "three days ago") or from the paragraph's last date ("the following day"). */
  | {
      readonly kind: 'offset';
      readonly unit: Unit;
      readonly amount: number;
      readonly from: 'reference' | 'anchor';
    }
  /** A calendar period around the reference date: "last week", "this month", "next year". */
  | { readonly kind: 'period'; readonly unit: 'week' | 'month' | 'year'; readonly shift: -1 | 0 | 1 };

export interface Mention {
  /** Offsets in the document (like token offsets). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly value: MentionValue;
}

/** Cheap gate before chrono: most sentences hold no date word at all. */
const DATE_WORD =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|yesterday|tomorrow|tonight|day|days|week|weeks|month|months|year|years|ago|earlier|later)\b|\d/i;

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
const CASUAL: Record<string, number> = {
  today: 0,
  tonight: 0,
  yesterday: -1,
  tomorrow: 1,
  'last night': -1,
  'this morning': 0,
};

/** Reads one chrono result; null when it is no calendar date we can use (a time, "now", a duration). */
function fromChrono(r: chrono.ParsedResult, sentence: Sentence, base: number): MentionValue | null {
  const text = r.text.replace(/^(?:on|in|at|by|since)\s+/i, '').replace(/[,\s]+$/, '');
  const lower = text.toLowerCase();
  const after = sentence.text.slice(r.index + r.text.length, r.index + r.text.length + 2);
  if (lower in CASUAL) {
    if (/^['’]s/.test(after)) return null; // "today's world" is no date
    return { kind: 'offset', unit: 'day', amount: CASUAL[lower] as number, from: 'reference' };
  }
  const rel = RELATIVE.exec(lower);
  if (rel) {
    const shift = rel[1] === 'last' ? -1 : rel[1] === 'this' ? 0 : 1;
    return { kind: 'period', unit: rel[2] as 'week' | 'month' | 'year', shift };
  }
  const sh = SHIFT.exec(lower);
  if (sh) {
    const n = amountOf(sh[1] as string);
    if (n === null) return null;
    const back = sh[3] === 'ago' || sh[3] === 'earlier' || sh[3] === 'before';
    return {
      kind: 'offset',
      unit: sh[2] as Unit,
      amount: back ? -n : n,
      from: sh[3] === 'ago' ? 'reference' : 'anchor',
    };
  }
  const c = r.start;
  const hasYear = /\b(?:1[6-9]|20)\d\d\b|['’]\d\d\b/.test(text) && c.isCertain('year');
  const month = c.isCertain('month') ? (c.get('month') as number) : null;
  const day = c.isCertain('day') ? (c.get('day') as number) : null;
  const weekday = c.isCertain('weekday') ? (c.get('weekday') as number) : null;
  const hasMonthName = MONTHS.some((m) => lower.includes(m.slice(0, 3)));
  const hasWeekdayName = WEEKDAYS.some((w) => lower.includes(w));
  if (hasYear && month !== null && day !== null)
    return { kind: 'full', year: c.get('year') as number, month, day };
  if (hasYear && month !== null) return { kind: 'monthYear', year: c.get('year') as number, month };
  if (month !== null && day !== null && (hasMonthName || /\d+\/\d+/.test(text))) {
    return { kind: 'monthDay', month, day, weekday: hasWeekdayName ? weekday : null };
  }
  if (month !== null && hasMonthName) {
    // "May" the modal verb and "march" the verb are no months.
    const token = tokenAt(sentence, base + r.index + r.text.indexOf(text));
    if (token && token.pos !== 'PROPN' && token.pos !== 'NOUN') return null;
    return { kind: 'month', month, modifier: modifierBefore(sentence.text, r.index + r.text.indexOf(text)) };
  }
  if (weekday !== null && hasWeekdayName && month === null) {
    const m = /^(last|next|this)\s+/.exec(lower);
    return {
      kind: 'weekday',
      weekday,
      modifier: (m?.[1] as Modifier) ?? modifierBefore(sentence.text, r.index),
    };
  }
  return null;
}

function modifierBefore(text: string, index: number): Modifier {
  const m = /\b(last|next|this|coming)\s+$/i.exec(text.slice(Math.max(0, index - 8), index));
  if (!m) return null;
  const w = (m[1] as string).toLowerCase();
  return w === 'coming' ? 'next' : (w as Modifier);
}

function tokenAt(sentence: Sentence, offset: number): Token | undefined {
  return sentence.tokens.find((t) => t.start <= offset && offset < t.end);
}

const ANCHORS: readonly [RegExp, number][] = [
  [/\bthe\s+(?:following|next)\s+day\b/gi, 1],
  [/\bthe\s+day\s+after\b(?!\s+(?:the|a|his|her|its|their)\b)/gi, 1],
  [/\bthe\s+(?:previous|preceding)\s+day\b/gi, -1],
  [/\bthe\s+day\s+before\b(?!\s+(?:the|a|his|her|its|their)\b)/gi, -1],
];

const BARE_YEAR = /(?<![\d,.$€£/-])\b(1[6-9]\d\d|20\d\d)\b(?!\d|,\d|s\b|['’]s\b|\s*(?:%|percent))/g;

/** Every date expression of a sentence, in text order, overlapping ones dropped. */
export function findMentions(sentence: Sentence, chronoParser: chrono.Chrono = chrono.casual): Mention[] {
  const text = sentence.text;
  if (!DATE_WORD.test(text)) return [];
  const base = sentence.start;
  const out: Mention[] = [];
  const taken = (s: number, e: number) => out.some((m) => s < m.end && m.start < e);
  const add = (start: number, end: number, value: MentionValue) => {
    if (!taken(start, end))
      out.push({ start, end, text: sentence.text.slice(start - base, end - base), value });
  };
  for (const [re, amount] of ANCHORS) {
    for (const m of text.matchAll(re))
      add(base + m.index, base + m.index + m[0].length, {
        kind: 'offset',
        unit: 'day',
        amount,
        from: 'anchor',
      });
  }
  // A fixed reference keeps chrono from reading the clock; every value that depends on it is recomputed later.
  for (const r of chronoParser.parse(text, { instant: FIXED, timezone: 0 })) {
    const value = fromChrono(r, sentence, base);
    // chrono keeps a trailing comma ("August,"); the mention ends at the date itself.
    if (value) add(base + r.index, base + r.index + r.text.replace(/[,\s]+$/, '').length, value);
  }
  for (const m of text.matchAll(BARE_YEAR)) {
    const start = base + m.index;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const next = sentence.tokens.find((t) => t.start >= end && t.type !== 'punctuation');
    // "2000 soldiers" is a number of things, not a year.
    if (next && next.pos === 'NOUN' && next.normal !== next.lemma && next.start - end <= 1) continue;
    add(start, end, { kind: 'year', year: Number(m[1]) });
  }
  return out.sort((a, b) => a.start - b.start);
}

const FIXED = new Date(Date.UTC(2000, 0, 1, 12));
