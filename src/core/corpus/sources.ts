import type { Corpus, DocumentKind } from './types.js';
import { closestNames } from '../text/closest.js';

export interface SourceSummary {
  readonly id: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly author: string | null;
  readonly kind: DocumentKind;
  readonly published: string | null;
  readonly publishedInferred: boolean;
  readonly paragraphs: number;
  readonly comments: number;
}

export function listSources(corpus: Corpus): SourceSummary[] {
  return corpus.documents.map((d) => ({
    id: d.meta.id,
    title: d.meta.title,
    outlet: d.meta.outlet,
    author: d.meta.author,
    kind: d.meta.kind,
    published: d.meta.published,
    publishedInferred: d.meta.publishedInferred,
    paragraphs: d.body.length,
    comments: d.comments.length,
  }));
}

/**
 * A source named by a member: its id, a unique id prefix, its outlet, or words of its title.
 * Returns the document id; or, when several match, their ids (`ambiguous`); or, when none does, the closest names.
 */
export function resolveSource(
  corpus: Corpus,
  name: string,
): { ok: true; id: string } | { ok: false; ambiguous: boolean; suggestions: string[] } {
  const q = name.trim().toLowerCase();
  const docs = corpus.documents;
  const exact = docs.find((d) => d.meta.id.toLowerCase() === q || d.meta.file.toLowerCase() === q);
  if (exact) return { ok: true, id: exact.meta.id };
  const matches = docs.filter(
    (d) =>
      d.meta.id.toLowerCase().startsWith(q) ||
      (d.meta.outlet ?? '').toLowerCase() === q ||
      d.meta.title.toLowerCase().includes(q),
  );
  if (matches.length === 1) return { ok: true, id: (matches[0] as (typeof docs)[number]).meta.id };
  const names = docs.flatMap((d) => [d.meta.id, d.meta.title, ...(d.meta.outlet ? [d.meta.outlet] : [])]);
  return {
    ok: false,
    ambiguous: matches.length > 1,
    suggestions: matches.length > 1 ? matches.map((d) => d.meta.id) : closestNames(name, names, 5),
  };
}

/** Autocomplete choices for a source option: documents whose id starts with, or title or outlet contains, what was typed. */
export function sourceChoices(corpus: Corpus, typed: string, limit = 25): { name: string; value: string }[] {
  const q = typed.trim().toLowerCase();
  return corpus.documents
    .filter(
      (d) =>
        !q ||
        d.meta.id.toLowerCase().startsWith(q) ||
        d.meta.title.toLowerCase().includes(q) ||
        (d.meta.outlet ?? '').toLowerCase().includes(q),
    )
    .slice(0, limit)
    .map((d) => ({ name: d.meta.title.slice(0, 100), value: d.meta.id }));
}
