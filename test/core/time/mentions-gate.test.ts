import { describe, expect, it } from 'vitest';
import * as chrono from 'chrono-node';
import { corpusOfTexts } from '../../helpers/corpus.js';
import { findMentions, mayHoldChronoDate, mentionFinder } from '../../../src/core/time/20-mentions.js';
import type { Sentence } from '../../../src/core/corpus/types.js';

/** Every sentence of a one-document corpus built from these paragraphs. */
function sentencesOf(paragraphs: readonly string[]): Sentence[] {
  const corpus = corpusOfTexts({ doc: `A headline about dates\n\n${paragraphs.join('\n\n')}\n` });
  const out: Sentence[] = [];
  for (const d of corpus.documents)
    for (const p of [...d.body, ...d.captions, ...d.other]) out.push(...p.sentences);
  return out;
}

// Sentences chrono reads something in, kept or not, and near misses the gate must not lose.
const TRICKY = [
  'Police arrested him on Monday after talks on January 7, 2022 in Geneva.',
  'The vote at noon may be delayed until the committee meets.',
  'She said it may take months, maybe years, before prices fall.',
  'Prices rose 3.5 percent in 2014 and fell in 2015.',
  'The market opened on 5/12 and closed on 12/24/2021.',
  'The summit is set for 2022-01-09, officials said.',
  'Three days later, the protests ended; two weeks earlier they had begun.',
  'It happened last week, and again this month, and will again next year.',
  'In May 2014 and again in mid-March, things changed.',
  'Results are due within 2 hours, or in 5m, or in 3d.',
  'They told them about it in 2019 and again the second time in 1998.',
  'By the end of the month the decision on the budget was final.',
  "Today's world is not yesterday's, but tonight the talks resume.",
  'The following day, the day after the vote, he resigned.',
  'He arrived at 10:30 pm EST on Dec. 3 and left the 4th of July.',
  'It was March, the march of 2000 soldiers, in the 1990s.',
  'Decades of decline in the markets of Marseille ended in Sept.',
  'On the first of May 2020, the Mayor spoke; on Mayfirst nothing happened.',
  'It took a few days, several weeks and a couple of months, about a year ago.',
  'The report from 2010 counts 40% of 2012 voters; the 2016-17 season was long.',
  'He was born in 1965 and has been in office since 2002.',
  'The ceasefire that began on Jan. 10 held until the 15th.',
  'Protests broke out last night and again this morning in Almaty.',
  'Officials met for hours on Friday, the 7th.',
  "The '98 crisis echoed in Nov '08.",
  'A day earlier, troops had left, and an hour later they returned.',
  'We will see you tmrw or overmorrow, or maybe now.',
  'In 2021 the quarter ended; the next quarter begins in 2022.',
];

describe('the chrono gate', () => {
  it('never skips chrono where chrono has a date to keep', () => {
    for (const s of sentencesOf(TRICKY)) {
      expect(findMentions(s), s.text).toEqual(findMentions(s, chrono.casual, { gate: false }));
    }
  });

  it('lets through the sentences whose dates come from chrono', () => {
    expect(mayHoldChronoDate('Police arrested him on Monday.')).toBe(true);
    expect(mayHoldChronoDate('Talks began on January 7, 2022.')).toBe(true);
    expect(mayHoldChronoDate('Prices fell three days ago.')).toBe(true);
    expect(mayHoldChronoDate('The vote closed on 5/12.')).toBe(true);
  });

  it('skips sentences chrono can only read a time, a number or a word in', () => {
    expect(mayHoldChronoDate('The decision shook the market in 2014.')).toBe(false);
    expect(mayHoldChronoDate('He said 40 people were hurt.')).toBe(false);
    expect(mayHoldChronoDate('The mayor declined to comment on the years ahead.')).toBe(false);
  });
});

describe('mentionFinder', () => {
  it('gives what findMentions gives, however often a text recurs', () => {
    const find = mentionFinder();
    const sentences = sentencesOf([...TRICKY, ...TRICKY]);
    for (const s of sentences) expect(find(s)).toEqual(findMentions(s));
  });
});
