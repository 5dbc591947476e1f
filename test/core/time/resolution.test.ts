import { describe, expect, it } from 'vitest';
import { corpusOfTexts } from '../../helpers/corpus.js';
import { analyzeTime, type TimelineEvent } from '../../../src/core/time/index.js';

/** A one-document corpus: a title line, then the body paragraphs, published on `published` (or undated). */
function eventsOf(body: string, published: string | null) {
  const corpus = corpusOfTexts({ doc: `A headline about events\n\n${body}\n` }, { doc: { published } });
  return analyzeTime(corpus);
}

const find = (events: readonly TimelineEvent[], words: string) =>
  events.filter((e) => e.text.includes(words));

interface Row {
  readonly name: string;
  readonly published: string | null;
  readonly body: string;
  /** Words of the sentence the event must come from. */
  readonly words: string;
  readonly date: string | null;
  readonly precision?: 'day' | 'month' | 'year';
  readonly until?: string;
  readonly background?: boolean;
}

// 2022-03-16 is a Wednesday.
const table: readonly Row[] = [
  {
    name: 'a date in figures that reads either way ("07-01-2022") in a text that shows no order of day and month: left unread',
    published: '2022-01-09',
    body: 'The contract was signed on 07-01-2022 and runs for five years.',
    words: 'contract was signed',
    date: null,
  },
  {
    name: 'a date in figures that reads either way in a text writing day first ("9 January 2022"): day first',
    published: '2022-01-09',
    body: 'The talks opened on 9 January 2022 in Geneva. The contract was signed on 07-01-2022 and runs for five years.',
    words: 'contract was signed',
    date: '2022-01-07',
  },
  {
    name: 'a date in figures that reads either way in a text writing month first ("January 9, 2022"): month first',
    published: '2022-01-09',
    body: 'The talks opened on January 9, 2022, in Geneva. The contract was signed on 07-01-2021 and runs for five years.',
    words: 'contract was signed',
    date: '2021-07-01',
  },
  {
    name: 'a date in figures that reads one way only ("23-11-2021") whatever the text',
    published: '2022-01-09',
    body: 'The contract was signed on 23-11-2021 and runs for five years.',
    words: 'contract was signed',
    date: '2021-11-23',
  },
  {
    name: 'a day of the month after "they\'d told" ("had", not "would": the past side of the reference)',
    published: '2026-11-19',
    body: "If they'd told people on the 29th, my clients would have frozen their credit in time.",
    words: 'told people',
    date: '2026-10-29',
  },
  {
    name: 'a weekday in what someone says happened ("The club says the fire on Monday was started deliberately")',
    published: '2022-03-16',
    body: 'The club says the fire at the ground on Monday was started deliberately.',
    words: 'fire at the ground',
    date: '2022-03-14',
  },
  {
    name: 'a weekday after "says that" in a clause of its own ("She says that on Monday the gates were locked")',
    published: '2022-03-16',
    body: 'The caretaker says that on Monday the gates were locked by noon.',
    words: 'gates were locked',
    date: '2022-03-14',
  },
  {
    name: 'a weekday inside a partial quote takes the tense of the clause around it ("would … “as early as Friday”")',
    published: '2022-03-16',
    body: 'He added that the committee would publish the report "as early as Friday."',
    words: 'publish',
    date: '2022-03-18',
  },
  {
    name: '"next Thursday" said on a Wednesday is the Thursday of next week, not tomorrow',
    published: '2022-03-16',
    body: 'The council will vote next Thursday on the plan.',
    words: 'vote',
    date: '2022-03-24',
  },
  {
    name: 'a month someone said they expected a thing to happen in lies ahead when that is nearer ("expected the board to schedule the vote for early April")',
    published: '2025-03-03',
    body: 'The union said it expected the labor board to schedule the vote for early April.',
    words: 'schedule',
    date: '2025-04',
    precision: 'month',
  },
  {
    name: 'a passive infinitive after a verb of expecting ("expected the backlog to be cleared by mid-July") lies ahead when that is nearer',
    published: '2025-06-14',
    body: 'The port authority said it expected the backlog to be cleared by mid-July.',
    words: 'backlog',
    date: '2025-07',
    precision: 'month',
  },
  {
    name: '"is going to be held in July" is a plan, not a past event',
    published: '2025-06-14',
    body: 'The vote is going to be held in July, the union said.',
    words: 'vote',
    date: '2025-07',
    precision: 'month',
  },
  {
    name: 'a part of a day after a casual day ("yesterday afternoon") is that day',
    published: '2025-06-12',
    body: 'We tabled our final offer yesterday afternoon.',
    words: 'tabled',
    date: '2025-06-11',
  },
  {
    name: '"this evening" is the reference day',
    published: '2025-06-12',
    body: 'The union will respond to the offer this evening.',
    words: 'respond',
    date: '2025-06-12',
  },
  {
    name: 'a day something "has scheduled … for" is the nearest such day, not the last one ("has scheduled a hearing … for Thursday", said on a Wednesday)',
    published: '2026-03-04',
    body: 'The court has scheduled a hearing on the petition for Thursday.',
    words: 'hearing',
    date: '2026-03-05',
  },
  {
    name: 'a month a past request was for stays behind when that is nearer ("asked the board to hold the vote in April", said in June)',
    published: '2025-06-10',
    body: 'The union asked the labor board to hold the vote in April.',
    words: 'hold',
    date: '2025-04',
    precision: 'month',
  },
  {
    name: '"next Monday" said on a Wednesday is the coming Monday (next week\'s)',
    published: '2022-03-16',
    body: 'The council will vote next Monday on the plan.',
    words: 'vote',
    date: '2022-03-21',
  },
  {
    name: 'past weekday goes back',
    published: '2022-03-16',
    body: 'Police arrested the suspect on Monday in the capital.',
    words: 'arrested',
    date: '2022-03-14',
  },
  {
    name: 'future weekday goes forward',
    published: '2022-03-16',
    body: 'The minister will travel to Paris on Friday for talks.',
    words: 'travel',
    date: '2022-03-18',
  },
  {
    name: 'present-tense schedule goes forward',
    published: '2022-03-16',
    body: 'Diplomats prepared for a week of meetings that begins with talks in Geneva on Monday.',
    words: 'Geneva',
    date: '2022-03-21',
  },
  {
    name: 'reported speech on a weekday goes back',
    published: '2022-03-19',
    body: 'The ministry said on Thursday that it would respond to the sanctions.',
    words: 'ministry',
    date: '2022-03-17',
  },
  {
    name: 'the weekday of publication itself, in the past tense',
    published: '2022-03-16',
    body: 'The president said on Wednesday that the curfew was lifted.',
    words: 'curfew',
    date: '2022-03-16',
  },
  {
    name: '"the following day" counts from the previous sentence',
    published: '2022-03-16',
    body: 'Protesters gathered in the square on Monday. The following day, police cleared the camp.',
    words: 'cleared',
    date: '2022-03-15',
  },
  {
    name: '"last week" is the whole previous week',
    published: '2022-03-16',
    body: 'Officials met in Vienna last week to discuss the deal.',
    words: 'Vienna',
    date: '2022-03-07',
    until: '2022-03-13',
  },
  {
    name: '"in 2019" is a year',
    published: '2022-03-16',
    body: 'The company was sold to investors in 2019.',
    words: 'sold',
    date: '2019',
    precision: 'year',
  },
  {
    name: 'a bare year needs no reference date',
    published: null,
    body: 'In 2014, the rebels seized the airport.',
    words: 'rebels',
    date: '2014',
    precision: 'year',
  },
  {
    name: 'month only, past tense: the latest such month before publication',
    published: '2022-03-16',
    body: 'In August, the government raised fuel taxes.',
    words: 'taxes',
    date: '2021-08',
    precision: 'month',
  },
  {
    name: 'month only, future tense: the next such month',
    published: '2022-03-16',
    body: 'Elections will be held in August, the commission said.',
    words: 'Elections',
    date: '2022-08',
    precision: 'month',
  },
  {
    name: '"Jan. 10" takes the nearby year',
    published: '2022-01-12',
    body: 'The leaders spoke by phone on Jan. 10 about the crisis.',
    words: 'phone',
    date: '2022-01-10',
  },
  {
    name: 'December in a January article is last year',
    published: '2022-01-04',
    body: 'The strike began on December 28 at the main port.',
    words: 'strike',
    date: '2021-12-28',
  },
  {
    name: 'January in a December article is next year',
    published: '2021-12-30',
    body: 'The talks will resume on January 3 in Brussels.',
    words: 'resume',
    date: '2022-01-03',
  },
  {
    name: 'chained anchors: the explicit date wins over "Five days earlier"',
    published: '2022-03-16',
    body: 'Troops arrived on March 10 at dawn. Five days earlier, on March 4, the protests began in the south.',
    words: 'protests began',
    date: '2022-03-04',
  },
  {
    name: 'chained anchors: "Two days later" counts from the paragraph date',
    published: '2022-03-16',
    body: 'Troops arrived on March 10 at dawn. Two days later, the first convoy left the city.',
    words: 'convoy',
    date: '2022-03-12',
  },
  {
    name: '"since 2002" is background',
    published: '2022-03-16',
    body: 'The alliance has united six countries since 2002.',
    words: 'alliance',
    date: '2002',
    precision: 'year',
    background: true,
  },
  {
    name: 'a holiday aside is background',
    published: '2022-03-16',
    body: 'Orthodox Christmas is celebrated this year on January 7 by millions.',
    words: 'Christmas',
    date: '2022-01-07',
    background: true,
  },
  {
    name: 'no reference date: a weekday is left unresolved',
    published: null,
    body: 'Officials met on Monday to discuss the deal.',
    words: 'Officials',
    date: null,
  },
  {
    name: '"today\'s world" is no date',
    published: '2022-03-16',
    body: 'The alliance has little purpose in today’s world, critics argued.',
    words: 'purpose',
    date: null,
  },
  {
    name: '"yesterday\'s news" is no date',
    published: '2022-03-16',
    body: 'Critics dismissed the plan as yesterday’s news from a tired council.',
    words: 'dismissed',
    date: null,
  },
  {
    name: 'a possessive day before what took place ("yesterday\'s Court of Appeals decision") is its day',
    published: '2026-11-11',
    body: 'The association issued a statement in response to yesterday’s Court of Appeals decision in the case.',
    words: 'Appeals decision',
    date: '2026-11-10',
  },
  {
    name: 'a date owning what took place reports it even with only a copula ("Last week\'s vote … was unanimous")',
    published: '2024-03-14',
    body: 'Last week’s vote by the board was unanimous.',
    words: 'vote',
    date: '2024-03-04',
  },
  {
    name: 'a date owning a thing, not an occasion, with only a copula reports nothing ("Last year\'s budget was bigger")',
    published: '2024-03-14',
    body: 'Last year’s budget was bigger than this one.',
    words: 'budget',
    date: null,
  },
  {
    name: 'a year naming a law is background',
    published: '2022-03-16',
    body: 'Senators wanted to amend the Electoral Count Act of 1887 before the vote.',
    words: 'Senators',
    date: '1887',
    precision: 'year',
    background: true,
  },
  {
    name: 'a range of days written "June 23 and 24" is one span of two days',
    published: '2026-06-17',
    body: 'The board will hold its first two sessions on June 23 and 24 in Port Ellery.',
    words: 'first two sessions',
    date: '2026-06-23',
    until: '2026-06-24',
  },
  {
    name: 'a range of days written day first, "between 3 and 5 July", is a span from its first day, not its last day as background',
    published: '2026-06-17',
    body: 'A recovery ship will search the debris field between 3 and 5 July.',
    words: 'recovery ship',
    date: '2026-07-03',
    until: '2026-07-05',
  },
  {
    name: 'a range chrono reads itself ("June 23-24") keeps its last day',
    published: '2026-06-17',
    body: 'The board will sit on June 23-24 in Port Ellery.',
    words: 'board will sit',
    date: '2026-06-23',
    until: '2026-06-24',
  },
  {
    name: 'a range over the new year ("December 30 to January 2") ends in the next year',
    published: '2025-12-01',
    body: 'The festival will run from December 30 to January 2 in the old town.',
    words: 'festival will run',
    date: '2025-12-30',
    until: '2026-01-02',
  },
  // 2026-11-20 is a Friday.
  {
    name: 'a day of the month alone, in the past ("She wrote the next morning, the 28th, to …")',
    published: '2026-11-20',
    body: 'She wrote to the company the next morning, the 28th, to report the open folder.',
    words: 'wrote to the company',
    date: '2026-10-28',
  },
  {
    name: 'a day of the month alone after a span of the paragraph ("from Sept. 2 until Oct. 29 … on the 16th")',
    published: '2026-11-20',
    body: 'The folder was open from Sept. 2 until Oct. 29. The company disclosed the breach on the 16th, in an email.',
    words: 'disclosed the breach',
    date: '2026-11-16',
  },
  {
    name: 'an ordinal that is no day ("the 16th century", "the 28th floor")',
    published: '2026-11-20',
    body: 'The tower, built in the 16th century, was sold with the 28th floor empty.',
    words: 'The tower',
    date: null,
  },
  {
    name: 'a weekday after "a" ("On a Tuesday evening last month, she found …") is no day: the month',
    published: '2026-11-20',
    body: 'On a Tuesday evening last month, she found a folder that anyone could open.',
    words: 'she found a folder',
    date: '2026-10',
    precision: 'month',
  },
  {
    name: 'an infinitive after a participle that projects it ("a letter telling them to get a PIN in January") lies nearest',
    published: '2026-11-19',
    body: "I'm thinking of sending everyone a letter telling them to get a PIN in January.",
    words: 'telling them',
    date: '2027-01',
    precision: 'month',
  },
  {
    name: 'a month that comes round every year ("each year starting in mid-January") is no date',
    published: '2026-11-20',
    body: 'The IRS issues new PINs each year starting in mid-January.',
    words: 'new PINs',
    date: null,
  },
];

describe('GIVEN a sentence and its reference date', () => {
  it.each(table)('$name THEN it resolves to $date', (row) => {
    const { events } = eventsOf(row.body, row.published);
    const hits = find(events, row.words);
    if (row.date === null) {
      expect(hits).toEqual([]);
      return;
    }
    const hit = hits.find((e) => e.date === row.date);
    expect(hit, `events: ${JSON.stringify(hits.map((e) => e.date))}`).toBeDefined();
    expect(hit?.precision).toBe(row.precision ?? 'day');
    if (row.until) expect(hit?.until).toBe(row.until);
    expect(hit?.background).toBe(row.background ?? false);
    // No second, wrong reading of the same sentence.
    expect(
      hits.filter((e) => !e.background).every((e) => e.date === row.date || (row.background ?? false)),
    ).toBe(true);
  });

  it('a live-blog entry stamped with its own date ("Update, March 7 — … on Friday") THEN its weekday counts from the stamp, and the stamp is no event', () => {
    const { events } = eventsOf(
      'Update, March 7 — The labor board said on Friday that it had set the election for April 10.',
      '2025-03-06',
    );
    expect(find(events, 'labor board').map((e) => e.date)).toEqual(['2025-03-07', '2025-04-10']);
  });
});

describe('GIVEN a document without a published date', () => {
  it('WHEN a weekday cue pins the year near "December 2021" THEN the reference is inferred and month-days take that year', () => {
    const body = [
      'Twelve planes landed on Friday, January 7, at the airport.',
      'Five days earlier, on January 2, demonstrators took the streets.',
      'The unrest followed the December 2021 visit of a senior envoy.',
    ].join('\n\n');
    const { references, events } = eventsOf(body, null);
    expect(references[0]).toMatchObject({ date: '2022-01-07', inferred: true, basis: 'mentions' });
    expect(find(events, 'demonstrators')[0]?.date).toBe('2022-01-02');
  });

  it('WHEN the reference is only the latest mentioned date THEN bare weekdays stay unresolved', () => {
    const body = [
      'Twelve planes landed on Friday, January 7, at the airport in 2022.',
      'Moscow said on Sunday it would make no concessions.',
    ].join('\n\n');
    const { events } = eventsOf(body, null);
    expect(find(events, 'concessions')).toEqual([]);
  });

  it('WHEN a dateline line carries the date THEN it is the reference, marked inferred', () => {
    const corpus = corpusOfTexts({
      doc: 'A headline about events\n\nPolice arrested the suspect on Monday in the capital.\n\nJanuary 9, 2022 | 7 Comments »\n',
    });
    const { references, events } = analyzeTime(corpus);
    expect(references[0]).toMatchObject({ date: '2022-01-09', inferred: true });
    expect(find(events, 'arrested')[0]?.date).toBe('2022-01-03');
  });
});

describe('GIVEN two documents reporting the same happening', () => {
  it('THEN they are merged into one event citing both, and a different happening on that day stays apart', () => {
    const corpus = corpusOfTexts(
      {
        a: 'First headline\n\nOn Friday, the president ordered his forces to shoot to kill protesters without warning.\n',
        b: 'Second headline\n\nThe president ordered security forces to shoot to kill on Friday, officials said.\n\nA storm closed schools on Friday in the north.\n',
      },
      { a: { published: '2022-01-08' }, b: { published: '2022-01-09' } },
    );
    const { events } = analyzeTime(corpus);
    const shoot = events.filter((e) => e.text.includes('shoot to kill'));
    expect(shoot).toHaveLength(1);
    expect(shoot[0]?.date).toBe('2022-01-07');
    expect(shoot[0]?.sources.map((s) => s.documentId).sort()).toEqual(['a', 'b']);
    expect(find(events, 'storm')[0]?.sources).toHaveLength(1);
  });
});

describe('GIVEN an opinion piece, a news report and a reader comment', () => {
  const body = (text: string) => `A headline about the vote\n\n${text}\n`;
  const corpus = corpusOfTexts(
    {
      news: body('The council will vote on the plan in November. The report should be published on Friday.'),
      column: body(
        'The council approved the plan in March. If it votes yes, residents should sign the petition and let the voters decide in November.',
      ),
    },
    { news: { published: '2024-05-15' }, column: { published: '2024-05-15', kind: 'opinion' } },
  );
  const events = analyzeTime(corpus).events;
  const sourcesOf = (words: string) => events.filter((e) => e.text.includes(words)).flatMap((e) => e.sources);

  it('THEN each source carries its kind, so a view is never shown as reported fact', () => {
    expect(sourcesOf('approved the plan').map((s) => s.kind)).toEqual(['opinion']);
    expect(sourcesOf('will vote').map((s) => s.kind)).toEqual(['news']);
  });

  it('WHEN the opinion advises what should happen at a date THEN that is no event; a report of what should happen still is', () => {
    expect(sourcesOf('residents should sign')).toEqual([]);
    expect(find(events, 'should be published').map((e) => e.date)).toEqual(['2024-05-17']);
  });
});

describe('GIVEN a wire story whose only date is its dateline ("RIVERTON, Ohio, May 16 (Reuters) -")', () => {
  const wire =
    'Unions rally for the arena\n\nRIVERTON, Ohio, May 16 (Reuters) - Workers rallied on Wednesday. Officials will meet on Friday.\n';
  it('WHEN other documents of the corpus are dated THEN the dateline takes the year nearest them and relative days resolve against it', () => {
    const corpus = corpusOfTexts(
      { wire, other: 'Council votes on the arena\n\nThe council voted on Tuesday.\n' },
      { wire: {}, other: { published: '2024-06-05' } },
    );
    const time = analyzeTime(corpus);
    expect(time.references.find((r) => r.documentId === 'wire')).toMatchObject({
      date: '2024-05-16',
      basis: 'dateline',
    });
    expect(find(time.events, 'rallied').map((e) => e.date)).toEqual(['2024-05-15']);
    expect(find(time.events, 'will meet').map((e) => e.date)).toEqual(['2024-05-17']);
    // The dateline's own date is when the story was filed, not an event.
    expect(time.events.filter((e) => e.date === '2024-05-16')).toEqual([]);
  });

  it('WHEN the dateline carries its year THEN that is the reference, with no other document needed', () => {
    const time = eventsOf('LONDON, Jan. 9, 2022 (Reuters) — Talks began on Monday.', null);
    expect(time.references[0]).toMatchObject({ date: '2022-01-09', basis: 'dateline' });
    expect(find(time.events, 'Talks began').map((e) => e.date)).toEqual(['2022-01-03']);
  });

  it('WHEN no other document is dated THEN a yearless dateline leaves the reference as the text gives it', () => {
    const time = analyzeTime(corpusOfTexts({ wire }));
    expect(time.references[0]?.basis).not.toBe('dateline');
  });
});

describe('GIVEN events on a day and a span of days starting that day, told in mixed order', () => {
  it('THEN the single days come before the span, so one day is one heading', () => {
    const { events } = eventsOf(
      'The union met the mediators on March 2.\n\nTalks between the two sides failed last week.\n\nThe commission published its first figures on March 2.',
      '2026-03-11',
    );
    const onSecond = events.filter((e) => e.date === '2026-03-02');
    expect(onSecond.map((e) => e.until ?? null)).toEqual([null, null, '2026-03-08']);
  });
});

describe('GIVEN a story that goes on counting from the last date across paragraphs', () => {
  it('THEN "Forty-eight hours later" and "the following day" at the start of later paragraphs count from it', () => {
    const { events } = eventsOf(
      'On 3 March, the recount began at the district hall.\n\nForty-eight hours later, the two sides met in court.\n\nThe ruling came the following day.',
      '2026-03-07',
    );
    expect(find(events, 'two sides met').map((e) => e.date)).toEqual(['2026-03-05']);
    expect(find(events, 'ruling came').map((e) => e.date)).toEqual(['2026-03-06']);
  });

  it('THEN a count from an event the text names ("two days after a committee approved …", "a day before the rally") or a figure of speech ("not a day later") is no date', () => {
    const { events } = eventsOf(
      'The committee met on May 13.\n\nThe rally came two days after a council committee approved the deal.\n\nUnion leaders met the mayor a day before the rally.\n\nThey want the count "the day after the vote, not a day later."',
      '2024-05-16',
    );
    expect(find(events, 'rally came')).toEqual([]);
    expect(find(events, 'Union leaders met')).toEqual([]);
    expect(find(events, 'not a day later')).toEqual([]);
  });
});

describe('GIVEN a timeline box and an analyst telling readers what to do', () => {
  it('THEN a box line stamped with its date ("March 18 – Halvorsen promises …") is an event on that date', () => {
    const { events } = eventsOf(
      'Timeline:\n\nMarch 3 – Nordhavn makes a first approach at 280 pence.\n\nMarch 18 – Halvorsen promises to keep every British plant open for three years.',
      '2026-03-20',
    );
    expect(find(events, 'promises to keep every British').map((e) => e.date)).toEqual(['2026-03-18']);
    expect(find(events, 'first approach').map((e) => e.date)).toEqual(['2026-03-03']);
  });

  it('THEN an opinion piece\'s imperative ("Take the 312 pence on offer today …") is advice, no event', () => {
    const corpus = corpusOfTexts(
      {
        note: 'Take the money and run\n\nTake the 312 pence on offer today rather than gamble on 330 pence tomorrow.\n',
      },
      { note: { published: '2026-03-20', kind: 'opinion' } },
    );
    expect(analyzeTime(corpus).events).toEqual([]);
  });
});

describe('GIVEN a day followed by "and" and a number that counts something', () => {
  it('THEN "on March 3 and 4 others" is one day, not a range', () => {
    const { events } = eventsOf(
      'Two men were arrested on March 3 and 4 others fled across the border.',
      '2026-03-10',
    );
    const hit = find(events, 'arrested')[0];
    expect(hit?.date).toBe('2026-03-03');
    expect(hit?.until).toBeUndefined();
  });
});

describe('GIVEN a passive whose participle the tagger reads as an adjective ("was pencilled in for August")', () => {
  it('THEN the sentence reports something and its date is an event', () => {
    const events = eventsOf(
      "- Helix's next commercial launch was pencilled in for August.",
      '2026-06-19',
    ).events;
    expect(find(events, 'pencilled').map((e) => e.date)).toEqual(['2026-08']);
  });
});

describe('GIVEN months followed by "of that year" after a sentence naming a year', () => {
  it('THEN both months lie in that year, and a later bare month still reads from the reference', () => {
    const { events } = eventsOf(
      'The library was closed in 2019. I wrote to the council twice, in March and again in June of that year. The council replied in May.',
      '2022-11-08',
    );
    const dates = (words: string) => find(events, words).map((e) => `${e.date}/${e.precision}`);
    expect(dates('I wrote to the council').sort()).toEqual(['2019-03/month', '2019-06/month']);
    expect(dates('The council replied')).toEqual(['2022-05/month']);
  });
});

describe('GIVEN a narrative that names a month by "that" or "the following" after an earlier date', () => {
  it('THEN "that July" lies in the year of the last date given (a scene-setting one too) and "the following February" after it', () => {
    const { events } = eventsOf(
      [
        'Last week the court ruled against her.',
        'The council voted on it two years earlier, by which time Whitcomb had been elected mayor. It took effect that July.',
        'The owners sued a few weeks later. The following February, a district judge upheld the ordinance.',
      ].join('\n\n'),
      '2026-11-15',
    );
    const dates = (words: string) => find(events, words).map((e) => `${e.date}/${e.precision}`);
    expect(dates('took effect')).toEqual(['2024-07/month']);
    expect(dates('district judge upheld')).toEqual(['2025-02/month']);
  });

  it('THEN "that July" with no date before it is no date, and "said that July was" is a month read from the reference', () => {
    const { events } = eventsOf(
      'It took effect that July. He said that July was the wettest month on record.',
      '2026-11-15',
    );
    expect(find(events, 'took effect')).toEqual([]);
    expect(find(events, 'wettest').map((e) => e.date)).toEqual(['2026-07']);
  });
});

describe('GIVEN a deadline', () => {
  it('THEN "is due Dec. 8" and "is due on the 8th of next month" are events on that day', () => {
    const { events } = eventsOf(
      'The petition is due Dec. 8. The reply is due on the 8th of next month.',
      '2026-11-15',
    );
    expect(find(events, 'petition is due').map((e) => e.date)).toEqual(['2026-12-08']);
    expect(find(events, 'reply is due').map((e) => e.date)).toEqual(['2026-12-08']);
  });
});

describe('GIVEN a weekday owning a noun ("Tuesday\'s ruling")', () => {
  it('THEN in a present-tense clause it is the nearest such day, and a future clause still reads ahead', () => {
    // 2026-11-12 is a Thursday.
    const { events } = eventsOf(
      "If the council treats Tuesday's ruling as a victory lap, it will have confused a lawsuit with a plan. The council will meet again before Monday's deadline.",
      '2026-11-12',
    );
    expect(find(events, 'victory lap').map((e) => e.date)).toEqual(['2026-11-10']);
    expect(find(events, 'meet again').map((e) => e.date)).toEqual(['2026-11-16']);
  });
});

describe('GIVEN public holidays named in the text', () => {
  it('THEN a fixed one and one counted by weekday are days on the side the tense says; another calendar\'s ("the Orthodox Christmas") and one naming a noun ("Christmas shopping") are none', () => {
    const { events } = eventsOf(
      [
        'Every hotel room in town was full on Labor Day and people were turned away.',
        'Does anyone know if they are going to plow Aspen Way before Thanksgiving?',
        'The shop reopened on New Year’s Day 2025 after the fire.',
        'The gift arrived for the Orthodox Christmas, celebrated on January 7.',
        'Christmas shopping started early in the mall.',
      ].join('\n\n'),
      '2026-11-10',
    );
    const dates = (words: string) => find(events, words).map((e) => e.date);
    expect(dates('hotel room')).toEqual(['2026-09-07']);
    expect(dates('plow Aspen Way')).toEqual(['2026-11-26']);
    expect(dates('reopened')).toEqual(['2025-01-01']);
    expect(dates('gift arrived').filter((d) => d.endsWith('-12-25'))).toEqual([]);
    expect(dates('Christmas shopping')).toEqual([]);
  });
});

describe('GIVEN a thread whose posts each carry their own date', () => {
  const timeOf = (lines: readonly string[]) =>
    analyzeTime(corpusOfTexts({ doc: `Bridge closure thread\n\n${lines.join('\n\n')}\n` }));

  it('WHEN a post under its date line ("Marta K. • March 5, 2025") says "yesterday" THEN the day before that post, not before the page', () => {
    const { events } = timeOf([
      'Posted by harbourwatcher on March 2, 2025',
      'The bridge was closed today after engineers found cracks.',
      'Marta K. • March 5, 2025',
      'Went past yesterday, still shut and no workers in sight.',
      'Petr Holub • March 9, 2025',
      'They reopened one lane yesterday evening.',
    ]);
    expect(find(events, 'closed today').map((e) => e.date)).toEqual(['2025-03-02']);
    expect(find(events, 'Went past').map((e) => e.date)).toEqual(['2025-03-04']);
    expect(find(events, 'reopened one lane').map((e) => e.date)).toEqual(['2025-03-08']);
  });

  it('WHEN a reader comment is dated only by its header ("Jane Doe says:" over "March 8, 2025 at 10:12 am") THEN its "yesterday" is the day before that', () => {
    const { events } = timeOf([
      'Published March 2, 2025',
      'The Harbour Bridge was closed on Saturday after engineers found cracks in a support beam.',
      '12 Comments',
      'Jane Doe says:',
      'March 8, 2025 at 10:12 am',
      'I drove past it yesterday and the barriers were already gone.',
      'Tom Reid says:',
      'March 10, 2025 at 9:02 pm',
      'The ferry was packed yesterday morning, nobody from the council was there.',
    ]);
    expect(find(events, 'drove past').map((e) => [e.date, e.comment])).toEqual([['2025-03-07', 1]]);
    expect(find(events, 'ferry was packed').map((e) => [e.date, e.comment])).toEqual([['2025-03-09', 2]]);
  });
});
