/** Quotes and speakers as Views: every quote verbatim with its source title, kind and a link to its paragraph. */
import type { Citation, Corpus } from '../core/corpus/types.js';
import type { Quote, Speaker } from '../core/quotes/index.js';
import type { SpeakerCount } from '../core/quotes/resolve.js';
import { citationLabel, type View } from './view.js';

/** What kind of passage a quote comes from, as a reader would call it. */
export function passageLabel(corpus: Corpus, q: { documentId: string; comment: number | null }): string {
  if (q.comment !== null) return `reader comment #${q.comment}`;
  const kind = corpus.byId.get(q.documentId)?.meta.kind;
  return kind === 'opinion' ? 'opinion' : kind === 'statement' ? 'official statement' : 'news';
}

const QUOTE_KIND: Record<Quote['kind'], string> = {
  direct: 'direct quote',
  partial: 'partial quote',
  indirect: 'reported speech',
};

export function quoteSource(corpus: Corpus, q: Quote): string {
  const title = corpus.byId.get(q.documentId)?.meta.title ?? q.documentId;
  const cite = { documentId: q.documentId, paragraph: q.paragraph, comment: q.comment };
  return [title, passageLabel(corpus, q), QUOTE_KIND[q.kind], citationLabel(cite)].join(' · ');
}

/**
 * quoteSource for many quotes: a document's title and passage label are looked up once per document (and
 * comment) rather than once per quote. Gives the same strings.
 */
function quoteSources(corpus: Corpus): (q: Quote, cite: Citation) => string {
  const heads = new Map<string, string>();
  return (q, cite) => {
    const key = q.comment === null ? q.documentId : `${q.documentId}\u0000${q.comment}`;
    let head = heads.get(key);
    if (head === undefined) {
      const title = corpus.byId.get(q.documentId)?.meta.title ?? q.documentId;
      head = `${title} · ${passageLabel(corpus, q)} · `;
      heads.set(key, head);
    }
    return `${head}${QUOTE_KIND[q.kind]} · ${citationLabel(cite)}`;
  };
}

export interface QuotesViewInput {
  readonly speaker: Speaker;
  readonly quotes: readonly Quote[];
  readonly topic?: string;
  readonly sourceTitle?: string;
}

export function quotesView(corpus: Corpus, input: QuotesViewInput): View {
  const { speaker, quotes } = input;
  const sourceOf = quoteSources(corpus);
  const scope = [
    input.topic ? `on “${input.topic}”` : null,
    input.sourceTitle ? `in ${input.sourceTitle}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    title: `${speaker.name}${speaker.role ? ` (${speaker.role})` : ''}`,
    intro: `${quotes.length} quote${quotes.length === 1 ? '' : 's'}${scope ? ` ${scope}` : ''}${input.topic ? ', most relevant first' : ''}. Direct and partial quotes are word for word; reported speech is the article's wording.`,
    sections: [
      {
        title: '',
        items: quotes.map((q) => {
          const cite = { documentId: q.documentId, paragraph: q.paragraph, comment: q.comment };
          return {
            text: q.kind === 'indirect' ? q.text : `“${q.text}”`,
            cite,
            source: sourceOf(q, cite),
          };
        }),
      },
    ],
  };
}

export function speakersView(list: readonly SpeakerCount[], scope: string): View {
  return {
    title: `Who speaks in ${scope} (${list.length})`,
    intro: 'People and organisations quoted, most quoted first, with the role the text gives them.',
    sections: [
      {
        title: '',
        items: list.map(({ speaker, quotes, first, onlyInComments }) => ({
          heading: speaker.name,
          text: [
            speaker.role ?? (speaker.kind === 'organisation' ? 'organisation' : 'role not stated'),
            `${quotes} quote${quotes === 1 ? '' : 's'}`,
            ...(onlyInComments ? ['quoted only inside reader comments'] : []),
          ].join(' · '),
          ...(first
            ? {
                cite: { documentId: first.documentId, paragraph: first.paragraph, comment: first.comment },
                source: `first quoted: ${citationLabel({ documentId: first.documentId, paragraph: first.paragraph, comment: first.comment })}`,
              }
            : {}),
        })),
      },
    ],
  };
}
