/**
 * British papers print quotations in single marks ('…'). A speaker's plain statement in them ("said: 'This is
 * collective punishment of healthy children.'") is that speaker's quoted claim, as it would be in double marks.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../../src/core/analysis.js';
import { corpusOfTexts } from '../../helpers/corpus.js';

const text = (marks: [string, string]) => `Council closes three schools for a week

The council ordered the closures on Monday after an outbreak of measles.

Lewis Barton, who chairs a parents' group, said: ${marks[0]}This is collective punishment of healthy children.${marks[1]}`;

function bartonClaim(marks: [string, string]) {
  const a = analyzeCorpus(corpusOfTexts({ report: text(marks) }));
  return a.claims.claims.find((c) => c.text.includes('collective punishment'));
}

describe('GIVEN a speaker’s plain statement quoted in a news report', () => {
  it('THEN in single marks it is the speaker’s quoted claim', () => {
    expect(bartonClaim(['‘', '’'])).toMatchObject({ holder: 'Lewis Barton', quoted: true });
    expect(bartonClaim(["'", "'"])).toMatchObject({ holder: 'Lewis Barton', quoted: true });
  });

  it('THEN in double marks it is too (as before)', () => {
    expect(bartonClaim(['“', '”'])).toMatchObject({ holder: 'Lewis Barton', quoted: true });
  });
});
