import { describe, expect, it } from 'vitest';
import { segment, type Segmenter } from '../../../src/core/nlp/segmenter.js';
import { buildPassageIndex } from '../../../src/core/search/index.js';
import { corpusOfTexts } from '../../helpers/corpus.js';
import { FLOOD_HINTS, FLOOD_TEXTS } from '../summary/fixtures.js';

/** The shared segmenter, with the texts it is asked to read recorded. */
function countingSegmenter(): { segment: Segmenter; read: string[] } {
  const read: string[] = [];
  return {
    read,
    segment: (text, offset) => {
      read.push(text);
      return segment(text, offset);
    },
  };
}

describe('GIVEN a passage index and a query the caller has segmented already', () => {
  const corpus = corpusOfTexts(FLOOD_TEXTS, FLOOD_HINTS);
  const counting = countingSegmenter();
  const index = buildPassageIndex(corpus, counting.segment);
  const query = 'council ignored the flood warnings';
  const tokens = segment(query, 0).flatMap((s) => s.tokens);

  it('WHEN searched with its tokens THEN the hits are those of the text alone, and the query is not read again', () => {
    const plain = index.search(query, { limit: 20 });
    counting.read.length = 0;
    const withTokens = index.search(query, { limit: 20, tokens });
    expect(withTokens).toEqual(plain);
    expect(counting.read).not.toContain(query);
  });

  it('WHEN two searches expand to the same name THEN the name is read once', () => {
    counting.read.length = 0;
    const first = index.search(query, { expand: ['Tomas Reyes'], tokens });
    const second = index.search(query, { expand: ['Tomas Reyes'], tokens });
    expect(second).toEqual(first);
    expect(counting.read.filter((t) => t === 'Tomas Reyes')).toHaveLength(1);
  });
});
