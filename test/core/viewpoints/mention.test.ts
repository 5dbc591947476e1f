import { describe, expect, it } from 'vitest';
import { analyzeCorpus, type Analysis } from '../../../src/core/analysis.js';
import { findCounterpoints, findViewpoints, viewpointSources } from '../../../src/core/viewpoints/index.js';
import { corpusOfTexts } from '../../helpers/corpus.js';

// A made-up thread: one reader makes a claim, two others quote it back (repeated word for word, or in quotation
// marks) and answer it.
const REPORT = `Ferry fares to rise in spring

PORTVILLE (Coast Wire) — The harbour board said on Monday that ferry fares would rise by a tenth in April.

The board's chair said the rise would pay for two new boats.

3 Comments

  1. The rise is clearly modest. Nobody will notice a few pence.

  2. @Sam

    The rise is clearly modest.

    That is the board's own figure. Season tickets go up far more.

  3. "The ferry will stay cheap." Only for tourists.`;

let fixture: Analysis | undefined;
const sources = () => {
  fixture ??= analyzeCorpus(
    corpusOfTexts({ report: REPORT }, { report: { kind: 'news', outlet: 'Coast Wire' } }),
  );
  return viewpointSources(fixture, fixture.claims);
};

describe('GIVEN reader comments that quote a claim back to answer it', () => {
  it('WHEN the claims are read THEN the repeated sentence and the quoted one are mentions, not the first use', () => {
    const mentions = sources()
      .claims.claims.filter((c) => c.mention === true)
      .map((c) => [c.comment, c.text]);
    expect(mentions).toEqual([
      [2, 'The rise is clearly modest.'],
      [3, '"The ferry will stay cheap."'],
    ]);
  });

  it('WHEN the claim is countered THEN the answer after the quotation is the counterpoint, not the quotation', () => {
    const result = findCounterpoints(sources(), 'The rise is clearly modest');
    // The reply's further sentence argues with the claim too: the comment answers the first one.
    expect(result.counterpoints.map((c) => [c.claim.holder, c.claim.text])).toEqual([
      ['reader comment #2', "That is the board's own figure."],
      ['reader comment #2', 'Season tickets go up far more.'],
    ]);
  });

  it('WHEN the viewpoints are asked THEN the quoter stands against the claim with its answer, not with its quotation', () => {
    const result = findViewpoints(sources(), 'The rise is clearly modest');
    const quoter = result.positions.flatMap((p) =>
      p.items.filter((i) => i.claim.holder === 'reader comment #2').map((i) => [p.side, i.claim.text]),
    );
    expect(quoter).toEqual([
      [-1, "That is the board's own figure."],
      [-1, 'Season tickets go up far more.'],
    ]);
  });
});
