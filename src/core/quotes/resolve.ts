/** Resolvers over the quote analysis: a speaker named by a member, their quotes, who speaks in a source. */
import { closestNames } from '../text/closest.js';
import type { Quote, QuoteAnalysis, Speaker } from './types.js';

export type SpeakerLookup =
  { ok: true; speaker: Speaker } | { ok: false; code: 'UNKNOWN_SPEAKER'; suggestions: string[] };

interface Index {
  readonly byAlias: Map<string, Speaker[]>;
  readonly byWord: Map<string, Speaker[]>;
  /** Each speaker's quotes, in corpus order. */
  readonly quotesOf: Map<string, Quote[]>;
  /** Each document's quotes with a speaker, in corpus order. */
  readonly spokenIn: Map<string, Quote[]>;
  /** Speakers by id, and their position in `speakers` (most quoted first). */
  readonly speakerById: Map<string, { speaker: Speaker; rank: number }[]>;
  readonly names: string[];
  /** speakersIn over the whole corpus. */
  everyone: SpeakerCount[];
}

const indexes = new WeakMap<QuoteAnalysis, Index>();
const norm = (s: string) => s.trim().toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ');
const add = <T>(m: Map<string, T[]>, k: string, v: T) => {
  const list = m.get(k) ?? [];
  if (!list.includes(v)) list.push(v);
  m.set(k, list);
};

function indexOf(qa: QuoteAnalysis): Index {
  let ix = indexes.get(qa);
  if (ix) return ix;
  const byAlias = new Map<string, Speaker[]>();
  const byWord = new Map<string, Speaker[]>();
  for (const s of qa.speakers) {
    for (const a of [s.name, ...s.aliases]) {
      add(byAlias, norm(a), s);
      if (!a.startsWith('the ')) for (const w of norm(a).split(' ')) if (w.length > 2) add(byWord, w, s);
    }
  }
  // One pass over the quotes, in corpus order (a quote listed twice counts once, as a list look-up would have it).
  const quotesOf = new Map<string, Quote[]>();
  const spokenIn = new Map<string, Quote[]>();
  const met = new Set<Quote>();
  const push = (m: Map<string, Quote[]>, k: string, q: Quote) => {
    const list = m.get(k);
    if (list) list.push(q);
    else m.set(k, [q]);
  };
  for (const q of qa.quotes)
    if (q.speakerId && !met.has(q)) {
      met.add(q);
      push(quotesOf, q.speakerId, q);
    }
  for (const q of qa.quotes) if (q.speakerId) push(spokenIn, q.documentId, q);
  const speakerById = new Map<string, { speaker: Speaker; rank: number }[]>();
  qa.speakers.forEach((speaker, rank) => {
    const list = speakerById.get(speaker.id);
    if (list) list.push({ speaker, rank });
    else speakerById.set(speaker.id, [{ speaker, rank }]);
  });
  ix = {
    byAlias,
    byWord,
    quotesOf,
    spokenIn,
    speakerById,
    names: qa.speakers.map((s) => s.name),
    everyone: [],
  };
  ix.everyone = countSpeakers(ix, qa.quotes);
  indexes.set(qa, ix);
  return ix;
}

/** Builds the look-up indexes now (at analysis time) rather than on the first command. */
export function indexQuoteAnalysis(qa: QuoteAnalysis): void {
  indexOf(qa);
}

const quoteAnalysisOf = (a: QuoteAnalysis | { quotes: QuoteAnalysis }): QuoteAnalysis =>
  'speakers' in a ? a : a.quotes;

/** A speaker by any alias, case-insensitive; a unique name word also works ("antony"). */
export function findSpeaker(
  analysis: QuoteAnalysis | { quotes: QuoteAnalysis },
  name: string,
): SpeakerLookup {
  const qa = quoteAnalysisOf(analysis);
  const ix = indexOf(qa);
  const q = norm(name).replace(/^(the|mr\.?|mrs\.?|ms\.?|dr\.?)\s+/, '');
  const rank = (list: Speaker[]) => [...list].sort((a, b) => b.quotes - a.quotes);
  const exact = ix.byAlias.get(norm(name)) ?? ix.byAlias.get(q);
  if (exact && exact.length > 0) return { ok: true, speaker: rank(exact)[0] as Speaker };
  const words = q.split(' ').filter((w) => w.length > 2);
  if (words.length > 0) {
    let hits: Speaker[] | null = null;
    for (const w of words) {
      const list = ix.byWord.get(w) ?? [];
      hits = hits === null ? list : hits.filter((s) => list.includes(s));
    }
    if (hits && hits.length === 1) return { ok: true, speaker: hits[0] as Speaker };
  }
  return { ok: false, code: 'UNKNOWN_SPEAKER', suggestions: closestNames(name, ix.names, 5) };
}

export interface QuotesByOptions {
  /** Rank by relevance to these terms (already lemmatised, e.g. by PassageIndex.termsOf). */
  readonly terms?: readonly string[];
  /** Keep only quotes from this document. */
  readonly documentId?: string;
}

/** A speaker's quotes: in corpus order, or most relevant first when terms are given (ties keep corpus order). */
export function quotesBy(
  analysis: QuoteAnalysis | { quotes: QuoteAnalysis },
  speaker: Speaker,
  options: QuotesByOptions = {},
): Quote[] {
  const qa = quoteAnalysisOf(analysis);
  let list = indexOf(qa).quotesOf.get(speaker.id) ?? [];
  if (options.documentId) list = list.filter((q) => q.documentId === options.documentId);
  const terms = options.terms ?? [];
  if (terms.length === 0) return [...list];
  const wanted = new Set(terms);
  const seen = new Set<string>();
  // Quotes without any wanted term score 0 and keep corpus order after the others: only the rest are sorted.
  const scored: { q: Quote; i: number; score: number }[] = [];
  const rest: Quote[] = [];
  list.forEach((q, i) => {
    // Terms of the quote that were asked for: every occurrence (hits) and distinct ones (covered).
    let hits = 0;
    seen.clear();
    for (const t of q.terms)
      if (wanted.has(t)) {
        hits++;
        seen.add(t);
      }
    if (hits === 0) rest.push(q);
    else scored.push({ q, i, score: seen.size * 10 + hits / Math.max(1, Math.sqrt(q.terms.length)) });
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  const out = scored.map((s) => s.q);
  for (const q of rest) out.push(q);
  return out;
}

export interface SpeakerCount {
  readonly speaker: Speaker;
  readonly quotes: number;
  /** The speaker's first quote in scope, so the listing can cite where they speak. */
  readonly first: Quote | null;
  /** True when every quote in scope comes from reader comments (not the articles). */
  readonly onlyInComments: boolean;
}

/** Who speaks (in one document, or the whole corpus), most quoted first. */
export function speakersIn(
  analysis: QuoteAnalysis | { quotes: QuoteAnalysis },
  documentId?: string,
): SpeakerCount[] {
  const qa = quoteAnalysisOf(analysis);
  const ix = indexOf(qa);
  if (!documentId) return [...ix.everyone];
  return countSpeakers(ix, ix.spokenIn.get(documentId) ?? []);
}

/** Speakers of `quotes` (quotes in corpus order) with their counts, in the listing's order. */
function countSpeakers(ix: Index, quotes: readonly Quote[]): SpeakerCount[] {
  const counts = new Map<string, { n: number; first: Quote; article: boolean }>();
  for (const q of quotes) {
    if (!q.speakerId) continue;
    const c = counts.get(q.speakerId);
    if (c) {
      c.n++;
      c.article ||= q.comment === null;
    } else counts.set(q.speakerId, { n: 1, first: q, article: q.comment === null });
  }
  const found: { count: SpeakerCount; rank: number }[] = [];
  for (const [id, c] of counts)
    for (const s of ix.speakerById.get(id) ?? [])
      found.push({
        count: { speaker: s.speaker, quotes: c.n, first: c.first, onlyInComments: !c.article },
        rank: s.rank,
      });
  return (
    found
      // Speakers of the articles first; those quoted only inside reader comments after them; then as the
      // speaker list orders them.
      .sort(
        (a, b) =>
          Number(a.count.onlyInComments) - Number(b.count.onlyInComments) ||
          b.count.quotes - a.count.quotes ||
          a.count.speaker.name.localeCompare(b.count.speaker.name) ||
          a.rank - b.rank,
      )
      .map((f) => f.count)
  );
}
