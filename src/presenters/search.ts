/** Search hits as a View: the best passages first, each verbatim with its source; the Discord layer pages the items. */
import type { Citation, Corpus } from '../core/corpus/types.js';
import type { PointKind } from '../core/summary/types.js';
import { sourceLabel } from './summary.js';
import type { View } from './view.js';

export interface SearchResultItem {
  readonly text: string;
  readonly documentId: string;
  readonly paragraph: number;
  readonly comment: number | null;
  readonly kind: PointKind;
  readonly score: number;
  readonly cite: Citation;
}

export function searchView(corpus: Corpus, query: string, results: readonly SearchResultItem[]): View {
  return {
    title: `Search: ${query}`,
    intro: `${results.length} best passage${results.length === 1 ? '' : 's'}, best first.`,
    sections: [
      {
        title: '',
        items: results.map((r) => ({
          text: r.text,
          cite: r.cite,
          source: sourceLabel(corpus, r, r.cite),
        })),
      },
    ],
  };
}
