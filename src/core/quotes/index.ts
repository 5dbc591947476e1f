/**
 * Quotes and speakers of a corpus, computed once at load from the tokens the corpus already has:
 * marks (pairing quotation marks) -> phrases (who a phrase names) -> attribute (speech verbs, pronouns, role nouns,
 * quote-only paragraphs, reported speech) -> nested (quotations inside quotations) -> catalog (one entity per person
 * or organisation).
 */
import type { Corpus, CorpusDocument, Paragraph, Token } from '../corpus/types.js';
import { turnLabel } from '../corpus/turns.js';
import { isContentToken, termOf } from '../search/index.js';
import { attributeFlow, type Named, type RawQuote } from './attribute.js';
import { buildCatalog, speakerOf, type Catalog } from './catalog.js';
import { nestedQuotes } from './nested.js';
import { HONORIFICS } from './lexicon.js';
import { indexQuoteAnalysis } from './resolve.js';
import type { Quote, QuoteAnalysis } from './types.js';

export type { Quote, QuoteAnalysis, QuoteKind, Speaker } from './types.js';
export { findSpeaker, quotesBy, speakersIn, type SpeakerLookup } from './resolve.js';

export function analyzeQuotes(corpus: Corpus): QuoteAnalysis {
  // Each stage is a function of its own: V8 then optimizes each one's loops once, rather than recompiling one long
  // function (with all it inlines) each time a later loop gets hot or meets a new kind of value.
  const { raw, named } = readFlows(corpus);
  const catalog = buildCatalog(named);
  const quotes = sortedQuotes(quotesOf(raw, catalog));
  const speakers = catalog.entities
    .filter((e) => e.quotes > 0)
    .map(speakerOf)
    .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
  const analysis: QuoteAnalysis = { speakers, quotes };
  // The look-ups /quote and /speakers use (by alias, by speaker, by document), built now rather than on a first call.
  indexQuoteAnalysis(analysis);
  return analysis;
}

interface Found {
  readonly doc: CorpusDocument;
  readonly q: RawQuote;
}

/** Every flow's quotations (nested ones included) and every name met, in reading order. */
function readFlows(corpus: Corpus): { raw: Found[]; named: Named[] } {
  let chain = 0;
  const nextChain = () => chain++;
  const raw: Found[] = [];
  const named: Named[] = [];
  const readFlow = (doc: CorpusDocument, paragraphs: readonly Paragraph[], comment: number | null): void => {
    const r = attributeFlow(paragraphs, doc.meta.id, comment, nextChain);
    for (const m of r.mentions) named.push(m);
    if (comment === null)
      for (const q of transcriptTurns(paragraphs, r.mentions, doc.meta.author)) raw.push({ doc, q });
    for (const q of r.quotes) {
      raw.push({ doc, q });
      if (q.speaker) named.push(q.speaker);
      if (q.kind !== 'direct') continue;
      for (const inner of nestedQuotes(q.paragraph, q, doc.meta.id, comment)) {
        raw.push({ doc, q: inner.quote });
        named.push(inner.speaker);
      }
    }
  };
  for (const doc of corpus.documents) {
    readFlow(doc, doc.body, null);
    for (const c of doc.comments) readFlow(doc, c.paragraphs, c.index);
  }
  return { raw, named };
}

/**
 * The paragraph's tokens inside [start, end). Its tokens are in text order: sentences that end before `start`
 * are skipped whole, and the walk stops at the first token starting after `end`.
 */
const LABEL_HONORIFIC = new RegExp(`^(?:${HONORIFICS})\\.?\\s+`, 'i');

/** Labels of those who ask, not of a speaker whose words are quoted. */
const ASKERS = new Set([
  'REPORTER',
  'REPORTERS',
  'QUESTION',
  'ANSWER',
  'MODERATOR',
  'INTERVIEWER',
  'HOST',
  'AUDIENCE',
  'Q',
]);

/** A question or answer marked without a label's colon ("Q. Mr. Lund, …", "A. Yes.", "Q) …"). */
const OTHER_TURN = /^[QA]\s*[.):\-–—]\s/;

/** Labels of an interview's answers: the words of the person it interviews ("Q: … A: …"). */
const ANSWERS = new Set(['A', 'ANSWER']);

/**
 * The turns of a transcript (at least three labelled paragraphs) as direct quotes, each by the person of the
 * document whose surname or full name the label is ("KIM" -> Rachel Kim, named in the introduction); a label
 * naming nobody the text introduces, or someone asking, gives no quote.
 */
function transcriptTurns(
  paragraphs: readonly Paragraph[],
  mentions: readonly Named[],
  author: string | null,
): RawQuote[] {
  const turns = paragraphs.flatMap((p, i) => {
    const label = turnLabel(p.text);
    return label ? [{ p, i, label }] : [];
  });
  if (turns.length < 3) return [];
  // A label names someone the text introduces elsewhere: the label's own words ("Participants: Graham Whitlock,
  // …") introduce no one. Turns are in text order: a binary search finds the label a mention may lie in.
  const inLabel = (at: number): boolean => {
    let lo = 0;
    let hi = turns.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((turns[mid] as (typeof turns)[number]).p.start <= at) lo = mid + 1;
      else hi = mid;
    }
    const t = turns[lo - 1];
    return t !== undefined && at < t.p.start + t.label.length;
  };
  const byLabel = new Map<string, Named>();
  for (const m of mentions) {
    // A label's own single word names no one ("Participants", "Claim"); a full name in a label does introduce
    // its speaker ("ATTORNEY GENERAL DENISE MARCHBANKS: …" when the text names her nowhere else).
    if (m.org || (inLabel(m.at) && !/\s/.test(m.name))) continue;
    const upper = m.name.toUpperCase();
    if (!byLabel.has(upper)) byLabel.set(upper, m);
    const surname = upper.split(/\s+/).pop() as string;
    if (!byLabel.has(surname)) byLabel.set(surname, m);
  }
  // Who asks: a label whose turns are mostly questions (the interviewer), whatever their name.
  const asked = new Map<string, number>();
  const spoke = new Map<string, number>();
  // "MR. HALVORSEN", "DR. OKAFOR": the label's honorific is not part of the name.
  const whoOf = (label: string) => label.toUpperCase().replace(LABEL_HONORIFIC, '');
  for (const { p, label } of turns) {
    const who = whoOf(label.label);
    spoke.set(who, (spoke.get(who) ?? 0) + 1);
    if (/\?["”’]?\s*$/.test(p.text)) asked.set(who, (asked.get(who) ?? 0) + 1);
  }
  // "Q: … A: …": the answers are by the person the introduction presents, the first one named before the first
  // question with a title or a role ("Tom Reed, the council's planning chief, sat down with us"), not the
  // byline's author; found once, and only when the document has answers.
  let answerer: Named | null | undefined;
  const answererOf = (): Named | null => {
    if (answerer !== undefined) return answerer;
    answerer = null;
    const first = (turns[0] as (typeof turns)[number]).p.start;
    for (const m of mentions) {
      if (m.at >= first) break;
      if (!m.org && m.name !== author && (m.title !== null || m.role !== null)) {
        answerer = m;
        break;
      }
    }
    return answerer;
  };
  const out: RawQuote[] = [];
  turns.forEach(({ p, i, label }, k) => {
    const who = whoOf(label.label);
    if (ASKERS.has(who) || (asked.get(who) ?? 0) * 2 > (spoke.get(who) ?? 0)) return;
    const speaker = ANSWERS.has(who) ? answererOf() : (byLabel.get(who) ?? namedIn(who, byLabel));
    if (!speaker) return;
    const words = p.text.slice(label.length).trimEnd();
    if (words.split(/\s+/).length >= 2) {
      const start = p.start + label.length;
      out.push({ speaker, start, end: start + words.length, kind: 'direct', paragraph: p });
    }
    // A turn goes on over the unlabelled paragraphs up to the next label ("…\n\nFor at least eight weeks, …"),
    // not past the last one (a closing note is the transcript's, not the last speaker's); a bracketed stage
    // direction ("(Laughter)", "[CROSSTALK]") is nobody's, and a question or answer marked otherwise ("Q. …",
    // "A. …") ends the turn.
    const next = turns[k + 1];
    if (next === undefined) return;
    // Questions and answers marked "Q. …" / "A. …" between labelled turns: an answer is by the person the question
    // before it names ("Q. Mr. Halvorsen, the board says …"), or by the one the last named question asked.
    let answerer: Named | null = null;
    let marked = false;
    for (let j = i + 1; j < next.i; j++) {
      const c = paragraphs[j] as Paragraph;
      const text = c.text.trimEnd();
      const mark = OTHER_TURN.exec(text);
      if (mark) {
        marked = true;
        if (text[0] === 'Q') {
          const named = ADDRESSED.exec(text.slice(mark[0].length))?.[1];
          if (named !== undefined) answerer = byLabel.get(named.toUpperCase()) ?? null;
        } else if (answerer !== null && text.length - mark[0].length > 3) {
          const start = c.start + mark[0].length;
          out.push({ speaker: answerer, start, end: c.start + text.length, kind: 'direct', paragraph: c });
        }
        continue;
      }
      if (marked || /^[([]/.test(text) || text.split(/\s+/).length < 2) continue;
      out.push({ speaker, start: c.start, end: c.start + text.length, kind: 'direct', paragraph: c });
    }
  });
  return out;
}

/** The person a question opens on ("Mr. Halvorsen, the board says …", "Dr. Solberg, will …"): their surname. */
const ADDRESSED = new RegExp(
  `^(?:(?:${HONORIFICS.split('|')
    .map((h) => `${h[0]?.toUpperCase() ?? ''}${h.slice(1)}`)
    .join('|')})\\.?\\s+)?(\\p{Lu}[\\p{L}'’-]+),`,
  'u',
);

/** The person a label names after its title words ("DEPUTY ATTORNEY GENERAL SAM OKWUOSA" -> "SAM OKWUOSA"): its longest known ending. */
function namedIn(label: string, byLabel: ReadonlyMap<string, Named>): Named | undefined {
  const words = label.split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    const found = byLabel.get(words.slice(i).join(' '));
    if (found) return found;
  }
  return undefined;
}

function tokensWithin(p: Paragraph, start: number, end: number): Token[] {
  const out: Token[] = [];
  for (const s of p.sentences) {
    const tokens = s.tokens;
    const last = tokens[tokens.length - 1];
    if (last === undefined || last.start < start) continue;
    for (const t of tokens) {
      if (t.start < start) continue;
      if (t.start > end) return out;
      if (t.end <= end) out.push(t);
    }
  }
  return out;
}

/** The quotes, each place once (a nested quote may be found twice), with their speakers' entities counted. */
function quotesOf(raw: readonly Found[], catalog: Catalog): Quote[] {
  const seen = new Set<string>();
  const ids = new Map<string, string>();
  const idOf = (name: string): string => {
    let id = ids.get(name);
    if (id === undefined) {
      id = name.toLowerCase().replace(/\s+/g, '-');
      ids.set(name, id);
    }
    return id;
  };
  const quotes: Quote[] = [];
  for (const { doc, q } of raw) {
    const key = `${doc.meta.id}:${q.start}:${q.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entity = q.speaker ? catalog.entityOf(q.speaker) : null;
    if (entity) entity.quotes++;
    const tokens = tokensWithin(q.paragraph, q.start, q.end);
    quotes.push({
      speaker: entity?.name ?? null,
      speakerId: entity ? idOf(entity.name) : null,
      text: doc.text.slice(q.start, q.end),
      kind: q.kind,
      documentId: doc.meta.id,
      paragraph: q.paragraph.index,
      comment: q.paragraph.comment,
      start: q.start,
      end: q.end,
      terms: tokens.filter(isContentToken).map(termOf),
    });
  }
  return quotes;
}

/** Quotes by document (localeCompare order of ids), comment and start. */
function sortedQuotes(quotes: readonly Quote[]): Quote[] {
  // Document ids in localeCompare order (ids that compare equal share a rank): one comparison per id, not per pair.
  const docIds = [...new Set(quotes.map((q) => q.documentId))].sort((a, b) => a.localeCompare(b));
  const rank = new Map<string, number>();
  docIds.forEach((id, i) => {
    const prev = docIds[i - 1];
    rank.set(id, prev !== undefined && prev.localeCompare(id) === 0 ? (rank.get(prev) as number) : i);
  });
  // The keys are read once per quote, then an index sort (stable, like sorting the quotes themselves, so the
  // order is the same).
  const docRank = new Int32Array(quotes.length);
  const commentOf = new Float64Array(quotes.length);
  const startOf = new Float64Array(quotes.length);
  quotes.forEach((q, k) => {
    docRank[k] = rank.get(q.documentId) as number;
    commentOf[k] = q.comment ?? 0;
    startOf[k] = q.start;
  });
  const order = quotes.map((_, k) => k);
  order.sort(
    (a, b) =>
      (docRank[a] as number) - (docRank[b] as number) ||
      (commentOf[a] as number) - (commentOf[b] as number) ||
      (startOf[a] as number) - (startOf[b] as number),
  );
  return order.map((k) => quotes[k] as Quote);
}
