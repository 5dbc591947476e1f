/** Reported speech by a role the text names only in the next paragraph ("his lawyer said" ¶ "His lawyer, Daniela Ruiz,"). */
import { describe, expect, it } from 'vitest';
import { corpusOfTexts } from '../../helpers/corpus.js';
import { analyzeQuotes } from '../../../src/core/quotes/index.js';

const HEAD = 'Test headline for a news story\n\n';
const quotesOf = (body: string) => analyzeQuotes(corpusOfTexts({ doc: HEAD + body })).quotes;

describe('GIVEN "…, his lawyer said" before the lawyer is named', () => {
  it('WHEN the next paragraph opens on "His lawyer, Daniela Ruiz," THEN the reported speech is hers', () => {
    const quotes = quotesOf(
      [
        'Owen Pritchard, the engineer who warned about the sensors, will give evidence to the board next week, his lawyer said on Wednesday.',
        'Pritchard did not speak to reporters. His lawyer, Daniela Ruiz, said he had "nothing to add to what he wrote in February" and would answer every question.',
      ].join('\n\n'),
    );
    const reported = quotes.find((q) => q.text.includes('will give evidence'));
    expect(reported).toMatchObject({ speaker: 'Daniela Ruiz', kind: 'indirect', paragraph: 1 });
  });

  it("WHEN no name is given to the role THEN the reported speech is nobody's and not listed", () => {
    const quotes = quotesOf(
      [
        'Owen Pritchard will give evidence to the board next week, his lawyer said on Wednesday.',
        'Pritchard did not speak to reporters outside the hearing on Thursday.',
      ].join('\n\n'),
    );
    expect(quotes.filter((q) => q.text.includes('will give evidence'))).toEqual([]);
  });
});
