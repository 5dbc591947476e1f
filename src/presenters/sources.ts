import type { SourceSummary } from '../core/corpus/sources.js';
import type { View } from './view.js';

export function kindLabel(kind: string): string {
  return kind === 'opinion' ? 'opinion' : kind === 'statement' ? 'official statement' : 'news report';
}

export function sourcesView(sources: readonly SourceSummary[]): View {
  return {
    title: `Sources (${sources.length})`,
    sections: [
      {
        title: '',
        items: sources.map((s) => ({
          heading: s.title,
          text: [
            s.outlet ?? 'outlet not stated',
            s.author ? `by ${s.author}` : null,
            kindLabel(s.kind),
            s.published
              ? `${s.published}${s.publishedInferred ? ' (date inferred from the text)' : ''}`
              : 'date not stated',
            `${s.paragraphs} paragraphs`,
            s.comments > 0 ? `${s.comments} reader comments` : 'no reader comments',
          ]
            .filter(Boolean)
            .join(' · '),
          source: s.id,
        })),
      },
    ],
  };
}
