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

/** The days each event covers, once per event (an event's date never changes). */
const spans = new WeakMap<TimelineEvent, DateBound>();

/** The days an event's date covers ("2014" covers the year; "last week" its seven days). */
export function spanOf(e: TimelineEvent): DateBound {
  let span = spans.get(e);
  if (span === undefined) {
    const own = parseDateBound(e.date) as DateBound;
    const until = e.until ? parseDateBound(e.until) : null;
    span = until ? { first: own.first, last: until.last } : own;
    spans.set(e, span);
  }
  return span;
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

/**
 * What `selectEvents` reads, built once per list of events: each event's days as numbers, and which events hold
 * each term and cite each document, so a question touches only the events it can match.
 */
interface EventIndex {
  readonly size: number;
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly byTerm: ReadonlyMap<string, readonly number[]>;
  readonly byDocument: ReadonlyMap<string, readonly number[]>;
  /** Hit counts by event, all zero between questions. */
  readonly hits: Uint32Array;
}

const indexes = new WeakMap<readonly TimelineEvent[], EventIndex>();

function post(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/** The index of these events (built on first use; `analyzeTime` builds it for the corpus's events). */
export function indexEvents(events: readonly TimelineEvent[]): void {
  eventIndex(events);
}

function eventIndex(events: readonly TimelineEvent[]): EventIndex {
  const known = indexes.get(events);
  if (known && known.size === events.length) return known;
  const first = new Int32Array(events.length);
  const last = new Int32Array(events.length);
  const byTerm = new Map<string, number[]>();
  const byDocument = new Map<string, number[]>();
  events.forEach((e, i) => {
    const span = spanOf(e);
    first[i] = span.first;
    last[i] = span.last;
    for (const t of e.terms) post(byTerm, t, i);
    for (const s of e.sources) post(byDocument, s.documentId, i);
  });
  const index = {
    size: events.length,
    first,
    last,
    byTerm,
    byDocument,
    hits: new Uint32Array(events.length),
  };
  indexes.set(events, index);
  return index;
}

/** Events holding at least `need` of the terms (counted with repeats, as asked), in list order. */
function withTerms(index: EventIndex, terms: readonly string[], need: number): number[] {
  const touched: number[] = [];
  const hits = index.hits;
  for (const t of terms) {
    for (const i of index.byTerm.get(t) ?? []) {
      if (hits[i] === 0) touched.push(i);
      hits[i] = (hits[i] as number) + 1;
    }
  }
  const out: number[] = [];
  for (const i of touched) {
    if ((hits[i] as number) >= need) out.push(i);
    hits[i] = 0;
  }
  return out.sort((a, b) => a - b);
}

/** Ascending indices in both lists. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

export function selectEvents(events: readonly TimelineEvent[], q: EventQuery): TimelineEvent[] {
  const index = eventIndex(events);
  const need = q.terms && q.terms.length > 0 ? Math.ceil(q.terms.length / 2) : 0;
  let ids: readonly number[] | null = null;
  if (q.documentId) ids = index.byDocument.get(q.documentId) ?? [];
  if (need > 0) {
    const matching = withTerms(index, q.terms as readonly string[], need);
    ids = ids ? intersect(ids, matching) : matching;
  }
  const from = q.from ? q.from.first : -Infinity;
  const to = q.to ? q.to.last : Infinity;
  const out: TimelineEvent[] = [];
  const keep = (i: number) => {
    const e = events[i] as TimelineEvent;
    if (!q.background && e.background) return;
    if (!q.comments && e.comment !== null) return;
    if ((index.last[i] as number) < from || (index.first[i] as number) > to) return;
    out.push(e);
  };
  if (ids) for (const i of ids) keep(i);
  else for (let i = 0; i < events.length; i++) keep(i);
  return out;
}

const labels = new WeakMap<object, string>();

/** A date as people read it: "Thu 6 Jan 2022", "January 2022", "2014", "10–16 Jan 2022". */
export function dateLabel(e: Pick<TimelineEvent, 'date' | 'precision' | 'until'>): string {
  let label = labels.get(e);
  if (label === undefined) labels.set(e, (label = labelOf(e)));
  return label;
}

function labelOf(e: Pick<TimelineEvent, 'date' | 'precision' | 'until'>): string {
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
