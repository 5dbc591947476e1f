import { describe, expect, it } from 'vitest';
import { frameOf, stanceOf } from '../../../src/core/viewpoints/stance.js';
import { segment } from '../../../src/core/nlp/segmenter.js';

const tokens = (text: string) => segment(text, 0).flatMap((s) => [...s.tokens]);

// A wh-question asserts nothing; a rhetorical "why would/should" one denies what it asks about.
describe('GIVEN a topic about supporting a plan', () => {
  const frame = frameOf(tokens('Do they support the plan?'));

  it.each([
    { text: 'The union supports the plan.', sign: 1 },
    { text: 'Why would any union support the plan?', sign: -1 },
    { text: 'Why should workers support a plan that costs them their jobs?', sign: -1 },
    { text: '"And why would anyone oppose the plan?"', sign: 1 },
    { text: 'Why not support the plan?', sign: 1 },
    { text: 'Who supports the plan?', sign: 0 },
    { text: '@Sam So which members support the plan?', sign: 0 },
    { text: 'Does the union support the plan?', sign: 1 },
  ])('WHEN "$text" is read THEN its stance is $sign', ({ text, sign }) => {
    expect(Math.sign(stanceOf(tokens(text), frame).stance) + 0).toBe(sign);
  });
});
