/**
 * A one-word quotation inside reported speech ("said the company was “devastated” and would share …") is no quote of
 * its own, but it must not hide the reported speech around it: the clause is the speaker's, the word in it.
 */
import { describe, expect, it } from 'vitest';
import { corpusOfTexts } from '../../helpers/corpus.js';
import { analyzeQuotes } from '../../../src/core/quotes/index.js';

const HEAD = 'Test headline for a news story\n\n';
const quotesOf = (body: string) => analyzeQuotes(corpusOfTexts({ doc: HEAD + body })).quotes;

describe('GIVEN reported speech holding a one-word quotation', () => {
  it('THEN the reported clause, the word in it, is the speaker’s', () => {
    const quotes = quotesOf(
      'Helix Orbital\'s chief executive, Renata Szabo, said the company was "devastated" and would share all of its flight data with investigators.',
    );
    expect(quotes).toEqual([
      expect.objectContaining({
        speaker: 'Renata Szabo',
        kind: 'indirect',
        text: 'the company was "devastated" and would share all of its flight data with investigators',
      }),
    ]);
  });

  it('WHEN the quotation is two words or more THEN it is the quote, and the clause is not repeated', () => {
    const quotes = quotesOf(
      'Helix Orbital\'s chief executive, Renata Szabo, said the company was "deeply shaken" and would share its data.',
    );
    expect(quotes.map((q) => q.text)).toEqual(['deeply shaken']);
  });

  it('WHEN a one-word quotation stands in the writer’s own sentence THEN nothing is quoted', () => {
    expect(quotesOf('Twenty thousand armed men seems a lot for a "terrorist" operation.')).toEqual([]);
  });
});
