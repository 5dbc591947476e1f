/**
 * Speech and its time. A date spoken inside a quotation ("“We will know more on Monday,” she said") or in a
 * transcript's turn counts from when the words were spoken, not from when the page was published: the day the
 * attribution gives ("she said on Tuesday"), the page's own date when it gives none in the past tense ("she
 * said"), and no known day when the attribution is in the present ("she says", a feature's undated interview).
 * "Today" in speech that reports nothing done ("I'm not going to speculate today") is only the time of speaking.
 */
import type { Paragraph, Sentence, Token } from '../corpus/types.js';
import { findQuoteSpans, type QuoteSpan } from '../quotes/marks.js';
import { SPEECH_VERBS } from '../quotes/lexicon.js';
import type { Mention } from './20-mentions.js';
import type { Tense } from './30-tense.js';

/** A date that counts from the moment of speaking: a weekday, "today", "yesterday", "next week", "three days ago". */
export function isDeictic(m: Mention): boolean {
  const v = m.value;
  if (v.kind === 'weekday') return true;
  if (v.kind === 'offset') return v.from === 'reference' && (v.unit === 'day' || v.unit === 'week');
  return v.kind === 'period' && v.unit === 'week';
}

/** "today", "tonight", "this morning": the day of speaking itself. */
export function isToday(m: Mention): boolean {
  const v = m.value;
  return v.kind === 'offset' && v.from === 'reference' && v.unit === 'day' && v.amount === 0;
}

/** The quotation spans of body paragraph `i` (the next paragraph read too, for a quote running on into it). */
export function paragraphSpans(body: readonly Paragraph[], i: number): readonly QuoteSpan[] {
  const p = body[i] as Paragraph;
  if (!/[“”"]/.test(p.text)) return [];
  let chain = 0;
  return findQuoteSpans(body.slice(i, i + 2), () => chain++)[0] ?? [];
}

export function spanHolding(spans: readonly QuoteSpan[], start: number, end: number): QuoteSpan | null {
  for (const q of spans) if (q.start <= start && end <= q.end) return q;
  return null;
}

const inside = (spans: readonly QuoteSpan[], t: { start: number; end: number }) =>
  spanHolding(spans, t.start, t.end) !== null;

/** The speech verb outside the quotations nearest the span, and its sentence. */
export function attributionOf(
  p: Paragraph,
  spans: readonly QuoteSpan[],
  span: QuoteSpan,
): { verb: Token; at: number; sentence: Sentence } | null {
  let best: { verb: Token; at: number; sentence: Sentence } | null = null;
  let bestDistance = Infinity;
  for (const s of p.sentences) {
    if (s.end < span.open - 400 || s.start > span.close + 400) continue;
    for (let k = 0; k < s.tokens.length; k++) {
      const t = s.tokens[k] as Token;
      if ((t.pos !== 'VERB' && t.pos !== 'AUX') || !SPEECH_VERBS.has(t.lemma.toLowerCase())) continue;
      if (inside(spans, t)) continue;
      const distance = t.start >= span.close ? t.start - span.close : Math.max(0, span.open - t.end);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = { verb: t, at: k, sentence: s };
      }
    }
  }
  return best;
}

/** "says", "recalls": a verb in the present tense, third person. */
export function isPresentVerb(t: Token): boolean {
  return t.normal !== t.lemma.toLowerCase() && t.normal.endsWith('s') && !t.normal.endsWith('ss');
}

/** True when the clause is negated before the date: "I'm not going to speculate … today". */
export function negatedBefore(s: Sentence, at: number): boolean {
  for (const t of s.tokens) {
    if (t.start >= at) return false;
    if (t.normal === 'not' || t.normal === "n't" || t.normal === 'n’t' || t.normal === 'never') return true;
  }
  return false;
}

/** "Today" in speech is an event only when the speaker reports something done or to be done that day. */
export function todayIsOnlySpeaking(s: Sentence, m: Mention, tense: Tense): boolean {
  if (tense !== 'past' && tense !== 'future') return true;
  return negatedBefore(s, m.start);
}

/**
 * The mention that dates a saying: after its verb, with no verb or quotation between and at most eight words
 * ("said on Tuesday", "told supporters at a rally in Lindau on Monday night"). `before` bounds the search.
 */
export function dateOfVerb(
  s: Sentence,
  verbAt: number,
  mentions: readonly Mention[],
  spans: readonly QuoteSpan[],
  before = Infinity,
): Mention | null {
  const tokens = s.tokens;
  let words = 0;
  for (let k = verbAt + 1; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.start >= before) return null;
    const d = mentions.find((m) => m.start <= t.start && t.start < m.end);
    if (d !== undefined) return d.end <= before ? d : null;
    if (t.pos === 'VERB' || t.pos === 'AUX' || inside(spans, t) || /^[“”"]$/.test(t.text)) return null;
    if (t.pos !== 'PUNCT' && ++words > 8) return null;
  }
  return null;
}

/**
 * Reported speech dated by its verb: "said on Tuesday that the board would meet on Friday" — the weekday after
 * "that" counts from the day of saying. Returns the mention that dates the saying, or null.
 */
export function sayingDate(
  s: Sentence,
  m: Mention,
  mentions: readonly Mention[],
  spans: readonly QuoteSpan[],
): Mention | null {
  if (m.value.kind !== 'weekday') return null;
  const tokens = s.tokens;
  let verbAt = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.start >= m.start) break;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && SPEECH_VERBS.has(t.lemma.toLowerCase()) && !inside(spans, t))
      verbAt = k;
  }
  if (verbAt === -1) return null;
  const d = dateOfVerb(s, verbAt, mentions, spans, m.start);
  if (d === null || d === m) return null;
  // A "that" between the saying's date and the weekday opens what was said.
  for (let k = firstThat(tokens, d.end); k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.start >= m.start) return null;
    if (t.normal === 'that') return d;
  }
  return null;
}

function firstThat(tokens: readonly Token[], from: number): number {
  let k = 0;
  while (k < tokens.length && (tokens[k] as Token).start < from) k++;
  return k;
}
