/** Summary points as a View: each point verbatim, cited, and labelled when it is opinion, a statement or a reader comment. */
import type { Citation, Corpus } from '../core/corpus/types.js';
import type { PointKind, SummaryPoint } from '../core/summary/types.js';
import { citationLabel, type View } from './view.js';

/** The label a point's source carries, so opinion and comments are never read as reported fact. */
export function pointLabel(kind: PointKind, comment: number | null): string | null {
  if (kind === 'comment') return `reader comment #${comment ?? '?'}`;
  if (kind === 'opinion') return 'opinion';
  if (kind === 'statement') return 'official statement';
  return null;
}

export function sourceLabel(
  corpus: Corpus,
  point: { documentId: string; paragraph: number; comment: number | null; kind: PointKind },
  cite: Citation = { documentId: point.documentId, paragraph: point.paragraph, comment: point.comment },
): string {
  const title = corpus.byId.get(point.documentId)?.meta.title ?? point.documentId;
  // A comment's citation names it already ("…, reader comment #6 ¶1"): its label would say it twice.
  const label =
    point.kind === 'comment' && cite.comment !== null ? null : pointLabel(point.kind, point.comment);
  return [title, label, citationLabel(cite)].filter(Boolean).join(' · ');
}

export interface SummaryViewInput {
  readonly points: readonly SummaryPoint[];
  /** What was summarised, in the bot's words: "the corpus", a source's title, a topic. */
  readonly scope: string;
}

export function summaryView(corpus: Corpus, input: SummaryViewInput): View {
  const opinions = input.points.filter((p) => p.kind !== 'news').length;
  return {
    title: `Summary of ${input.scope}`,
    intro: `${input.points.length} point${input.points.length === 1 ? '' : 's'}, each quoted word for word from its source.${
      opinions > 0
        ? ' Points labelled opinion, statement or reader comment are views, not reported fact.'
        : ''
    }`,
    sections: [
      {
        title: '',
        items: input.points.map((p) => ({
          text: p.text,
          cite: { documentId: p.documentId, paragraph: p.paragraph, comment: p.comment },
          // A quotation that names its speaker only as "he" or "she": who that is, as the quotes engine found.
          source:
            p.speaker !== null ? `${p.speaker}, quoted in ${sourceLabel(corpus, p)}` : sourceLabel(corpus, p),
        })),
      },
    ],
  };
}
