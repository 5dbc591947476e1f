/**
 * /counterpoint beyond the claim's own words: in news the other side of a dispute rarely denies a claim's words ("should
 * not be scrapped"); it says something else about the same thing, held by other people. The claim's subject is asked
 * as a topic, the claim's holders' position found, and the opposite position's arguments offered, said to be that.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../../src/core/analysis.js';
import { frameOf } from '../../../src/core/viewpoints/stance.js';
import { findCounterpoints, viewpointSources } from '../../../src/core/viewpoints/index.js';
import { segment } from '../../../src/core/nlp/segmenter.js';
import { counterpointView } from '../../../src/presenters/viewpoints.js';
import { corpusOfTexts } from '../../helpers/corpus.js';

const REPORT = `Council splits over riverside stadium deal

MILLBROOK (Valley Gazette) — The council's plan to fund a riverside stadium divided members on Monday.

"The stadium deal is a bad deal for taxpayers and it should be scrapped," said Councillor Ruth Okoye, who leads the opposition group.

Mayor Daniel Price defended the plan. "The stadium deal is good for the city, and I support it without reservation," Price said.

Price added that the stadium would bring visitors to the riverside all year round.`;

const LAUNCH = `Investors told the test flight went to plan

Engineers said the vehicle's second stage shut down early.

The company blames the failure on a faulty valve. "This was not a design flaw," chief executive Mara Lind told investors on Thursday.

Critics have said the failure exposed a weakness in the engine's design.`;

function tokens(text: string) {
  return segment(text, 0).flatMap((s) => s.tokens);
}

describe('GIVEN a claim whose opponents never deny its words', () => {
  const a = analyzeCorpus(corpusOfTexts({ report: REPORT }));
  const r = findCounterpoints(viewpointSources(a, a.claims), 'The stadium deal should be scrapped');

  it('THEN the other side of the dispute over its subject answers it, by the claim holders’ opponents', () => {
    const texts = r.counterpoints.map((c) => c.claim.text);
    expect(texts.some((t) => t.includes('good for the city'))).toBe(true);
    expect(r.counterpoints.every((c) => c.claim.holder !== 'Ruth Okoye')).toBe(true);
  });

  it('THEN the answer says where those passages come from: the subject asked and who holds the claim', () => {
    expect(r.otherSide).toMatchObject({ topic: 'stadium deal', holders: ['Ruth Okoye'] });
    const view = counterpointView(r);
    const titles = view.sections.map((s) => s.title);
    expect(titles).toContain("The other side on “stadium deal” (the claim's side: Ruth Okoye)");
  });
});

describe('GIVEN a claim whose subject is a lexicon noun and whose predicate is its own ("The failure was a design flaw")', () => {
  it('THEN the frame asks about the predicate, with the noun as its subject', () => {
    const frame = frameOf(tokens('The failure was a design flaw'));
    expect(frame.groups.size).toBe(0);
    expect(frame.predicate?.head).toBe('flaw');
    expect(frame.subject).toContain('failure');
  });

  it('THEN a sentence denying that predicate is a counterpoint', () => {
    const a = analyzeCorpus(corpusOfTexts({ launch: LAUNCH }));
    const r = findCounterpoints(viewpointSources(a, a.claims), 'The failure was a design flaw');
    expect(r.counterpoints.map((c) => c.claim.text)).toContain(
      '"This was not a design flaw," chief executive Mara Lind told investors on Thursday.',
    );
  });

  it('THEN a topic that is only a lexicon noun keeps its polarity group ("failure")', () => {
    expect(frameOf(tokens('the failure')).groups.size).toBeGreaterThan(0);
  });
});
