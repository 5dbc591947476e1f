/**
 * What a sentence commits its speaker to. A question set aside ("The question is not whether …"), an embedded
 * question ("asked whether …") and a withheld claim ("I do not claim …") assert the embedded clause neither way, so
 * they are no counterpoint to it; a doubt ("critics question whether …") and a raised negation ("I don't think …")
 * do deny it. A counterfactual stays one across a negation ("would not have saved"). And a participle naming a thing
 * ("the pumping station") is not the claim's verb.
 */
import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/core/nlp/segmenter.js';
import { frameOf, stanceOf } from '../../../src/core/viewpoints/stance.js';

const tokens = (text: string) => segment(text, 0).flatMap((s) => s.tokens);
const CLAIM = frameOf(tokens('The pumps would have saved the homes'));
const stance = (sentence: string) => stanceOf(tokens(sentence), CLAIM).stance;

describe('GIVEN the claim "The pumps would have saved the homes"', () => {
  it('WHEN a sentence restates it THEN it agrees; WHEN it says they would not, or never could, have THEN it denies', () => {
    expect(stance('The pumps would have saved the homes.')).toBeGreaterThan(0);
    expect(stance('The pumps would not have saved the homes.')).toBeLessThan(0);
    expect(stance("The pumps wouldn't have saved the homes.")).toBeLessThan(0);
    expect(stance('The pumps could never have saved the homes.')).toBeLessThan(0);
  });

  it('WHEN a sentence withholds the claim or sets the question aside THEN it takes no side', () => {
    expect(stance('I do not claim the pumps would have saved the homes.')).toBeCloseTo(0, 9);
    expect(stance('We are not saying the pumps would have saved the homes.')).toBeCloseTo(0, 9);
    expect(stance('The question is not whether the pumps would have saved the homes.')).toBeCloseTo(0, 9);
    expect(stance('Nobody asked whether the pumps would have saved the homes.')).toBeCloseTo(0, 9);
  });

  it('WHEN a sentence doubts it or thinks it untrue THEN it denies it', () => {
    expect(stance('Critics question whether the pumps would have saved the homes.')).toBeLessThan(0);
    expect(stance("I don't think the pumps would have saved the homes.")).toBeLessThan(0);
  });
});

describe('GIVEN a claim whose subject has a participle before its noun', () => {
  it('THEN the claim is asked about its verb, and the subject names the thing', () => {
    const frame = frameOf(tokens('The pumping station would have saved the homes on Hebble Lane'));
    expect(frame.predicate?.head).toBe('save');
    expect(frame.predicate?.subjectText).toBe('pumping station');
  });
});

describe('GIVEN a yes/no question on a form of "be"', () => {
  const question = frameOf(tokens('Was the launch failure a design flaw?'));

  it('THEN it is framed as its statement: about its subject, asking its predicate, headed by its noun', () => {
    expect(question.predicate).toMatchObject({ head: 'flaw', subjectText: 'launch failure' });
    expect(frameOf(tokens('The launch failure was a design flaw')).predicate?.head).toBe('flaw');
  });

  it('THEN a sentence denying the predicate denies it, and one naming only its modifier takes no side', () => {
    expect(stanceOf(tokens('This was not a design flaw.'), question).stance).toBeLessThan(0);
    expect(stanceOf(tokens('The failure was a design flaw.'), question).stance).toBeGreaterThan(0);
    expect(
      stanceOf(tokens("Kestrel 3's design has flown successfully four times."), question).stance,
    ).toBeCloseTo(0, 9);
  });

  it('THEN an adjective predicate keeps its adjective as head, not the noun of a phrase after it', () => {
    expect(frameOf(tokens('Automation is necessary for the port')).predicate?.head).not.toBe('port');
  });
});
