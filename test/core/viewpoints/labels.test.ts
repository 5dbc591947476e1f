/** A position's label: verbatim words of its strongest claim that read as a phrase, not a cut-off string. */
import { describe, expect, it } from 'vitest';
import { labelOf } from '../../../src/core/viewpoints/positions.js';
import type { Claim } from '../../../src/core/viewpoints/types.js';
import { segment } from '../../../src/core/nlp/segmenter.js';

function claimOf(text: string): Claim {
  const sentence = segment(text, 0)[0];
  if (!sentence) throw new Error('no sentence');
  return { text: sentence.text, start: sentence.start, sentence } as unknown as Claim;
}

describe('GIVEN a claim with no focus word', () => {
  it.each([
    {
      text: '“When it comes to CSTO, we have questions about the nature of the request, why it came up,” Blinken said on Friday.',
      label: 'When it comes to CSTO, we have questions about the nature of the request',
    },
    {
      text: 'Officials in the capital said on Monday that the government would keep talking with the unions about the price of the fuel until the end of the month.',
      label:
        'Officials in the capital said on Monday that the government would keep talking with the unions about the price',
    },
    {
      text: 'We call on the peacekeeping and law enforcement forces to respect human rights in order to support a peaceful resolution of the crisis.',
      label:
        'We call on the peacekeeping and law enforcement forces to respect human rights in order to support a peaceful resolution',
    },
  ])('"$text" THEN the label is "$label"', ({ text, label }) => {
    const claim = claimOf(text);
    const got = labelOf(claim, -1);
    expect(got).toBe(label);
    expect(claim.text).toContain(got);
  });
});

describe('GIVEN a claim whose focus word opens a quotation that closes soon after', () => {
  it('THEN the label closes the quotation too', () => {
    const claim = claimOf(
      'She said the violence “is probably going to accelerate Putin’s desire to do something” in Ukraine.',
    );
    const focus = claim.sentence.tokens.findIndex((t) => t.normal === 'accelerate');
    const got = labelOf(claim, focus);
    expect(got.split('“').length).toBe(got.split('”').length);
    expect(claim.text).toContain(got);
  });
});
