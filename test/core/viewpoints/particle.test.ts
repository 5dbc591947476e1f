import { describe, expect, it } from 'vitest';
import { frameOf, stanceOf } from '../../../src/core/viewpoints/stance.js';
import { segment } from '../../../src/core/nlp/segmenter.js';

const tokens = (text: string) => segment(text, 0).flatMap((s) => [...s.tokens]);

// "back" is a support verb ("members back the deal") and an adverb particle ("back to work"); the tagger reads
// both as ADV, so only its place in the sentence tells them apart.
describe('GIVEN a topic about supporting a plan', () => {
  const frame = frameOf(tokens('Do they support the plan?'));

  it.each([
    { text: 'Most members back the plan.', sign: 1 },
    { text: 'The union will back the plan.', sign: 1 },
    { text: 'The plan was backed by the council.', sign: 1 },
    { text: 'The union does not back the plan.', sign: -1 },
    { text: 'Then Parliament orders everyone back to work under the plan.', sign: 0 },
    { text: 'Mediators would bring them back to the table to discuss the plan.', sign: 0 },
    { text: 'Pupils will be allowed back after 72 hours under the plan.', sign: 0 },
    { text: 'If the plan fails, we will be back.', sign: 0 },
    { text: 'It took the plan two years to win back customers.', sign: 0 },
    { text: 'He said back-to-work legislation would follow the plan.', sign: 0 },
  ])('WHEN "$text" is read THEN its stance is $sign', ({ text, sign }) => {
    expect(Math.sign(stanceOf(tokens(text), frame).stance) + 0).toBe(sign);
  });

  it('WHEN the topic is "back-to-work legislation" THEN it is asked how it is judged, as a bare noun phrase is', () => {
    const groups = [...frameOf(tokens('back-to-work legislation')).groups.keys()];
    expect(groups).toEqual([...frameOf(tokens('legislation')).groups.keys()]);
  });
});

// "favour" is a support verb ("voters favour the plan", "in favour of") and, after an article, a kindness ("a favour").
describe('GIVEN a topic about the plan and sentences with "favour"', () => {
  const frame = frameOf(tokens('Do they support the plan?'));

  it.each([
    { text: 'Voters favour the plan.', sign: 1 },
    { text: 'Most members are in favour of the plan.', sign: 1 },
    { text: 'Most members are not in favour of the plan.', sign: -1 },
    { text: 'We are not asking for a favour with the plan.', sign: 0 },
    { text: 'The council returned the favour with the plan.', sign: 0 },
  ])('WHEN "$text" is read THEN its stance is $sign', ({ text, sign }) => {
    expect(Math.sign(stanceOf(tokens(text), frame).stance) + 0).toBe(sign);
  });
});
