import { describe, expect, it } from 'vitest';
import { frameOf, stanceOf } from '../../../src/core/viewpoints/stance.js';
import { segment } from '../../../src/core/nlp/segmenter.js';

const tokens = (text: string) => segment(text, 0).flatMap((s) => [...s.tokens]);

// "against" opposes its object: a stance on the topic only when its object is what the topic names.
describe('GIVEN the topic "the strike"', () => {
  const frame = frameOf(tokens('the strike'));

  it.each([
    { text: 'The farmers are against the strike.', sign: -1 },
    { text: 'The farmers are not against the strike.', sign: 1 },
    { text: 'The strike goes on, and the farmers are against it.', sign: -1 },
    { text: 'We are not against new technology.', sign: 0 },
    { text: 'We are against cuts to our pensions.', sign: 0 },
    { text: 'It is not an accusation against anyone.', sign: 0 },
  ])('WHEN "$text" is read THEN its stance is $sign', ({ text, sign }) => {
    expect(Math.sign(stanceOf(tokens(text), frame).stance) + 0).toBe(sign);
  });
});
