import { describe, expect, it } from 'vitest';
import { sourceLabel } from '../../src/presenters/summary.js';
import { corpusOfTexts } from '../helpers/corpus.js';
import type { Claim, ViewpointsResult } from '../../src/core/viewpoints/index.js';
import { viewpointsView } from '../../src/presenters/viewpoints.js';

describe('GIVEN a summary point from a reader comment', () => {
  const corpus = corpusOfTexts({ a: 'Council approves the arena\n\nThe council voted on Tuesday.' });
  it('THEN its source line names the comment once, through its citation', () => {
    const label = sourceLabel(corpus, { documentId: 'a', paragraph: 1, comment: 6, kind: 'comment' });
    expect(label).toBe('Council approves the arena · a, reader comment #6 ¶1');
  });
  it('THEN an opinion point is still labelled before its citation', () => {
    const label = sourceLabel(corpus, { documentId: 'a', paragraph: 2, comment: null, kind: 'opinion' });
    expect(label).toBe('Council approves the arena · opinion · a ¶2');
  });
});

describe('GIVEN viewpoints with a reader comment among the claims', () => {
  const claim = (comment: number | null, kind: string, holder: string) =>
    ({
      text: 'They will never leave.',
      documentId: 'a',
      paragraph: 1,
      comment,
      kind,
      holder,
    }) as unknown as Claim;
  it('THEN the comment item cites it once ("a, reader comment #3 ¶1"), an article item carries its kind', () => {
    const view = viewpointsView({
      topic: 'Will the troops leave?',
      positions: [
        {
          label: 'never leave',
          items: [
            { claim: claim(3, 'reader comment', 'reader comment #3') },
            { claim: claim(null, 'opinion', 'Gregory Hale') },
          ],
        },
      ],
    } as unknown as ViewpointsResult);
    expect(view.sections[0]?.items.map((i) => i.source)).toEqual([
      'a, reader comment #3 ¶1',
      'opinion · a ¶1',
    ]);
  });
});
