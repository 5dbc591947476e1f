/** A sentence that reports events at several dates gives each event the clause around its date, verbatim. */
import { describe, expect, it } from 'vitest';
import { corpusOfTexts } from '../../helpers/corpus.js';
import { analyzeTime } from '../../../src/core/time/index.js';

function eventsOf(sentence: string) {
  const corpus = corpusOfTexts(
    { doc: `A headline about events\n\n${sentence}\n` },
    { doc: { published: '2022-03-16' } },
  );
  const text = corpus.documents[0]?.text ?? '';
  return { events: analyzeTime(corpus).events, text };
}

// 2022-03-16 is a Wednesday.
describe('GIVEN a sentence with two dates', () => {
  it.each([
    {
      name: 'two clauses joined by ", and"',
      sentence: 'Protests began in Almaty on March 2, and troops arrived from the capital on March 6.',
      texts: {
        '2022-03-02': 'Protests began in Almaty on March 2',
        '2022-03-06': 'troops arrived from the capital on March 6.',
      },
    },
    {
      name: 'two clauses joined by a bare "and"',
      sentence: 'The minister resigned on Monday and the parliament elected her successor on Tuesday.',
      texts: {
        '2022-03-14': 'The minister resigned on Monday',
        '2022-03-15': 'the parliament elected her successor on Tuesday.',
      },
    },
    {
      name: 'a semicolon',
      sentence: 'The talks opened on March 1; they collapsed on March 3 after a walkout.',
      texts: {
        '2022-03-01': 'The talks opened on March 1',
        '2022-03-03': 'they collapsed on March 3 after a walkout.',
      },
    },
  ])('$name THEN each event has its own clause', ({ sentence, texts }) => {
    const { events, text } = eventsOf(sentence);
    for (const [date, clause] of Object.entries(texts)) {
      const e = events.find((x) => x.date === date);
      expect(e?.text, date).toBe(clause);
      expect(text).toContain(e?.text);
    }
  });

  it.each([
    {
      name: 'two dates in one clause ("on Monday and Tuesday")',
      sentence: 'Soldiers patrolled the streets of the old town on Monday and Tuesday.',
    },
    {
      name: 'a relative clause between them (a comma alone is no break)',
      sentence: 'Tokayev, who won the election on March 1, said on Monday that the troops would leave.',
    },
  ])('$name THEN both events keep the whole sentence', ({ sentence }) => {
    const { events } = eventsOf(sentence);
    expect(events.length).toBeGreaterThanOrEqual(2);
    for (const e of events) expect(e.text).toBe(sentence);
  });
});

describe('GIVEN a sentence split into clauses and a topic', () => {
  it("THEN an event's words for topic filtering are its clause's, not the whole sentence's", () => {
    const { events } = eventsOf(
      'Protests began in Almaty on March 2, and troops arrived from the capital on March 6.',
    );
    const first = events.find((e) => e.date === '2022-03-02');
    const second = events.find((e) => e.date === '2022-03-06');
    expect(first?.terms).toContain('almaty');
    expect(first?.terms).not.toContain('troop');
    expect(second?.terms).toContain('troop');
    expect(second?.terms).not.toContain('almaty');
  });
});
