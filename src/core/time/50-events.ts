/**
 * Stage 5 — events: each sentence that reports something at a resolved date, one candidate per distinct date.
 * Dates that only set the scene ("since 2002", "from 1989 to 2019", "20 years ago", a holiday "celebrated … on
 * January 7") are kept, marked background. Within a sentence an explicit date beats a relative one
 * ("Five days earlier, on January 2"); "the following day" counts from the paragraph's previous date.
 */
import type { CorpusDocument, Paragraph, Sentence, Token } from '../corpus/types.js';
import { isContentToken, termOf } from '../search/index.js';
import { MONTHS, WEEKDAYS } from './calendar.js';
import { OCCASION, type Mention } from './20-mentions.js';
import {
  bodyDatelineEnd,
  commentReference,
  postDates,
  type MentionsOf,
  type Reference,
} from './10-reference.js';
import { governingVerb } from './30-tense.js';
import { firstStartingFrom } from './tokens.js';
import { resolveMention, type Resolved, type ResolveContext } from './40-resolve.js';
import type { EventSource, SourceKind } from './types.js';
import type { QuoteSpan } from '../quotes/marks.js';
import { turnLabel } from '../corpus/turns.js';
import {
  attributionOf,
  dateOfVerb,
  isDeictic,
  isPresentVerb,
  isToday,
  paragraphSpans,
  sayingDate,
  spanHolding,
  todayIsOnlySpeaking,
} from './speech.js';

export interface Candidate {
  readonly resolved: Resolved;
  readonly background: boolean;
  readonly source: EventSource;
  readonly terms: readonly string[];
}

const DATE_TERMS = new Set<string>([
  ...WEEKDAYS,
  ...MONTHS,
  ...MONTHS.map((m) => m.slice(0, 3)),
  'day',
  'week',
  'month',
  'year',
  'today',
  'yesterday',
  'tomorrow',
  'earlier',
  'later',
  'following',
  'ago',
]);

export function eventTerms(s: Sentence): string[] {
  return termsOfTokens(s.tokens, -Infinity, Infinity);
}

/** `eventTerms` of the tokens within [start, end). */
function termsOfTokens(tokens: readonly Token[], start: number, end: number): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.start < start || t.end > end) continue;
    if (t.type === 'number' || !isContentToken(t)) continue;
    const term = termOf(t);
    if (DATE_TERMS.has(term) || (term.endsWith('.') && DATE_TERMS.has(term.slice(0, -1)))) continue;
    if (!out.includes(term)) out.push(term);
  }
  return out;
}

const CALENDAR_VERBS = new Set(['celebrate', 'observe', 'commemorate', 'fall']);
const ORIGIN_WORDS = /\b(?:founded|established|created|formed|born|independence)\b[^.;]{0,40}$/i;

/** True when the date only sets the scene for the sentence rather than dating what it reports. */
function isBackground(s: Sentence, m: Mention, verb: Token | null): boolean {
  const before = s.text.slice(0, m.start - s.start);
  const after = s.text.slice(m.end - s.start);
  const sinceAt = before.search(/\bsince\b(?!.*\bsince\b)/i);
  if (sinceAt !== -1) {
    let verbBetween = false;
    for (let i = firstStartingFrom(s.tokens, s.start + sinceAt + 5); i < s.tokens.length; i++) {
      const t = s.tokens[i] as Token;
      if (t.end > m.start) break;
      if (t.pos === 'VERB' || t.pos === 'AUX') {
        verbBetween = true;
        break;
      }
    }
    if (!verbBetween) return true;
  }
  if (
    /^\s*(?:to|until|through|-|–|and)\s*(?:\d|[A-Z][a-z]+\.? \d)/.test(after) &&
    /\b(?:from|between)\s+$/i.test(before)
  )
    return true;
  if (
    /(?:\b(?:to|until|through|and)|-|–)\s*$/.test(before) &&
    /\b(?:from|between)\s+(?:\S+\s+){0,2}\S*\s*(?:to|until|through|and|-|–)\s*$/i.test(before)
  )
    return true;
  if (m.value.kind === 'offset' && m.value.unit === 'year' && Math.abs(m.value.amount) >= 2) return true;
  if (verb && CALENDAR_VERBS.has(verb.lemma.toLowerCase())) return true;
  if (ORIGIN_WORDS.test(before)) return true;
  // "the Electoral Count Act of 1887": a year inside a name.
  if (/\b[A-Z][a-z]+\s+of\s+$/.test(before) && m.value.kind === 'year') return true;
  // A year naming something ("the 1965 Voting Rights Act") dates the name, not what the sentence reports.
  if (m.value.kind === 'year') {
    const next = s.tokens[firstStartingFrom(s.tokens, m.end)];
    if (next && next.start - m.end <= 1 && next.pos === 'PROPN' && /^[A-Z]/.test(next.text)) return true;
  }
  return false;
}

/** "the Jan. 6 insurrection", "the December jobs report": a date used as a name, whose year the text does not give. */
function isNameModifier(s: Sentence, m: Mention): boolean {
  if (m.value.kind !== 'monthDay' && m.value.kind !== 'month' && m.value.kind !== 'holiday') return false;
  const next = s.tokens[firstStartingFrom(s.tokens, m.end)];
  return (
    next !== undefined &&
    next.start - m.end <= 1 &&
    (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')
  );
}

const EXPLICIT = new Set(['full', 'monthYear', 'monthDay']);

/**
 * A participle the tagger read as an adjective after a form of "be" ("was pencilled in for August"), or "due", which
 * sets a date the same way ("The petition is due Dec. 8.").
 */
function isPassiveParticiple(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (t.pos !== 'ADJ' || !(t.normal.endsWith('ed') || t.normal === 'due')) return false;
  const before = tokens[k - 1];
  return before !== undefined && before.pos === 'AUX' && before.lemma.toLowerCase() === 'be';
}

/** True when a verb of the sentence lies outside every mention. */
function hasVerbOutside(s: Sentence, mentions: readonly Mention[]): boolean {
  for (let k = 0; k < s.tokens.length; k++) {
    const t = s.tokens[k] as Token;
    if (t.pos !== 'VERB' && !isPassiveParticiple(s.tokens, k)) continue;
    let inside = false;
    for (const m of mentions) {
      if (t.start < m.end && m.start < t.end) {
        inside = true;
        break;
      }
    }
    if (!inside) return true;
  }
  return false;
}

/**
 * How strongly a token separates two clauses: a semicolon, then a conjunction after a comma, then a bare "and" or
 * "but". A comma alone is no break: it as often closes a relative clause ("Tokayev, who came to power in 2019,
 * said on Friday …") and cutting there would part a subject from its verb.
 */
function clauseBreak(tokens: readonly Token[], k: number): number {
  const t = tokens[k] as Token;
  if (t.text === ';') return 3;
  const conjunction = t.pos === 'CCONJ' || t.pos === 'SCONJ';
  if (conjunction && tokens[k - 1]?.text === ',') return 2;
  if (conjunction && (t.normal === 'and' || t.normal === 'but')) return 1;
  return 0;
}

/**
 * For a sentence reporting events at several dates ("Protests began on January 2, and troops arrived on
 * January 6"), the verbatim clause around each date: the sentence is cut between consecutive dates at the
 * strongest clause break between them that a verb follows (the break and a conjunction right after it left out).
 * Where no break separates two dates, both keep the text up to the breaks around them.
 */
/** A verbatim clause of a sentence and its document offsets. */
export interface Clause {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export function clausesAround(s: Sentence, dates: readonly Mention[]): Clause[] {
  const tokens = s.tokens;
  const order = dates.map((m, i) => ({ m, i })).sort((a, b) => a.m.start - b.m.start);
  // cut[j]: the document offsets where clause j ends and clause j + 1 starts (between dates j and j + 1 in order).
  const cuts: ({ end: number; start: number } | null)[] = [];
  for (let j = 0; j + 1 < order.length; j++) {
    const a = (order[j] as { m: Mention }).m.end;
    const b = (order[j + 1] as { m: Mention }).m.start;
    let best = -1;
    let strength = 0;
    // A break counts only when a verb follows it before the next date: "on Thursday and Friday" is one clause.
    let verbAfter = false;
    for (let k = tokens.length - 1; k >= 0; k--) {
      const t = tokens[k] as Token;
      if (t.start >= b) continue;
      if (t.end <= a) break;
      const here = clauseBreak(tokens, k);
      if (here > 0 && verbAfter && here >= strength) {
        strength = here;
        best = k;
      }
      if (t.pos === 'VERB' || t.pos === 'AUX') verbAfter = true;
    }
    if (best === -1) {
      cuts.push(null);
      continue;
    }
    let next = best + 1;
    // A conjunction right after the break belongs to neither clause ("…, and troops …").
    while (next < tokens.length && /^(?:CCONJ|SCONJ)$/.test((tokens[next] as Token).pos)) next++;
    cuts.push({
      end: (tokens[best] as Token).start,
      start: (tokens[next] as Token | undefined)?.start ?? s.end,
    });
  }
  const clauses = new Array<Clause>(dates.length);
  order.forEach(({ i }, j) => {
    // Dates with no break between them share a clause: it runs to the nearest cut on each side.
    let from = s.start;
    for (let q = j - 1; q >= 0; q--) {
      const cut = cuts[q];
      if (cut) {
        from = cut.start;
        break;
      }
    }
    let to = s.end;
    for (let q = j; q < cuts.length; q++) {
      const cut = cuts[q];
      if (cut) {
        to = cut.end;
        break;
      }
    }
    const text = s.text.slice(from - s.start, to - s.start).replace(/[\s,;]+$/u, '');
    clauses[i] =
      text.length > 0
        ? { text, start: from, end: from + text.length }
        : { text: s.text, start: s.start, end: s.end };
  });
  return clauses;
}

/**
 * A weekday owning a noun ("Tuesday's ruling"): a present tense around it does not make it a schedule ("If the
 * council treats Tuesday's ruling as a victory lap"), so the nearest such day is read; a future one still does
 * ("will meet before Monday's deadline").
 */
function ownsNoun(s: Sentence, m: Mention): boolean {
  return m.value.kind === 'weekday' && /^['’]s\b/.test(s.text.slice(m.end - s.start));
}

/** A date owning a noun naming what took place ("last week's vote", "yesterday's decision"): see OCCASION. */
function ownsOccasion(s: Sentence, m: Mention): boolean {
  return OCCASION.test(s.text.slice(m.end - s.start));
}

/** Whether the mention is what something is set for: "for Thursday", "for March 5", "for next week". */
function targetedBy(s: Sentence, m: Mention): boolean {
  let before: Token | undefined;
  for (const t of s.tokens) {
    if (t.start >= m.start) break;
    before = t;
  }
  return before?.normal === 'for';
}

/** "Take the 312 pence on offer today …": a sentence opening on a verb's base form tells the reader what to do. */
function isImperative(s: Sentence): boolean {
  const first = s.tokens.find((t) => t.pos !== 'PUNCT');
  return first !== undefined && first.pos === 'VERB' && first.normal === first.lemma.toLowerCase();
}

/** Modals of advice: "residents should sign the petition and let the voters decide in November" recommends. */
const ADVICE = new Set(['should', 'ought']);

/**
 * True when the date belongs to a verb in its base form ("decide", "vote") after a modal of advice earlier in the
 * sentence: what should happen, not what did. A participle ("events occurring after the December visit") or a
 * finite verb reports something even in a sentence that gives advice.
 */
function isAdvice(s: Sentence, verb: Token | null): boolean {
  if (verb === null || verb.normal !== verb.lemma.toLowerCase()) return false;
  for (const t of s.tokens) {
    if (t.start >= verb.start) return false;
    if (ADVICE.has(t.normal)) return true;
  }
  return false;
}

/** What may precede an entry's date stamp: "Update, March 7 —", "Updated: March 6 —". */
const STAMP_HEAD = /^(?:(?:update[d]?|posted|edited|correction)[,:]?\s+)?/i;
/** What may follow it before the dash: a time of day ("March 6, 2:15 p.m. —", "March 6 at 9:14 EST —"). */
const STAMP_TAIL =
  /^,?\s*(?:(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)?(?:\s+[A-Z]{2,4})?)?\s*[—–-]\s/i;

/**
 * A live blog's entry that opens with its own date stamp ("Update, March 7 — The labor board said on Friday …"):
 * the stamp is when the entry was written, not an event, and the entry's relative dates count from it rather
 * than from the page's date. Returns the stamp's end and the entry's reference, or null.
 */
function entryStamp(
  p: Paragraph,
  ref: Reference,
  mentionsOf: MentionsOf,
): { end: number; ref: Reference } | null {
  const first = p.sentences[0];
  if (!first || ref.date === null) return null;
  const head = STAMP_HEAD.exec(p.text);
  const m = mentionsOf(first)[0];
  if (!m || m.start !== p.start + (head?.[0].length ?? 0)) return null;
  if (m.value.kind !== 'full' && m.value.kind !== 'monthDay') return null;
  const tail = STAMP_TAIL.exec(p.text.slice(m.end - p.start));
  if (!tail) return null;
  // A stamp is read nearest the page's date, whichever side: a blog runs on after the date its page shows.
  const day = resolveMention(m, {
    reference: ref.date,
    dayLevel: true,
    anchor: null,
    tense: 'modal',
    caption: false,
  });
  if (!day || day.precision !== 'day') return null;
  return { end: m.end, ref: { ...ref, date: day.first, dayLevel: true } };
}

/**
 * What is spoken in a document's body paragraph: its quotations and whether it is a transcript's turn, both read
 * only when a deictic date needs them (most paragraphs have none).
 */
class Speech {
  private quoted: readonly QuoteSpan[] | null = null;
  constructor(
    private readonly doc: TranscriptOf,
    private readonly index: number,
  ) {}
  get p(): Paragraph {
    return this.doc.body[this.index] as Paragraph;
  }
  spans(): readonly QuoteSpan[] {
    return (this.quoted ??= this.index < 0 ? [] : paragraphSpans(this.doc.body, this.index));
  }
  get turn(): boolean {
    return this.index >= 0 && this.doc.transcript() && labelled(this.p);
  }
  /** The paragraph before, for a quotation running on from it. */
  get previous(): Speech | null {
    return this.index > 0 ? this.doc.speech(this.index - 1) : null;
  }
}

/** Whether a speaker's label opens the paragraph ("KIM: …"); its colon comes within the first 80 characters. */
function labelled(p: Paragraph): boolean {
  const colon = p.text.indexOf(':');
  return colon > 0 && colon < 80 && turnLabel(p.text) !== null;
}

/** A document's body, whether it is a transcript (three labelled turns or more), and its paragraphs' speech. */
class TranscriptOf {
  private turns: boolean | null = null;
  private readonly made = new Map<number, Speech>();
  constructor(readonly body: readonly Paragraph[]) {}
  transcript(): boolean {
    if (this.turns === null) {
      let n = 0;
      for (const p of this.body) if (labelled(p) && ++n >= 3) break;
      this.turns = n >= 3;
    }
    return this.turns;
  }
  speech(i: number): Speech {
    let sp = this.made.get(i);
    if (sp === undefined) this.made.set(i, (sp = new Speech(this, i)));
    return sp;
  }
}

const NO_SPEECH = new Speech(new TranscriptOf([]), -1);

/** The day a dated attribution gives ("she said on Tuesday", "told reporters on Wednesday"), or null. */
function dayOfSaying(
  said: { readonly at: number; readonly sentence: Sentence },
  spans: readonly QuoteSpan[],
  ref: Reference,
  mentionsOf: MentionsOf,
): number | null {
  const d = dateOfVerb(said.sentence, said.at, mentionsOf(said.sentence), spans);
  return d === null ? null : pastDayOf(d, ref);
}

/** The single day a date of saying names, read as past from the page's reference ("on Tuesday"), or null. */
function pastDayOf(d: Mention, ref: Reference): number | null {
  const r = resolveMention(d, {
    reference: ref.date,
    dayLevel: ref.dayLevel,
    anchor: null,
    tense: 'past',
    caption: false,
  });
  return r !== null && r.precision === 'day' && r.until === undefined ? r.first : null;
}

/**
 * The reference a deictic date in speech counts from (see speech.ts): the page's, the day of a dated saying, or
 * null when the date is no event (only the time of speaking) or when the day of speaking is unknown.
 */
function speakingReference(
  p: Paragraph,
  s: Sentence,
  m: Mention,
  found: readonly Mention[],
  tense: ResolveContext['tense'],
  ref: Reference,
  speech: Speech,
  mentionsOf: MentionsOf,
): Reference | null {
  const spans = speech.spans();
  const span = spanHolding(spans, m.start, m.end);
  if ((span !== null || speech.turn) && isToday(m) && todayIsOnlySpeaking(s, m, tense)) return null;
  if (span === null) {
    const d = speech.turn ? null : sayingDate(s, m, found, spans);
    const day = d === null ? null : pastDayOf(d, ref);
    return day === null ? ref : { ...ref, date: day, dayLevel: true };
  }
  if (speech.turn) return ref;
  // A quote running over paragraphs is attributed in its first: "…," she says. "… on Monday …"
  let said = attributionOf(p, spans, span);
  if (said === null && span === spans[0] && speech.previous !== null) {
    const before = speech.previous.spans();
    const last = before[before.length - 1];
    if (last !== undefined && last.runsOn) said = attributionOf(speech.previous.p, before, last);
  }
  if (said === null) return ref;
  const day = dayOfSaying(said, spans, ref, mentionsOf);
  if (day !== null) return { ...ref, date: day, dayLevel: true };
  return isPresentVerb(said.verb) ? null : ref;
}

function paragraphCandidates(
  p: Paragraph,
  pageRef: Reference,
  mentionsOf: MentionsOf,
  kind: SourceKind,
  out: Candidate[],
  pageDatelineEnd = -1,
  carried: Carried = NOTHING_CARRIED,
  body: TranscriptOf | null = null,
  index = -1,
): Carried {
  const stamp = p.role === 'body' ? entryStamp(p, pageRef, mentionsOf) : null;
  const ref = stamp?.ref ?? pageRef;
  // A stamped entry that gives no date of its own ("March 18 – Halvorsen pledges no plant closures.", a timeline
  // box's line) happened on its stamp; one that does ("Update, March 7 — … on Friday") was written then.
  const ownDate =
    stamp !== null &&
    p.sentences.some((s) =>
      mentionsOf(s).some(
        (m) =>
          m.start >= stamp.end &&
          resolveMention(m, {
            reference: ref.date,
            dayLevel: true,
            anchor: null,
            tense: 'unknown',
            caption: false,
          }) !== null,
      ),
    );
  const datelineEnd = stamp !== null && ownDate ? stamp.end : pageDatelineEnd;
  const caption = p.role === 'caption';
  // In an opinion piece or a reader comment, a date after "should" is the writer's advice, not an event.
  const views = kind === 'opinion' || kind === 'comment';
  // The last date of the paragraph before, for a paragraph that goes on counting from it ("The ruling came the
  // following day."); a live blog's entry starts afresh from its own stamp.
  let anchor: ResolveContext['anchor'] = stamp === null ? carried.anchor : null;
  let recent: ResolveContext['anchor'] = stamp === null ? carried.recent : null;
  for (const s of p.sentences) {
    const found = mentionsOf(s);
    if (found.length === 0) continue;
    // The date of a wire dateline ("RIVERTON, Ohio, May 16 (Reuters) -") is when the story was filed, not an event.
    let mentions = found.filter((m) => m.end > datelineEnd && !isNameModifier(s, m));
    if (mentions.length === 0) continue;
    if (mentions.some((m) => EXPLICIT.has(m.value.kind))) {
      mentions = mentions.filter((m) => !(m.value.kind === 'offset' && m.value.from === 'anchor'));
    }
    // Something must happen outside the date itself: a date line ("01/09/2022 07:00 AM EST") reports nothing; a
    // date owning what took place does even with only a copula ("Last week's vote by the board was unanimous").
    const reports = hasVerbOutside(s, mentions) || mentions.some((m) => ownsOccasion(s, m));
    const seen = new Set<string>();
    let terms: readonly string[] | null = null;
    let nextAnchor: ResolveContext['anchor'] = anchor;
    let nextRecent: ResolveContext['anchor'] = recent;
    // The sentence's events and the mention each came from: with several, each gets the clause around its date.
    const firstOfSentence = out.length;
    const dates: Mention[] = [];
    const imperative = views && isImperative(s);
    for (const m of mentions) {
      const governing = governingVerb(s, m.start, m.end);
      if (views && (imperative || isAdvice(s, governing.verb))) continue;
      // "has scheduled a hearing … for Thursday": a date something is set for lies on either side of the
      // page's date whatever the tense of the setting, so the nearest is read.
      const tense =
        targetedBy(s, m) || (governing.tense === 'present' && ownsNoun(s, m)) ? 'modal' : governing.tense;
      const spoken = isDeictic(m)
        ? speakingReference(
            p,
            s,
            m,
            found,
            tense,
            ref,
            body === null ? NO_SPEECH : body.speech(index),
            mentionsOf,
          )
        : ref;
      if (spoken === null) continue;
      const resolved = resolveMention(m, {
        reference: spoken.date,
        dayLevel: spoken.dayLevel,
        anchor,
        recent,
        tense,
        caption,
      });
      if (!resolved) continue;
      const background = isBackground(s, m, governing.verb);
      nextRecent = { first: resolved.first, precision: resolved.precision };
      if (!background)
        nextAnchor =
          resolved.last === undefined
            ? { first: resolved.first, precision: resolved.precision }
            : { first: resolved.first, precision: resolved.precision, last: resolved.last };
      const key = `${resolved.date}|${resolved.until ?? ''}`;
      if (!reports || seen.has(key)) continue;
      seen.add(key);
      out.push({
        resolved,
        background,
        source: {
          documentId: p.documentId,
          paragraph: p.index,
          comment: p.comment,
          ...(caption ? { role: 'caption' as const } : {}),
          text: s.text,
          kind,
        },
        terms: (terms ??= eventTerms(s)),
      });
      dates.push(m);
    }
    if (dates.length > 1) {
      const clauses = clausesAround(s, dates);
      for (let k = 0; k < dates.length; k++) {
        const c = out[firstOfSentence + k] as Candidate;
        const clause = clauses[k] as Clause;
        if (clause.start === s.start && clause.end === s.end) continue;
        // The clause's own words: what a topic filter and merging across sources compare.
        out[firstOfSentence + k] = {
          ...c,
          source: { ...c.source, text: clause.text },
          terms: termsOfTokens(s.tokens, clause.start, clause.end),
        };
      }
    }
    anchor = nextAnchor;
    recent = nextRecent;
  }
  return { anchor, recent };
}

/** What a paragraph hands the next one: its last date that dates an event (the anchor), and its last date at all. */
interface Carried {
  readonly anchor: ResolveContext['anchor'];
  readonly recent: ResolveContext['anchor'];
}
const NOTHING_CARRIED: Carried = { anchor: null, recent: null };

/** Every dated candidate of a document: body, photo captions and reader comments (marked by their number). */
export function documentCandidates(doc: CorpusDocument, ref: Reference, mentionsOf: MentionsOf): Candidate[] {
  const out: Candidate[] = [];
  const datelineEnd = bodyDatelineEnd(doc);
  let carried = NOTHING_CARRIED;
  // A transcript (three labelled turns or more) is speech throughout, spoken on the page's date.
  const body = new TranscriptOf(doc.body);
  // A post in a thread is read against its own date line, not the page's ("yesterday" in a post of March 9).
  const posts = postDates(doc);
  let post = -1;
  doc.body.forEach((p, i) => {
    while (post + 1 < posts.length && (posts[post + 1] as { at: number }).at < p.start) post++;
    const own: Reference =
      post >= 0 ? { date: (posts[post] as { day: number }).day, basis: 'dateline', dayLevel: true } : ref;
    carried = paragraphCandidates(p, own, mentionsOf, doc.meta.kind, out, datelineEnd, carried, body, i);
  });
  for (const p of doc.captions) paragraphCandidates(p, ref, mentionsOf, doc.meta.kind, out);
  // A comment's header ("Jane Doe says:" over "March 8, 2025 at 10:12 am") lies between it and what comes before.
  let from = doc.body[doc.body.length - 1]?.end ?? 0;
  for (const c of doc.comments) {
    const header = doc.other.filter((p) => p.start >= from && p.end <= c.start);
    const cref = commentReference(c, ref, mentionsOf, header);
    for (const p of c.paragraphs) paragraphCandidates(p, cref, mentionsOf, 'comment', out);
    from = c.end;
  }
  return out;
}
