import { describe, expect, it } from 'vitest';
import { corpusOfTexts } from '../../helpers/corpus.js';
import { analyzeTime, type TimelineEvent } from '../../../src/core/time/index.js';

/** A one-document corpus: a title line, then the body paragraphs, published on `published`. */
function eventsOf(body: string, published: string): readonly TimelineEvent[] {
  const corpus = corpusOfTexts({ doc: `A headline about events\n\n${body}\n` }, { doc: { published } });
  return analyzeTime(corpus).events;
}

const datesOf = (events: readonly TimelineEvent[], words: string) =>
  events.filter((e) => e.text.includes(words)).map((e) => e.date);

// 2026-06-16 is a Tuesday; 2026-06-28 a Sunday.
describe('GIVEN a weekday inside a quotation', () => {
  it('WHEN the attribution dates the saying ("she said on Thursday") THEN the weekday counts from that day, not from the page', () => {
    const events = eventsOf(
      '"We lost contact with the probe on Monday," she said on Thursday.',
      '2026-06-23', // the Tuesday after
    );
    // The saying itself is an event of Thursday; Monday is the one before it, not the one before the page.
    expect(datesOf(events, 'lost contact')).toEqual(['2026-06-15', '2026-06-18']);
  });

  it('WHEN the quote runs over paragraphs from an undated present-tense attribution ("she says") THEN the day of speaking is unknown and the weekday is no event', () => {
    const events = eventsOf(
      [
        '"People think of a satellite as a machine," she says. "It is a group of people.',
        '"We know less than we did on Monday, because the satellite is at the bottom of the sea."',
      ].join('\n\n'),
      '2026-06-28',
    );
    expect(datesOf(events, 'We know less')).toEqual([]);
  });

  it('WHEN the attribution is in the past tense without a date ("she said") THEN the weekday counts from the page, as before', () => {
    const events = eventsOf('"We lost contact on Monday," she said.', '2026-06-17');
    expect(datesOf(events, 'lost contact')).toEqual(['2026-06-15']);
  });
});

describe('GIVEN reported speech dated by its verb ("said on Tuesday that …")', () => {
  it('THEN a weekday in what was said counts from the day of saying', () => {
    const events = eventsOf(
      'The minister said on Thursday that the board had met on Monday to review the data.',
      '2026-06-23', // the Tuesday after: Monday counted from the page would be the day before it
    );
    expect(datesOf(events, 'had met')).toContain('2026-06-15');
    expect(datesOf(events, 'had met')).not.toContain('2026-06-22');
  });
});

describe('GIVEN "today" in speech', () => {
  const transcript = [
    'MR. LEE: Good morning. The director will make a statement.',
    'DR. WHITE: Thank you. I am not going to speculate about the cause today. Anyone who tells you they know the cause today is guessing.',
    'DR. WHITE: This morning we signed the order setting up the board.',
    'Q: Will the report be public?',
  ].join('\n\n');

  it('WHEN the speaker reports nothing done that day (a transcript answer) THEN "today" is only the time of speaking, no event', () => {
    const events = eventsOf(transcript, '2026-06-17');
    expect(datesOf(events, 'speculate')).toEqual([]);
    expect(datesOf(events, 'Anyone who tells')).toEqual([]);
  });

  it('WHEN the speaker reports something done that day THEN it stays an event of the day of speaking', () => {
    expect(datesOf(eventsOf(transcript, '2026-06-17'), 'signed the order')).toEqual(['2026-06-17']);
    const quoted = eventsOf('"The people who showed up today said no," she said.', '2026-06-17');
    expect(datesOf(quoted, 'showed up')).toEqual(['2026-06-17']);
  });

  it('WHEN a quotation\'s "today" is in the present ("Today they are asking questions") THEN it is no event', () => {
    const events = eventsOf(
      '"Today they are asking questions, which is what we want," she said.',
      '2026-06-17',
    );
    expect(datesOf(events, 'asking questions')).toEqual([]);
  });
});
