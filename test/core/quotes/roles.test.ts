/** Roles given in an apposition after a speaker's name, as /speakers shows them. */
import { describe, expect, it } from 'vitest';
import { corpusOfTexts } from '../../helpers/corpus.js';
import { analyzeQuotes } from '../../../src/core/quotes/index.js';

const HEAD = 'Test headline for a news story\n\n';

function roleOf(texts: Record<string, string>, name: string): string | null | undefined {
  const corpus = corpusOfTexts(Object.fromEntries(Object.entries(texts).map(([id, t]) => [id, HEAD + t])));
  return analyzeQuotes(corpus).speakers.find((s) => s.name === name)?.role;
}

describe('GIVEN a role in an apposition after the name', () => {
  it('WHEN the role ends on a body\'s name the tagger reads as a verb ("at Harrow Re") THEN the role is kept', () => {
    const body =
      'Premiums will rise, said Felix Brandt, a space insurance analyst at Harrow Re. "Underwriters have long memories," he said.';
    expect(roleOf({ doc: body }, 'Felix Brandt')).toBe('a space insurance analyst at Harrow Re');
  });

  it('WHEN an adverb of time opens the role ("Kai Tanaka, now a postdoctoral researcher in Hobart,") THEN the role is kept', () => {
    const body =
      'One of them, Kai Tanaka, now a postdoctoral researcher in Hobart, says he watched the launch at home.\n\n"I closed the laptop," Tanaka says.';
    expect(roleOf({ doc: body }, 'Kai Tanaka')).toBe('now a postdoctoral researcher in Hobart');
  });

  it('WHEN the first role met is dated to the past ("then a senior engineer") and a later one is not THEN the later one is shown', () => {
    const texts = {
      a: 'Owen Pritchard, then a senior propulsion engineer at Helix, wrote in a memo that the sensors were "giving us readings we cannot explain."',
      b: 'Owen Pritchard, a former Helix propulsion engineer, has said that he warned the company in a February memo.',
    };
    expect(roleOf(texts, 'Owen Pritchard')).toBe('a former Helix propulsion engineer');
  });

  it('WHEN an interview\'s question names someone with a title ("Q. Councillor Hayes says …") THEN the question mark is no part of the title', () => {
    const body =
      'The transit chair answered questions on Tuesday.\n\nQ. Councillor Hayes says riders were never told about the works. Is that fair?\n\nA. Riders were told in every station.';
    expect(roleOf({ doc: body }, 'Hayes')).toBe('Councillor');
  });
});
