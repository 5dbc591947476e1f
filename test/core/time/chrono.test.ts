import { describe, expect, it } from 'vitest';
import * as chrono from 'chrono-node';
import { casualChrono, lowerCasePattern } from '../../../src/core/time/chrono.js';
import { firstEndingAfter, firstStartingFrom, tokenHolding } from '../../../src/core/time/tokens.js';
import type { Token } from '../../../src/core/corpus/types.js';

const REFERENCE = { instant: new Date(Date.UTC(2022, 0, 9, 12)), timezone: 0 };

/** What a parse gives, without object identities: offsets, text, components and tags. */
function reading(text: string, parser: chrono.Chrono): unknown {
  return parser.parse(text, REFERENCE).map((r) => ({
    index: r.index,
    text: r.text,
    start: JSON.stringify(r.start),
    end: JSON.stringify(r.end),
    tags: [...r.tags()],
  }));
}

const TEXTS = [
  'The talks began on January 7, 2022 in Geneva; three days ago troops left, and 2 years later they returned.',
  'MONDAY JAN 5 2022 AT 10PM EST, Tmrw at NOON or 2 Hrs LATER, the 4TH of JULY 1999 BC.',
  'On WEDNESDAY, three DAYS AGO, In MAY, by the end of the Month, next Mon, last week.',
  'İstanbul on May 5; the WEEK of Jan 5 (K) 3 WEEKS AGO; ΑΣ Σ ς on Friday.',
  'Results are due within 2 hours, or in 5m, or in 3d; he was born 5/12/1990 and left 2014-03-01.',
  'Sept. 3–5, from Monday to Friday, between March and April 2020, the 1990s and mid-2000s.',
];

describe('casualChrono', () => {
  it('reads what chrono.casual reads, in any mix of letter case', () => {
    for (const text of TEXTS) {
      let k = 0;
      const mixed = text.replace(/[a-z]/gi, (c) => (k++ % 3 === 0 ? c.toUpperCase() : c.toLowerCase()));
      for (const t of [text, text.toUpperCase(), text.toLowerCase(), mixed])
        expect(reading(t, casualChrono), t).toEqual(reading(t, chrono.casual));
    }
  });

  it('lower-cases a pattern outside escapes, and refuses what lower case would change', () => {
    expect(lowerCasePattern('(\\W|^)(Jan|FEB)\\s[A-Z]\\d')).toBe('(\\W|^)(jan|feb)\\s[a-z]\\d');
    expect(lowerCasePattern('(?<=X)Y(?!Z)')).toBe('(?<=x)y(?!z)');
    expect(lowerCasePattern('(?<Name>a)')).toBeNull();
    expect(lowerCasePattern('\\u0041')).toBeNull();
    expect(lowerCasePattern('[0-Z]')).toBeNull();
    expect(lowerCasePattern('Σ')).toBeNull();
  });
});

describe('token lookup by offset', () => {
  const at = (start: number, end: number) => ({ start, end }) as Token;
  const tokens = [at(0, 3), at(4, 9), at(9, 10), at(12, 15)];
  it('finds the token holding an offset, or the next one', () => {
    expect(firstEndingAfter(tokens, 0)).toBe(0);
    expect(firstEndingAfter(tokens, 3)).toBe(1);
    expect(firstEndingAfter(tokens, 10)).toBe(3);
    expect(firstEndingAfter(tokens, 15)).toBe(4);
    expect(firstStartingFrom(tokens, 1)).toBe(1);
    expect(firstStartingFrom(tokens, 9)).toBe(2);
    expect(firstStartingFrom(tokens, 16)).toBe(4);
    expect(tokenHolding(tokens, 5)).toBe(tokens[1]);
    expect(tokenHolding(tokens, 11)).toBeUndefined();
    expect(tokenHolding([], 0)).toBeUndefined();
  });
});
