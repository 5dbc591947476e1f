/**
 * Quotes and speakers of a corpus, computed once at load from the tokens the corpus already has:
 * marks (pairing quotation marks) -> phrases (who a phrase names) -> attribute (speech verbs, pronouns, role nouns,
 * quote-only paragraphs, reported speech) -> nested (quotations inside quotations) -> catalog (one entity per person
 * or organisation).
 */
import type { Corpus, CorpusDocument, Paragraph, Token } from '../corpus/types.js';
import { isContentToken, termOf } from '../search/index.js';
import { attributeFlow, type Named, type RawQuote } from './attribute.js';
import { buildCatalog, speakerOf } from './catalog.js';
import { nestedQuotes } from './nested.js';
import { indexQuoteAnalysis } from './resolve.js';
import type { Quote, QuoteAnalysis } from './types.js';

export type { Quote, QuoteAnalysis, QuoteKind, Speaker } from './types.js';
export { findSpeaker, quotesBy, speakersIn, type SpeakerLookup } from './resolve.js';

export function analyzeQuotes(corpus: Corpus): QuoteAnalysis {
  let chain = 0;
  const nextChain = () => chain++;
  const raw: { doc: CorpusDocument; q: RawQuote }[] = [];
  const named: Named[] = [];
  for (const doc of corpus.documents) {
    const flows = [
      { paragraphs: doc.body, comment: null as number | null },
      ...doc.comments.map((c) => ({ paragraphs: c.paragraphs, comment: c.index })),
    ];
    for (const flow of flows) {
      const r = attributeFlow(flow.paragraphs, doc.meta.id, flow.comment, nextChain);
      for (const m of r.mentions) named.push(m);
      for (const q of r.quotes) {
        raw.push({ doc, q });
        if (q.speaker) named.push(q.speaker);
        if (q.kind !== 'direct') continue;
        for (const inner of nestedQuotes(q.paragraph, q, doc.meta.id, flow.comment)) {
          raw.push({ doc, q: inner.quote });
          named.push(inner.speaker);
        }
      }
    }
  }
  const flat = new Map<Paragraph, Token[]>();
  /** The paragraph's tokens inside [start, end): a binary search over its tokens, which are in text order. */
  const tokensWithin = (p: Paragraph, start: number, end: number): Token[] => {
    let all = flat.get(p);
    if (!all) {
      all = [];
      for (const s of p.sentences) for (const t of s.tokens) all.push(t);
      flat.set(p, all);
    }
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((all[mid] as Token).start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: Token[] = [];
    for (let k = lo; k < all.length && (all[k] as Token).start <= end; k++) {
      const t = all[k] as Token;
      if (t.end <= end) out.push(t);
    }
    return out;
  };
  const catalog = buildCatalog(named);
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
  // Document ids in localeCompare order (ids that compare equal share a rank): one comparison per id, not per pair.
  const docIds = [...new Set(quotes.map((q) => q.documentId))].sort((a, b) => a.localeCompare(b));
  const rank = new Map<string, number>();
  docIds.forEach((id, i) => {
    const prev = docIds[i - 1];
    rank.set(id, prev !== undefined && prev.localeCompare(id) === 0 ? (rank.get(prev) as number) : i);
  });
  quotes.sort(
    (a, b) =>
      (rank.get(a.documentId) as number) - (rank.get(b.documentId) as number) ||
      (a.comment ?? 0) - (b.comment ?? 0) ||
      a.start - b.start,
  );
  const speakers = catalog.entities
    .filter((e) => e.quotes > 0)
    .map(speakerOf)
    .sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
  const analysis: QuoteAnalysis = { speakers, quotes };
  // The look-ups /quote and /speakers use (by alias, by speaker, by document), built now rather than on a first call.
  indexQuoteAnalysis(analysis);
  return analysis;
}
