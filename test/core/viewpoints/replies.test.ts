import { describe, expect, it } from 'vitest';
import { analyzeCorpus, type Analysis } from '../../../src/core/analysis.js';
import { findCounterpoints, viewpointSources } from '../../../src/core/viewpoints/index.js';
import { corpusOfTexts } from '../../helpers/corpus.js';
import { FERRY_THREAD } from '../../helpers/ferry-thread.js';

// A made-up thread: one reader states a view, one answers it without naming its words, one assents.
const REPORT = `Island ferry fares to rise in April

By Lee Hart, Coast Herald

March 3, 2025

The ferry company said on Monday that fares on the island routes would rise by a tenth in April.

The company said fuel had doubled in price since the last rise.

${FERRY_THREAD}`;

let fixture: Analysis | undefined;
const sources = () => {
  fixture ??= analyzeCorpus(
    corpusOfTexts({ report: REPORT }, { report: { kind: 'news', outlet: 'Coast Herald' } }),
  );
  return viewpointSources(fixture, fixture.claims);
};

describe('GIVEN reader comments that reply to an earlier comment by name', () => {
  it('WHEN the claims are read THEN a reply rebuts the comment it answers, unless it opens on assent', () => {
    const rebuts = sources()
      .claims.claims.filter((c) => c.comment !== null)
      .map((c) => [c.comment, c.rebuts]);
    expect(rebuts.filter(([n]) => n === 2).every(([, r]) => r === 'reader comment #1')).toBe(true);
    expect(rebuts.filter(([n]) => n === 3).every(([, r]) => r === null)).toBe(true);
    expect(rebuts.some(([n]) => n === 2)).toBe(true);
  });

  it('WHEN the first comment is countered THEN the reply that argues with it is a counterpoint, the assent is not', () => {
    const result = findCounterpoints(sources(), 'Island fares should be frozen for residents');
    const comments = result.counterpoints.filter((c) => c.claim.comment !== null).map((c) => c.claim.comment);
    expect(comments).toContain(2);
    expect(comments).not.toContain(3);
  });
});
