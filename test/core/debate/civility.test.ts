import { describe, expect, it } from 'vitest';
import { checkCivility, isShouting, normaliseTokens } from '../../../src/core/debate/index.js';

describe('civility check', () => {
  const offending: [string, string, string][] = [
    ['a plain insult', 'You are an idiot.', 'insult'],
    ['leetspeak', 'what a 1d10t', 'insult'],
    ['repeated letters', 'such a mooooron', 'insult'],
    ['dotted letters', 'i.d.i.o.t', 'insult'],
    ['symbols for letters', 'r3t@rd', 'slur'],
    ['an adjective aimed at the listener', "you're so stupid", 'attack'],
    ['silencing', 'Oh, shut up.', 'attack'],
    ['a phrase with repeated letters', 'shuttt uppp', 'attack'],
    ['shouting', 'THIS IS ABSOLUTELY WRONG AND EVERYONE KNOWS IT', 'shouting'],
  ];
  it.each(offending)('GIVEN %s THEN it offends as %s', (_n, text, category) => {
    const v = checkCivility(text);
    expect(v.civil).toBe(false);
    expect(v.hits.map((h) => h.category)).toContain(category);
  });

  const civil: [string, string][] = [
    ['a harsh word about a policy', 'That was a stupid decision by the ministry.'],
    ['substrings of lexicon words', 'We must assess the class of arguments from Scunthorpe.'],
    ['acronyms in a normal sentence', 'NATO and the CSTO sent troops to Almaty in 2022.'],
    ['a short all-caps word', 'This is NOT what the treaty says.'],
    ['numbers are not leetspeak', 'In 2022, 1,000 soldiers and 3 ministers arrived.'],
    ['an exclamation', 'Look at the evidence!'],
  ];
  it.each(civil)('GIVEN %s THEN it is civil', (_n, text) => {
    expect(checkCivility(text)).toEqual({ civil: true, hits: [] });
  });

  it('GIVEN leetspeak and repeats THEN normalisation yields plain words', () => {
    expect(normaliseTokens('Y0u 4re a LOOOSER!')).toEqual(['you', 'are', 'a', 'loser']);
  });

  it.each([
    ['short caps', 'STOP IT', false],
    ['mostly lower', 'The OSCE and CSTO and NATO all commented on this', false],
    ['long caps', 'YOU NEVER LISTEN TO ANY OF THE POINTS', true],
  ])('GIVEN %s THEN shouting is %s', (_n, text, expected) => {
    expect(isShouting(text)).toBe(expected);
  });
});
