/** The whole analysis as one JSON object: the contract of `analyze --json`. Keep these names stable. */
import type { Analysis } from './analysis.js';
import type { Quote } from './quotes/index.js';
import type { TimelineEvent } from './time/index.js';

export function exportAnalysis(analysis: Analysis) {
  return {
    documents: analysis.corpus.documents.map((d) => ({
      id: d.meta.id,
      title: d.meta.title,
      kind: d.meta.kind,
      outlet: d.meta.outlet,
      author: d.meta.author,
      published: d.meta.published,
      publishedInferred: d.meta.publishedInferred,
      paragraphs: d.body.length,
      captions: d.captions.length,
      comments: d.comments.map((c) => ({
        index: c.index,
        author: c.author,
        replyTo: c.replyTo,
        replyToComment: c.replyToComment,
        paragraphs: c.paragraphs.length,
      })),
    })),
    speakers: analysis.quotes.speakers.map((s) => ({
      name: s.name,
      aliases: s.aliases,
      role: s.role,
      kind: s.kind,
      quotes: s.quotes,
    })),
    quotes: analysis.quotes.quotes.map(quoteJson),
    events: analysis.time.events.map((e) => ({ ...eventJson(e), background: e.background })),
  };
}

/** A quote as the JSON contracts (`analyze --json`, `/quote --json`) give it. */
export function quoteJson(q: Quote) {
  return {
    speaker: q.speaker,
    text: q.text,
    kind: q.kind,
    documentId: q.documentId,
    paragraph: q.paragraph,
    comment: q.comment,
  };
}

/** An event as the JSON contracts (`analyze --json`, `/timeline --json`) give it. */
export function eventJson(e: TimelineEvent) {
  return {
    date: e.date,
    precision: e.precision,
    ...(e.until ? { until: e.until } : {}),
    text: e.text,
    documentId: e.documentId,
    paragraph: e.paragraph,
    sources: e.sources,
  };
}
