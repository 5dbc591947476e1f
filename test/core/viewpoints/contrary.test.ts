import { describe, expect, it } from 'vitest';
import { analyzeCorpus, type Analysis } from '../../../src/core/analysis.js';
import { findCounterpoints, viewpointSources } from '../../../src/core/viewpoints/index.js';
import { frameOf, stanceOf } from '../../../src/core/viewpoints/stance.js';
import { segment } from '../../../src/core/nlp/segmenter.js';
import { corpusOfTexts } from '../../helpers/corpus.js';

const tokens = (text: string) => segment(text, 0).flatMap((s) => [...s.tokens]);

// A made-up dispute about how fast a harbour agency answered a spill, in words no polarity group knows.
const REPORT = `Harbour agency defends its response to fuel spill

PORTVILLE (Coast Wire) — The Harbour Safety Agency said on Monday that the beaches would reopen next week.

Fishermen's leader Tom Hale said the agency had been too slow and should have closed the bay at once.

A spokesperson for the agency said it had closed the bay within 12 hours of the first report.`;

let fixture: Analysis | undefined;
const sources = () => {
  fixture ??= analyzeCorpus(
    corpusOfTexts({ report: REPORT }, { report: { kind: 'news', outlet: 'Coast Wire' } }),
  );
  return viewpointSources(fixture, fixture.claims);
};

describe('GIVEN a claim judged in a word with contraries', () => {
  it.each([
    {
      claim: 'The agency was too slow',
      text: 'A spokesperson said the agency acted within 48 hours.',
      sign: -1,
    },
    { claim: 'The agency was too slow', text: 'The agency acted quickly.', sign: -1 },
    { claim: 'The agency was too slow', text: 'The agency was sluggish.', sign: 1 },
    { claim: 'The agency was too slow', text: 'The agency was not quick.', sign: 1 },
    { claim: 'The agency was too slow', text: 'The bakery was quick.', sign: 0 },
    { claim: 'The agency was too slow', text: 'The agency will report within three weeks.', sign: 0 },
    { claim: 'The closure was an overreaction', text: 'The closure was the right call.', sign: -1 },
    { claim: 'The closure was an overreaction', text: 'The closure was excessive.', sign: 1 },
    { claim: 'The fee is tiny', text: 'The fee is not trivial.', sign: -1 },
    // The judging word after the verb, not the verb, has the contraries.
    { claim: 'The council responded too slowly', text: 'The council responded within 24 hours.', sign: -1 },
    {
      claim: 'The council responded too slowly',
      text: 'A spokesman said it had responded quickly.',
      sign: -1,
    },
    { claim: 'The council responded too slowly', text: 'The council responded slowly.', sign: 1 },
    { claim: 'The council responded too slowly', text: 'The bakery opened quickly.', sign: 0 },
  ])('WHEN "$text" is read against "$claim" THEN its stance is $sign', ({ claim, text, sign }) => {
    const frame = frameOf(tokens(claim));
    expect(Math.sign(stanceOf(tokens(text), frame).stance)).toBe(sign);
  });

  it('WHEN the claim is countered THEN a named speaker saying the contrary is a counterpoint', () => {
    const result = findCounterpoints(sources(), 'The agency was too slow');
    expect(result.counterpoints.map((c) => c.claim.text)).toContain(
      'A spokesperson for the agency said it had closed the bay within 12 hours of the first report.',
    );
  });
});

describe('GIVEN a question whose first word is the auxiliary of its verb', () => {
  it.each([
    // The participle is the predicate: a sentence that only names the subject takes no side.
    { topic: 'Was the cleanup handled well?', text: 'The cleanup will cost more next month.', sign: 0 },
    {
      topic: 'Was the cleanup handled well?',
      text: 'I have rarely seen a cleanup handled so badly.',
      sign: -1,
    },
    { topic: 'Is the ferry still running?', text: 'The ferry was painted blue.', sign: 0 },
    { topic: 'Is the ferry still running?', text: 'The ferry is not running this week.', sign: -1 },
  ])('WHEN "$text" is read against "$topic" THEN its stance is $sign', ({ topic, text, sign }) => {
    const frame = frameOf(tokens(topic));
    expect(Math.sign(stanceOf(tokens(text), frame).stance)).toBe(sign);
  });
});

describe('GIVEN a claim whose negation falls on the object ("contains no …")', () => {
  it.each([
    { claim: 'The timetable contains no rest breaks', text: 'The timetable contains rest breaks.', sign: -1 },
    {
      claim: 'The timetable contains no rest breaks',
      text: 'Our timetable contains no rest breaks.',
      sign: 1,
    },
    {
      claim: 'The timetable contains no rest breaks',
      text: 'The timetable does not contain rest breaks.',
      sign: 1,
    },
    { claim: 'The timetable contains rest breaks', text: 'The timetable contains no rest breaks.', sign: -1 },
  ])('WHEN "$text" is read against "$claim" THEN its stance is $sign', ({ claim, text, sign }) => {
    const frame = frameOf(tokens(claim));
    expect(Math.sign(stanceOf(tokens(text), frame).stance)).toBe(sign);
  });
});

describe('GIVEN a claim about what something contains, in words another sentence says otherwise', () => {
  it.each([
    // After a light verb the noun is the head, and "protect" stands for "guarantee".
    {
      claim: 'The deal contains no pension guarantees',
      text: 'The deal protects every current pension.',
      sign: -1,
    },
    {
      claim: 'The deal contains no pension guarantees',
      text: 'We oppose cutting pensions without a single guarantee.',
      sign: 1,
    },
    { claim: 'The deal contains no pension guarantees', text: 'The deal protects the river.', sign: 0 },
    { claim: 'The deal contains no pension guarantees', text: 'The deal contains a pension.', sign: 0 },
  ])('WHEN "$text" is read against "$claim" THEN its stance is $sign', ({ claim, text, sign }) => {
    const frame = frameOf(tokens(claim));
    // (+ 0: a negated frame's no-stance is -0.)
    expect(Math.sign(stanceOf(tokens(text), frame).stance) + 0).toBe(sign);
  });
});

describe('GIVEN a danger named as what acting prevented, not what happened', () => {
  it.each([
    // The plain sentence is against the claim; the same words after a counterfactual or as the alternative to an
    // obligation speak for it.
    { text: 'The danger to drivers was great.', sign: -1 },
    { text: 'Had we not closed it, the danger to drivers would have been far greater.', sign: 1 },
    { text: 'If the council had not closed it, the danger to drivers would have been great.', sign: 1 },
    { text: 'The council had to close the bridge or risk a collapse.', sign: 1 },
    // A plain condition is no counterfactual.
    { text: 'If nothing changes, the danger to drivers will grow.', sign: -1 },
    {
      text: 'The level was high by 7pm. "Had we not acted, the danger would have been far greater," she said.',
      sign: 1,
    },
  ])(
    'WHEN "$text" is read against "The bridge closure was safe" THEN its stance is $sign',
    ({ text, sign }) => {
      const frame = frameOf(tokens('The bridge closure was safe'));
      expect(Math.sign(stanceOf(tokens(text), frame).stance)).toBe(sign);
    },
  );
});
