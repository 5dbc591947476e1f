/** Sentence splitting around the page's own marks. */
import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/core/nlp/segmenter.js';

const texts = (t: string) => segment(t, 10).map((s) => s.text);

describe('GIVEN a bold or italic lead-in closed right after its full stop', () => {
  it('THEN the closing marks end that sentence, and the next starts at its first word', () => {
    expect(
      texts('**Sign up for the monitoring.** TallyPoint is offering three years. Look for the code.'),
    ).toEqual([
      '**Sign up for the monitoring.**',
      'TallyPoint is offering three years.',
      'Look for the code.',
    ]);
    expect(texts('*Freeze your credit.* A freeze stops new accounts.')).toEqual([
      '*Freeze your credit.*',
      'A freeze stops new accounts.',
    ]);
  });

  it('THEN offsets stay verbatim', () => {
    const text = '**Freeze your credit.** A freeze stops new accounts.';
    for (const s of segment(text, 10)) expect(text.slice(s.start - 10, s.end - 10)).toBe(s.text);
  });
});
