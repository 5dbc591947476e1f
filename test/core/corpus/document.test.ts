import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { doc, SEEDS, seedAnalysis } from '../../helpers/corpus.js';
import type { CorpusDocument, Paragraph } from '../../../src/core/corpus/types.js';

const roles = (d: CorpusDocument) => [...d.other, ...d.captions].map((p) => [p.role, p.text.slice(0, 40)]);

describe('GIVEN each seed document', () => {
  // One row a seed: what a reader of the page would count.
  const table = [
    {
      id: '000_abef459d8b449977',
      body: 33,
      captions: 0,
      comments: 0,
      firstBody: 'Every week brings new evidence',
      boilerplate: ['Leave a Comment'],
    },
    {
      id: '001_bfa0798cb1b066b3',
      body: 13,
      captions: 0,
      comments: 0,
      firstBody: 'The about 100,000 Russian troops',
      boilerplate: ['Give a Comment'],
    },
    {
      id: '002_eba45ebe7d5b167d',
      body: 29,
      captions: 2,
      comments: 7,
      firstBody: 'WASHINGTON (AP)',
      boilerplate: ['Subscribe to Israpundit Daily Digest', 'Leave a Reply'],
    },
    {
      id: '003_288f76d67bc71bf5',
      body: 37,
      captions: 3,
      comments: 0,
      firstBody: 'Russia’s top envoy',
      boilerplate: [],
    },
    {
      id: '004_7a03a6fd2fdc04b8',
      body: 11,
      captions: 0,
      comments: 0,
      firstBody: 'From Russian President Vladimir Putin',
      boilerplate: ['Bloomberg'],
    },
  ];
  it.each(table)('$id THEN body, captions, boilerplate and comments are told apart', async (row) => {
    const { corpus } = await seedAnalysis();
    const d = corpus.byId.get(row.id) as CorpusDocument;
    expect(d.body).toHaveLength(row.body);
    expect(d.captions).toHaveLength(row.captions);
    expect(d.comments).toHaveLength(row.comments);
    expect(d.body[0]?.text.startsWith(row.firstBody)).toBe(true);
    for (const b of row.boilerplate)
      expect(d.other.some((p) => p.role === 'boilerplate' && p.text === b)).toBe(true);
    for (const b of row.boilerplate) expect(d.body.some((p) => p.text === b)).toBe(false);
  });

  it('THEN every paragraph and sentence is a verbatim slice at its offsets', async () => {
    const { corpus } = await seedAnalysis();
    for (const d of corpus.documents) {
      const all: Paragraph[] = [
        ...d.body,
        ...d.captions,
        ...d.other,
        ...d.comments.flatMap((c) => c.paragraphs),
      ];
      for (const p of all) {
        expect(d.text.slice(p.start, p.end)).toBe(p.text);
        for (const s of p.sentences) {
          expect(d.text.slice(s.start, s.end)).toBe(s.text);
          for (const t of s.tokens) expect(d.text.slice(t.start, t.end)).toBe(t.text);
        }
      }
    }
  });

  it('THEN read without the manifest, each is the kind its manifest gives (two columns carry no Opinion: label)', () => {
    const manifest = JSON.parse(readFileSync(join(SEEDS, 'manifest.json'), 'utf8')) as {
      documents: { file: string; kind: string }[];
    };
    const inferred = manifest.documents.map((m) => doc(readFileSync(join(SEEDS, m.file), 'utf8')).meta.kind);
    expect(inferred).toEqual(manifest.documents.map((m) => m.kind));
    expect(inferred).toEqual(['opinion', 'opinion', 'news', 'news', 'opinion']);
  });

  it('THEN photo captions, credits and tag lines of 003 are not body paragraphs', async () => {
    const { corpus } = await seedAnalysis();
    const d = corpus.byId.get('003_288f76d67bc71bf5') as CorpusDocument;
    expect(d.body.some((p) => p.text.startsWith('A burned-down administrative building'))).toBe(false);
    expect(d.captions.some((p) => p.text.startsWith('A burned-down administrative building'))).toBe(true);
    expect(d.other.filter((p) => p.role === 'credit').map((p) => p.text)).toContain(
      'Alexander Bogdanov/AFP/Getty Images',
    );
    expect(d.other.filter((p) => p.role === 'tags')).toHaveLength(2);
  });

  it('THEN the reader thread of 002 keeps its numbers, reply mentions and quoted-comment links', async () => {
    const { corpus } = await seedAnalysis();
    const d = corpus.byId.get('002_eba45ebe7d5b167d') as CorpusDocument;
    expect(d.comments.map((c) => c.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(d.comments.map((c) => c.replyTo)).toEqual([
      'Reader',
      'Will James',
      'Will James',
      null,
      null,
      null,
      null,
    ]);
    // 2 quotes "I worry" from 7; 3 quotes 4's first sentence; 1 quotes 2.
    expect(d.comments.map((c) => c.replyToComment)).toEqual([2, 7, 4, null, null, null, null]);
    expect(d.comments[6]?.paragraphs[0]?.text).toBe(
      'I worry that the world will long remember how quickly the USSR managed to reassemble itself during the brief Biden era.',
    );
    expect(d.comments[0]?.paragraphs[0]?.text.startsWith('@Reader')).toBe(true);
    // The comment section's furniture is not part of any comment or of the body.
    expect(d.body.some((p) => /Comments/.test(p.text))).toBe(false);
  });
});

describe('GIVEN hard layout cases written for the parser', () => {
  const cases: { name: string; text: string; expect: (d: CorpusDocument) => void }[] = [
    {
      name: 'a byline line above the title',
      text: 'Jane Example\n\nCity Council Votes to Close the Old Bridge\n\nThe council voted 7-2 on Tuesday to close the bridge.\n\nResidents objected.',
      expect: (d) => {
        expect(d.meta.title).toBe('City Council Votes to Close the Old Bridge');
        expect(d.meta.author).toBe('Jane Example');
        expect(d.body).toHaveLength(2);
      },
    },
    {
      name: 'hard-wrapped paragraphs are joined',
      text: 'A Title\n\nThe committee met on Monday to discuss the budget and agreed\nto postpone the decision until the spring session of the year.\n\nSecond paragraph here.',
      expect: (d) => {
        expect(d.body).toHaveLength(2);
        expect(d.body[0]?.sentences).toHaveLength(1);
      },
    },
    {
      name: 'a caption carrying its own credit, then a credit line after another caption',
      text: 'Storm Hits Coast\n\nFlooded streets in the harbour district, March 3, 2023. (Jane Roe/AP Photo via AP)\n\nThe storm hit the coast on Friday.\n\nRescue boats on the river.\nJohn Smith/Reuters\n\nOfficials said repairs would take weeks.',
      expect: (d) => {
        expect(d.captions.map((c) => c.text.slice(0, 15))).toEqual(['Flooded streets', 'Rescue boats on']);
        expect(d.body.map((b) => b.text.slice(0, 10))).toEqual(['The storm ', 'Officials ']);
        expect(d.other.some((p) => p.role === 'credit' && p.text === 'John Smith/Reuters')).toBe(true);
      },
    },
    {
      name: 'a dateline gives the publication date, marked as inferred',
      text: 'Port Reopens\n\nMarch 4, 2023 | 2 Comments\n\nThe port reopened on Thursday after the storm.',
      expect: (d) => {
        expect(d.meta.published).toBe('2023-03-04');
        expect(d.meta.publishedInferred).toBe(true);
      },
    },
    {
      name: 'an Opinion: label makes an opinion piece, a wire dateline names the agency',
      text: 'Opinion: The Bridge Should Stay Open\n\nI think the council is wrong.',
      expect: (d) => expect(d.meta.kind).toBe('opinion'),
    },
    {
      name: 'a column without an Opinion: label (few attributions, the writer asking and urging) is an opinion piece',
      text: `The Bridge Deal Is a Mistake\n\nThe council's vote on the bridge tolls last week was the wrong answer to a real problem.\n\nTolls fall hardest on the workers who cross twice a day, and the city knows it.\n\nWhy should a nurse pay more to reach the hospital than a tourist pays to see the river?\n\nThe money could come from the parking levy the council shelved in 2019.\n\nInstead, the plan locks in tolls for thirty years with no review.\n\nThe mayor, to her credit, said the tolls were a last resort.\n\nThe council must reopen the vote before the contract is signed.`,
      expect: (d) => expect(d.meta.kind).toBe('opinion'),
    },
    {
      name: 'a report attributing most paragraphs stays news even when its sources urge and ask',
      text: `Council Approves Bridge Tolls\n\nThe city council voted 7-2 on Tuesday to charge tolls on the Harbour Bridge.\n\nThe mayor said the tolls were a last resort to pay for repairs.\n\nOpponents said the tolls should be dropped and asked why nurses must pay.\n\nThe toll will be $2 for cars, according to the city's transport office.\n\nWork on the deck starts in May, a spokeswoman for the contractor said.\n\nCouncillor Dan Ruiz told reporters he would seek a review in 2027.`,
      expect: (d) => expect(d.meta.kind).toBe('news'),
    },
    {
      name: 'an explainer with few attributions but no argument of its own stays news',
      text: `What the Bridge Tolls Mean for Drivers\n\nThe Harbour Bridge opened in 1962 and carries 40,000 cars a day.\n\nTolls will be $2 for cars and $5 for trucks from July.\n\nDrivers can pay with a tag or by plate, with a fee for plate billing.\n\nResidents of the two riverside districts get a discount of half.\n\nThe money pays for the deck repairs, planned to last four years.`,
      expect: (d) => expect(d.meta.kind).toBe('news'),
    },
    {
      name: 'a press release whose title does not say so ("FOR IMMEDIATE RELEASE", "Notes to editors") is a statement',
      text: `Operators table final offer to dock workers

FOR IMMEDIATE RELEASE

2025-06-12

We tabled our final offer yesterday afternoon. It includes a 14% wage increase over four years.

"Our offer protects every current job at this port," said Rachel Ng, spokesperson for the association.

Notes to editors

The association represents 14 terminal operators.`,
      expect: (d) => expect(d.meta.kind).toBe('statement'),
    },
    {
      name: 'a dotted date line ("Updated 12.06.2025 07:05") is read day first, and a last line "Published June 11, 2025" is the publication date',
      text: `Farmers count the cost of the port strike

By Colin Reyes | The Western Ledger

Updated 12.06.2025 07:05

Wheat growers say the strike has already cost them buyers.

The council will ask the government on Thursday to declare grain an essential service.

Canola prices fell for a third day on Wednesday.

The union offered on Tuesday to keep the grain terminal working.

The employers turned the offer down within an hour.

Published June 11, 2025`,
      expect: (d) => {
        expect(d.meta.published).toBe('2025-06-11');
        expect(d.body.map((p) => p.text)).not.toContain('Published June 11, 2025');
      },
    },
    {
      name: 'a dotted date line alone gives the date, day first',
      text: 'Farmers count the cost of the port strike\n\nUpdated 12.06.2025 07:05\n\nWheat growers say the strike has already cost them buyers.',
      expect: (d) => expect(d.meta.published).toBe('2025-06-12'),
    },
    {
      name: 'a wire story\'s credit line ("(Reporting by …; Editing by …)") is not body',
      text: 'Port strike halts cargo\n\nVANCOUVER (Reuters) - Dock workers walked off the job on Friday.\n\nThe port handled C$150 billion in cargo last year.\n\n(Reporting by Julia Marchetti in Vancouver; Editing by Diane Craft)',
      expect: (d) => {
        expect(d.body.map((p) => p.text.slice(0, 12))).toEqual(['VANCOUVER (R', 'The port han']);
        expect(d.other.some((p) => p.role === 'boilerplate' && p.text.startsWith('(Reporting by'))).toBe(
          true,
        );
      },
    },
    {
      name: "a British report quoting in single marks ('…,' said Dr Mensah) stays news: the first person and questions inside the quotations are the speakers'",
      text: `Unvaccinated pupils to be kept out of schools as measles cases rise

Children who have not had the MMR jab will be kept out of three primary schools for 21 days, the council said on Monday.

'I know this is hard for families, but my job is to stop this outbreak,' said Dr Amara Mensah, the director of public health. 'What else should we do?'

Lewis Barton, who chairs a parents' group, said: 'My son is healthy. Why should he be punished? I don't accept it.'

The council said 14 cases had been confirmed since October.

'We have run out of softer options,' Mensah said. 'Parents must act now.'

A spokesperson for the schools said they would set work for pupils at home.`,
      expect: (d) => expect(d.meta.kind).toBe('news'),
    },
    {
      name: 'an embargo line, the issuer\'s name and an "Issued:" line above a release\'s headline are not its title',
      text: 'EMBARGOED UNTIL 00:01 GMT TUESDAY 10 NOVEMBER 2026\n\nUniversity of Wrexbury | News and Press Office\n\nIssued: 2026-11-09\n\nSchool exclusion during measles outbreaks raises vaccine uptake, study finds\n\nExcluding unvaccinated pupils raised uptake by 23 points, researchers found.\n\nNotes to editors\n\nThe study is published in the journal Vaccine.',
      expect: (d) => {
        expect(d.meta.title).toBe(
          'School exclusion during measles outbreaks raises vaccine uptake, study finds',
        );
        expect(d.meta.outlet).toBe('University of Wrexbury');
        expect(d.meta.kind).toBe('statement');
      },
    },
    {
      name: 'a station\'s name above the headline is the outlet; a one-line headline that merely ends in "Record" stays the title',
      text: 'WRX News 6\n\nParents protest outside council house as exclusions enter second day\n\nPosted: Nov 12, 2026 6:05 PM\n\nAbout 40 parents gathered outside the council house on Thursday.',
      expect: (d) => {
        expect(d.meta.title).toBe('Parents protest outside council house as exclusions enter second day');
        expect(d.meta.outlet).toBe('WRX News 6');
        expect(
          doc('Council Breaks Record\n\nThe council approved its largest budget on Tuesday.').meta.title,
        ).toBe('Council Breaks Record');
      },
    },
    {
      name: 'a forum page: the forum\'s name and "Posted by" over the post\'s title, comments under "u/name · 4 hr. ago" headers with "level 1" and "Reply"/"Share" lines',
      text: 'r/Wrexbury\n\nPosted by u/brookfield_dad · 3 days ago\n\nCouncil excluding unvaccinated kids for 21 days. Fair or overreach?\n\nMy daughter is at Brookfield. I get why they are doing it but 21 days is a long time.\n\n142 comments\n\nu/hollins_mum · 5h\n\nIt is not overreach. My niece is too young for the jab.\n\nReply\nShare\n\n    level 2\n    u/citizen_kestrel · 4 hr. ago\n\n    The incubation period is about 10 to 12 days.\n\n    Reply\n    Share\n\n[deleted] · 2h\n\nThis is all a plot.',
      expect: (d) => {
        expect(d.meta.title).toBe('Council excluding unvaccinated kids for 21 days. Fair or overreach?');
        expect(d.meta.author).toBe('u/brookfield_dad');
        expect(d.comments.map((c) => [c.index, c.author, c.replyToComment])).toEqual([
          [1, 'u/hollins_mum', null],
          [2, 'u/citizen_kestrel', 1],
          [3, '[deleted]', null],
        ]);
        expect(d.comments[1]?.paragraphs.map((p) => p.text)).toEqual([
          'The incubation period is about 10 to 12 days.',
        ]);
      },
    },
    {
      name: 'a Markdown press release whose marks are bold ("**FOR IMMEDIATE RELEASE**", "**Media contact:** …") is a statement',
      text: `# Study finds the rental cap returned homes to residents

**FOR IMMEDIATE RELEASE**

October 6, 2026

A limit on vacation rentals moved about 1,100 homes into long-term use, according to a study by economists at the university.

"We looked at whether the water was running in February," said Maya Okafor, who led the study.

**Media contact:** Elena Brandt, Office of Communications`,
      expect: (d) => expect(d.meta.kind).toBe('statement'),
    },
    {
      name: 'comments with vote lines under each ("▲ 31 ▼ • Reply", "12 ▲ | 2 ▼"): the lines are page furniture, not words of the comment',
      text: 'Comments: Council approves rental cap\n\nThe Lakemont Sentinel\n\nNovember 10, 2026\n\n3 Comments | Sort by Newest\n\nskibum_dad • 3 hours ago\nFinally some sanity. The cap got my daughter an apartment.\n▲ 31 ▼ • Reply\n\n    cabin_owner • 2 hours ago\n    You are blaming a supply problem on me.\n    12 ▲ | 2 ▼\n\nhiker • 30 minutes ago\nVisitors keep this town going.\n▲ 8 ▼ • Reply',
      expect: (d) => {
        expect(d.comments.map((c) => c.author)).toEqual(['skibum_dad', 'cabin_owner', 'hiker']);
        expect(d.comments.map((c) => c.paragraphs.map((p) => p.text).join(' / '))).toEqual([
          'Finally some sanity. The cap got my daughter an apartment.',
          'You are blaming a supply problem on me.',
          'Visitors keep this town going.',
        ]);
      },
    },
    {
      name: 'a live page "Edited by Sam Irving" under a "Live Reporting" line names its editor as the author',
      text: 'Measles outbreak: schools exclude unvaccinated pupils\n\nLive Reporting\n\nEdited by Sam Irving\n\nWednesday, 11 November 2026\n\n16:05\n\nThe council says 61 children were vaccinated at the clinic today.',
      expect: (d) => expect(d.meta.author).toBe('Sam Irving'),
    },
    {
      name: 'a byline without "By" giving the writer\'s beat ("Rachel Hume Health correspondent") names the writer',
      text: 'Pupils to be kept out of schools as cases rise\n\nRachel Hume Health correspondent\n\nMon 9 Nov 2026 18.42 GMT\n\nChildren who have not had the jab will be kept out of three schools.',
      expect: (d) => expect(d.meta.author).toBe('Rachel Hume'),
    },
    {
      name: 'a note about the writer opening an op-ed with no byline ("*Dr Eleanor Voss is a GP in Wrexbury …*") names the writer and is not the argument',
      text: "Sending children home won't end this outbreak\n\n*Dr Eleanor Voss is a GP in Wrexbury and a member of her college's council.*\n\nI have given more jabs this week than in any week since I qualified.\n\nThe exclusion policy is aimed at the wrong families.\n\nThe council should fund health visitors instead.",
      expect: (d) => {
        expect(d.meta.author).toBe('Eleanor Voss');
        expect(d.body[0]?.text.startsWith('I have given')).toBe(true);
      },
    },
    {
      name: 'a wire slug and the editor\'s line under the headline ("UPDATE 2-…", "(Adds analyst comment)") are not the title; an editor\'s note, a newsletter footer and a disclaimer are not body',
      text: "UPDATE 2-Ashcombe shares jump as Nordhavn lifts bid\n(Adds analyst comment, share moves)\n\nBy Clara Whitfield\n\nEditor's note: An earlier version of this story gave the wrong value.\n\nShares in Ashcombe rose 4.2% on Tuesday.\n\nDisclaimer: This note is for information only and is not investment advice.\n\nYou are receiving this because you subscribed to The Deal Desk.",
      expect: (d) => {
        expect(d.meta.title).toBe('Ashcombe shares jump as Nordhavn lifts bid');
        expect(d.body.map((p) => p.text)).toEqual(['Shares in Ashcombe rose 4.2% on Tuesday.']);
      },
    },
    {
      name: 'a wire dateline names the outlet',
      text: 'Port Reopens\n\nROTTERDAM (AP) — The port reopened on Thursday.',
      expect: (d) => {
        expect(d.meta.outlet).toBe('Associated Press');
        expect(d.meta.kind).toBe('news');
      },
    },
    {
      name: 'a wire dateline with a state and a date before the agency names the outlet',
      text: 'Port Reopens\n\nROTTERDAM, South Holland, March 4 (Reuters) - The port reopened on Thursday.',
      expect: (d) => expect(d.meta.outlet).toBe('Reuters'),
    },
    {
      name: 'a two-word headline over a byline naming the outlet after a bar',
      text: 'Port Reopens\n\nBy Ann Lee | Harbour Ledger\n\nThe port reopened on Thursday after the storm.',
      expect: (d) => {
        expect(d.meta.title).toBe('Port Reopens');
        expect(d.meta.outlet).toBe('Harbour Ledger');
        expect(d.meta.author).toBe('Ann Lee');
      },
    },
    {
      name: 'the note about the writer that ends an opinion piece is not part of its body',
      text: 'Opinion: The city cannot afford the arena\n\nBy Gregory Hale\n\nI was a reporter here in 1983.\n\nThe mayor says the arena will pay for itself. It will not.\n\nThe council should vote no.\n\nGregory Hale is a retired reporter and a former editor of the Ledger.',
      expect: (d) => {
        expect(d.body.map((p) => p.text)).not.toContain(
          'Gregory Hale is a retired reporter and a former editor of the Ledger.',
        );
        expect(d.other.find((p) => p.text.startsWith('Gregory Hale is'))?.role).toBe('boilerplate');
      },
    },
    {
      name: 'a last paragraph about someone else than the writer stays in the body',
      text: 'Opinion: The city cannot afford the arena\n\nBy Gregory Hale\n\nI was a reporter here in 1983.\n\nThe mayor says the arena will pay for itself.\n\nThe council should vote no.\n\nMarcus Bell is a former union organizer who has led the opposition.',
      expect: (d) => expect(d.body.at(-1)?.text).toContain('Marcus Bell is a former union organizer'),
    },
    {
      name: 'a British date line, day before month, under a byline without "By"',
      text: 'Heart drug recalled after tests find impurity\n\nRachel Pemberton Health correspondent\n\nUpdated 14:32 GMT, Tue 3 Sep 2024\n\nThe regulator ordered the recall on Tuesday.',
      expect: (d) => {
        expect(d.meta.published).toBe('2024-09-03');
        expect(d.body.map((p) => p.text)).toEqual(['The regulator ordered the recall on Tuesday.']);
      },
    },
    {
      name: "a writer's note right under the byline, then the date line",
      text: 'Analysis: The recall shows the system works too slowly\n\nBy Prof Zoë Hartmann\n\nProf Zoë Hartmann is a professor of pharmacology at the University of Edinburgh.\n\nFriday 6 September 2024\n\nI have studied drug recalls for twenty years.\n\nThis one was slow.\n\nThe agency must move faster.',
      expect: (d) => {
        expect(d.meta.published).toBe('2024-09-06');
        expect(d.body[0]?.text).toBe('I have studied drug recalls for twenty years.');
      },
    },
    {
      name: "a press release's footer (Ends, Notes to editors, About …) is not body",
      text: 'Press release: Halden Pharma responds to the recall\n\n3 September 2024\n\nHalden Pharma will cooperate fully with the regulator.\n\nProduction will resume in the coming weeks.\n\nAbout Halden Pharma\n\nHalden Pharma is a British manufacturer of generic medicines.\n\nEnds',
      expect: (d) => {
        expect(d.body.map((p) => p.text)).toEqual([
          'Halden Pharma will cooperate fully with the regulator.',
          'Production will resume in the coming weeks.',
        ]);
      },
    },
    {
      name: 'a reply to a user name is that one word, not the words after it',
      text: 'Title Here\n\nBody paragraph one.\n\nBody paragraph two.\n\nBody three.\n\n3 Comments\n\n  1. @LindaB Exactly the same happened to me.\n\n  2. @Realist88 My mother waited two hours.\n\n  3. @Marge K You are right.',
      expect: (d) => expect(d.comments.map((c) => c.replyTo)).toEqual(['LindaB', 'Realist88', 'Marge K']),
    },
    {
      name: 'an outlet on its own line under the byline',
      text: 'Patients describe confusion at pharmacies\n\nBy Tom Whitfield\n\nBBC News\n\n7 September 2024\n\nPatients described long queues on Tuesday.',
      expect: (d) => {
        expect(d.meta.outlet).toBe('BBC News');
        expect(d.meta.author).toBe('Tom Whitfield');
        expect(d.meta.published).toBe('2024-09-07');
        expect(d.body.map((p) => p.text)).toEqual(['Patients described long queues on Tuesday.']);
      },
    },
    {
      name: 'a Markdown article: "# Title", a bold byline naming the outlet, an italic date line, a "## heading"',
      text: '# Tech giant cuts 4,000 jobs as union drive grows\n\n**By Maria Chen | Valley Tribune**\n\n*Published March 3, 2025*\n\nThe company announced on Monday that it would cut 4,000 jobs.\n\n## Union responds\n\nThe union said the cuts were a punishment.',
      expect: (d) => {
        expect(d.meta.title).toBe('Tech giant cuts 4,000 jobs as union drive grows');
        expect(d.meta.author).toBe('Maria Chen');
        expect(d.meta.outlet).toBe('Valley Tribune');
        expect(d.meta.published).toBe('2025-03-03');
        expect(d.body.map((p) => p.text)).toEqual([
          'The company announced on Monday that it would cut 4,000 jobs.',
          'The union said the cuts were a punishment.',
        ]);
      },
    },
    {
      name: 'advice opening on a site\'s call-to-action words ("**Sign up for the monitoring.** …") is a paragraph; the short line is furniture',
      text: '# What customers should do\n\nThe company was breached last month.\n\n**Freeze your credit.** A freeze at each of the three credit bureaus stops anyone from opening new credit in your name.\n\n**Sign up for the monitoring.** The company is offering three years of free credit monitoring; the deadline to enroll is Feb. 28, 2027. Look for the enrollment code in its email, and be wary of look-alike emails.\n\nSign up for our newsletter',
      expect: (d) => {
        expect(d.body.map((p) => p.text.slice(0, 20))).toEqual([
          'The company was brea',
          '**Freeze your credit',
          '**Sign up for the mo',
        ]);
        expect(roles(d)).toContainEqual(['boilerplate', 'Sign up for our newsletter']);
      },
    },
    {
      name: 'an explainer\'s Markdown headings that are questions ("## What should I do?") are headings, not paragraphs in the writer\'s voice',
      text: '# The breach: what customers need to know\n\n*By Priya Menon*\n\n*November 20, 2026*\n\nAbout 4.1 million people have been told their information was exposed.\n\n## What happened?\n\nA folder of customer files was left open from Sept. 2 until Oct. 29.\n\n## Has my data been misused?\n\nThe company says it has found no evidence of misuse.\n\n## What should I do?\n\nA freeze at each of the three credit bureaus stops anyone from opening new credit in your name.\n\n## Can I sue?\n\nSeveral class-action lawsuits have been filed.',
      expect: (d) => {
        expect(d.body.map((p) => p.text.slice(0, 12))).toEqual([
          'About 4.1 mi',
          'A folder of ',
          'The company ',
          'A freeze at ',
          'Several clas',
        ]);
        expect(d.meta.kind).toBe('news');
      },
    },
    {
      name: "a letters page: each letter under its headline, signed by a name line over a town line, is a reader's own under that name",
      text: "Letters to the editor: who should pay for the breach\n\nTwin Cities Ledger\nSunday, Nov. 22, 2026\n\nNineteen days is too long\n\nI am one of the 4.1 million. I found out from a news alert.\n\nThe company knew on Oct. 28.\n\nJanet Okonkwo\nBloomington\n\nDon't punish the messenger\n\nMisconfigured storage is the most common mistake in the industry.\n\nRebecca Sandvik, CPA\nDuluth, Minn.\n\nThree years of monitoring is not enough.\n\nLuis Fernández\nSt. Paul",
      expect: (d) => {
        expect(d.body).toEqual([]);
        expect(
          d.comments.map((c) => [c.index, c.author, c.paragraphs.map((p) => p.text.slice(0, 24))]),
        ).toEqual([
          [1, 'Janet Okonkwo', ['I am one of the 4.1 mill', 'The company knew on Oct.']],
          [2, 'Rebecca Sandvik', ['Misconfigured storage is']],
          [3, 'Luis Fernández', ['Three years of monitorin']],
        ]);
      },
    },
    {
      name: 'a story ending on one name line over a town line is no letters page',
      text: 'Council closes bridge\n\nThe council voted on Tuesday to close the bridge.\n\nResidents objected.\n\nJanet Okonkwo\nBloomington',
      expect: (d) => {
        expect(d.comments).toEqual([]);
        expect(d.body.map((p) => p.text)).toEqual([
          'The council voted on Tuesday to close the bridge.',
          'Residents objected.',
        ]);
      },
    },
    {
      name: 'a forum thread: "Re: <subject>" over each post\'s user and "11-19-2026, 09:40 AM" lines, replies opening on "Quote from X:" and X\'s words',
      text: 'Tax Forum > General > Are you telling clients to get PINs?\n\nThread: Are you telling clients to get PINs?\n\nStarted by ann_ea, 11-19-2026, 08:12 AM\n18 replies\n\nann_ea\n11-19-2026, 08:12 AM\n\nHalf my clients used the service. Overkill, or the minimum?\n\nRe: Are you telling clients to get PINs?\nmarlene_cpa\n11-19-2026, 09:40 AM\n\nMinimum. Two of my clients had returns rejected last season.\n\nRe: Are you telling clients to get PINs?\nnorth_tax\n11-19-2026, 10:05 AM\n\nQuote from ann_ea:\nOverkill, or the minimum?\n\nQuote from marlene_cpa:\nMinimum. Two of my clients had returns rejected last season.\n\nSame here. The bigger issue is the 19 days.\n\nRe: Are you telling clients to get PINs?\ngopher\n11-19-2026, 11:31 AM\n\n> The bigger issue is the 19 days.\n\nNineteen days to scope a breach is not crazy.',
      expect: (d) => {
        expect(d.meta.published).toBe('2026-11-19');
        expect(d.comments.map((c) => [c.index, c.author, c.replyTo, c.replyToComment])).toEqual([
          [1, 'ann_ea', null, null],
          [2, 'marlene_cpa', null, null],
          [3, 'north_tax', 'marlene_cpa', 2],
          [4, 'gopher', null, 3],
        ]);
        // The subject lines and the quoted words are not the posts' own.
        expect(d.comments.map((c) => c.paragraphs.map((p) => p.text))).toEqual([
          ['Half my clients used the service. Overkill, or the minimum?'],
          ['Minimum. Two of my clients had returns rejected last season.'],
          ['Same here. The bigger issue is the 19 days.'],
          ['Nineteen days to scope a breach is not crazy.'],
        ]);
      },
    },
    {
      name: 'comments under "Name says:" headers with a date line, and "Reply to Name" links',
      text: 'Opinion: A union will not save the engineers\n\nBy Greg Lind\n\nThe organizers argue that a union would help.\n\nIt would not.\n\nWorkers should vote no.\n\n3 Comments\n\nJane Doe says:\nMarch 8, 2025 at 10:12 am\nThe union is the only reason they paused the layoffs.\n\nReply to Jane Doe\nMark Feeney says:\nMarch 8, 2025 at 11:03 am\nThe pause was a PR move.\n\nPriya Nair says:\nMarch 8, 2025 at 1:47 pm\nUnions protect seniority, not talent.',
      expect: (d) => {
        expect(d.comments.map((c) => [c.index, c.author, c.replyTo, c.replyToComment])).toEqual([
          [1, 'Jane Doe', null, null],
          [2, 'Mark Feeney', 'Jane Doe', 1],
          [3, 'Priya Nair', null, null],
        ]);
        // The date lines and the reply link are not the comments' words: each comment's first paragraph is its text.
        expect(d.comments.map((c) => c.paragraphs.map((p) => p.text))).toEqual([
          ['The union is the only reason they paused the layoffs.'],
          ['The pause was a PR move.'],
          ['Unions protect seniority, not talent.'],
        ]);
      },
    },
    {
      name: 'numbered comments under "1. Name says:" headers, and "@" before a commenter\'s name of two words that the comment runs on from',
      text: 'Port deal ends strike\n\nThe union and the employers reached a deal on Saturday.\n\nMembers will vote on it next week.\n\n3 Comments\n\n  1. Rita Vance says:\n  June 14, 2025 at 10:02 am\n\n  Every other country keeps its ports open.\n\n  2. Old Stevedore says:\n  June 14, 2025 at 11:05 am\n\n  @Rita Vance Rotterdam is automated and it still has strikes.\n\n  3. Rita Vance says:\n  June 14, 2025 at 11:30 am\n\n  @Old Stevedore Fair point.',
      expect: (d) => {
        expect(d.comments.map((c) => [c.index, c.author, c.replyTo, c.replyToComment])).toEqual([
          [1, 'Rita Vance', null, null],
          [2, 'Old Stevedore', 'Rita Vance', 1],
          [3, 'Rita Vance', 'Old Stevedore', 2],
        ]);
        expect(d.comments.map((c) => c.paragraphs.map((p) => p.text))).toEqual([
          ['Every other country keeps its ports open.'],
          ['@Rita Vance Rotterdam is automated and it still has strikes.'],
          ['@Old Stevedore Fair point.'],
        ]);
      },
    },
    {
      name: 'comments under one-line "Name • 2 hours ago" headers, replies by indentation, "↳" and "Reply to Name"',
      text: 'Recount narrows lead\n\nThe lead fell to 1,187 votes on Saturday.\n\nThe commission has until Friday to finish.\n\n47 Comments\n\nMarta K. • 2 hours ago\nIf that is the error rate here, recount the whole region.\n\n    Dusan R. • 1 hour ago\n    Those ballots were removed before the preliminary results.\n\nPetr Holub · 3h\nThe judge got it right.\n\n    ↳ Ilona S. · 2h\n    And the other side would demand the same.\n\n    Reply to Marta K.\n    Jana Novak • 2 hours ago\n    Read the fact check first.',
      expect: (d) => {
        expect(d.comments.map((c) => [c.index, c.author, c.replyTo, c.replyToComment])).toEqual([
          [1, 'Marta K.', null, null],
          [2, 'Dusan R.', 'Marta K.', 1],
          [3, 'Petr Holub', null, null],
          [4, 'Ilona S.', 'Petr Holub', 3],
          [5, 'Jana Novak', 'Marta K.', 1],
        ]);
        expect(d.comments.map((c) => c.paragraphs.map((p) => p.text))).toEqual([
          ['If that is the error rate here, recount the whole region.'],
          ['Those ballots were removed before the preliminary results.'],
          ['The judge got it right.'],
          ['And the other side would demand the same.'],
          ['Read the fact check first.'],
        ]);
        expect(d.body.map((p) => p.text)).toEqual([
          'The lead fell to 1,187 votes on Saturday.',
          'The commission has until Friday to finish.',
        ]);
      },
    },
    {
      name: 'an interview under the speakers\' names ("**Ana Petrak:** …") is reporting, not the outlet\'s opinion',
      text: 'Q&A with observer chief Ana Petrak\n\nOstmark Courier\n\n2026-03-05\n\nAna Petrak has led the Open Ballot Network since 2019.\n\n**Jonas Feld:** Is Tomas Brenner right?\n\n**Ana Petrak:** No. We have seen nothing that supports a number like that.\n\n**Jonas Feld:** Should the recount cover the whole region?\n\n**Ana Petrak:** On the evidence we have, no. You do not recount 480,000 ballots because of a hunch.',
      expect: (d) => {
        expect(d.meta.kind).toBe('news');
        expect(d.meta.outlet).toBe('Ostmark Courier');
        expect(d.meta.author).toBeNull();
      },
    },
    {
      name: 'a paper\'s name over the date and a "By" line under it: the paper is the outlet, the "By" line the writer',
      text: 'Court rejects recount bid\n\nOstmark Daily Record\nSaturday, 7 March 2026\n\nBy Pavel Navratil, courts correspondent\n\nThe court on Friday rejected the request to recount every ballot.',
      expect: (d) => {
        expect(d.meta.outlet).toBe('Ostmark Daily Record');
        expect(d.meta.author).toBe('Pavel Navratil');
      },
    },
    {
      name: "an editorial signed by the paper's editorial board",
      text: 'Count the ballots, then move on\n\nThe Ostmark Courier Editorial Board\n\nWhat matters now is whether the people can trust the count. We believe they can.\n\nThe recount should finish quickly.\n\nBoth candidates must accept the result.\n\nWhy would anyone trust a count done in secret?\n\nThe court was right to order cameras.',
      expect: (d) => {
        expect(d.meta.author).toBe('The Ostmark Courier Editorial Board');
        expect(d.meta.kind).toBe('opinion');
        expect(d.body[0]?.text.startsWith('What matters now')).toBe(true);
      },
    },
    {
      name: 'a press briefing transcript is a primary record (statement), not a columnist speaking in the first person',
      text: "Halvorsen Labs press briefing on restructuring\n\nThe following is an edited record of a briefing held on Tuesday.\n\nREPORTER: Were union supporters singled out?\n\nKIM: No. I can tell you the selection was made by business unit.\n\nREPORTER: How do you explain the numbers?\n\nPATEL: I don't accept the numbers. I have seen the lists myself.",
      expect: (d) => expect(d.meta.kind).toBe('statement'),
    },
    {
      name: 'a byline naming the outlet after a comma, and one naming a role there',
      text: 'Workers vote to unionise at the software maker\n\nBy Kwame Mensah, Front Range Tribune\n\nThe vote passed on Thursday.',
      expect: (d) => {
        expect(d.meta.outlet).toBe('Front Range Tribune');
        expect(d.meta.author).toBe('Kwame Mensah');
        const staff = doc(
          'Workers vote to unionise at the software maker\n\nBy Jane Doe, Staff Writer\n\nThe vote passed on Thursday.',
        );
        expect(staff.meta.outlet).toBeNull();
      },
    },
    {
      name: 'numbered comments after a comment marker, with a reply mention',
      text: 'Title Here\n\nBody paragraph one.\n\nBody paragraph two.\n\nBody three.\n\n3 Comments\n\n  1. @Ann Lee\n\n    I disagree with the council.\n\n  2. Great article.\n\n  3. The council is right.',
      expect: (d) => {
        expect(d.comments.map((c) => c.index)).toEqual([1, 2, 3]);
        expect(d.comments[0]?.replyTo).toBe('Ann Lee');
        expect(d.comments[0]?.paragraphs.map((p) => p.text)).toEqual([
          '@Ann Lee',
          'I disagree with the council.',
        ]);
        expect(d.body).toHaveLength(3);
      },
    },
    {
      name: 'comments under author headers ("Name says:", or a name line over a date line)',
      text: [
        'Bridge Closure Approved',
        'The council voted to close the bridge.',
        'Residents objected at the meeting.',
        'The vote was 7-2.',
        '2 thoughts on “Bridge Closure Approved”',
        'Leave a Reply',
        'Ann Lee',
        'March 3, 2023 at 4:12 pm',
        'The council ignored every objection.',
        'It will hurt the shops on the east bank.',
        'Reply',
        'Tom Hale says:',
        '@Ann Lee the bridge is unsafe, closing it is right.',
        'Reply',
      ].join('\n\n'),
      expect: (d) => {
        expect(d.comments.map((c) => [c.index, c.author, c.replyTo])).toEqual([
          [1, 'Ann Lee', null],
          [2, 'Tom Hale', 'Ann Lee'],
        ]);
        expect(d.comments[0]?.paragraphs.map((p) => p.text)).toEqual([
          'The council ignored every objection.',
          'It will hurt the shops on the east bank.',
        ]);
        expect(d.body).toHaveLength(3);
        expect(d.other.some((p) => p.text === 'Reply')).toBe(true);
      },
    },
    {
      name: 'a numbered list in the body without a comment marker stays body',
      text: 'Three Lessons\n\nThe report lists three lessons.\n\n1. Plan early.\n\n2. Fund maintenance.\n\nThat is all.',
      expect: (d) => {
        expect(d.comments).toHaveLength(0);
        expect(d.body.map((b) => b.text)).toContain('1. Plan early.');
      },
    },
    {
      name: 'a Markdown title and section heading',
      text: '# Harbour Plan Approved\n\nThe plan was approved.\n\n## Next steps\n\nWork starts in May.',
      expect: (d) => {
        expect(d.meta.title).toBe('Harbour Plan Approved');
        expect(d.other.some((p) => p.role === 'heading' && p.text === '## Next steps')).toBe(true);
        expect(d.body).toHaveLength(2);
      },
    },
  ];
  it.each(cases)('$name', ({ text, expect: check }) => {
    const d = doc(text);
    check(d);
    expect(roles(d).length + d.body.length).toBeGreaterThan(0);
  });

  it('GIVEN a manifest title THEN the lines above it are the byline', () => {
    const d = doc('Leonid Example\nXX\n\nThe Real Title Of The Piece\n\nBody text here.', {
      title: 'The Real Title Of The Piece',
    });
    expect(d.meta.title).toBe('The Real Title Of The Piece');
    expect(d.other.filter((p) => p.role === 'byline').map((p) => p.text)).toEqual(['Leonid Example', 'XX']);
  });
});

describe('GIVEN a manifest title that is the first line and reads like a name', () => {
  it('THEN that line stays the title, not a byline over the deck', () => {
    const d = doc(
      'Port Reopens\n\nThe harbour that closed for a week of storms welcomed its first ships on Thursday morning\n\nThe port reopened on Thursday, officials said.',
      { title: 'Port Reopens' },
    );
    expect(d.meta.author).toBeNull();
    expect(d.other.find((p) => p.role === 'title')?.text).toBe('Port Reopens');
  });
});

describe('GIVEN page layouts of a wire report, a feature and a newsletter', () => {
  it('THEN an AP byline in capitals gives the writer\'s name, and the "contributed to this report" line is no body paragraph', () => {
    const d = doc(
      'Rocket fails minutes after launch\n\nBy MAYA HOLLOWAY Associated Press\nUpdated 8:14 PM GMT, June 16, 2026\n\nPORT ELLERY, Tasmania (AP) — A rocket failed on Tuesday, officials said.\n\nNo one was injured.\n\nAssociated Press writer Tom Rees in Sydney contributed to this report.',
    );
    expect(d.meta.author).toBe('Maya Holloway');
    expect(d.body.map((p) => p.text)).toEqual([
      'PORT ELLERY, Tasmania (AP) — A rocket failed on Tuesday, officials said.',
      'No one was injured.',
    ]);
  });
  it('THEN a standfirst of whole sentences over the byline is the deck, and the byline gives the author', () => {
    const d = doc(
      "Seven years of ocean data, gone in 212 seconds\n\nFor the scientists who spent a decade building the satellite, the failure was not just a setback. It was the loss of a career's worth of work.\n\nBy Helen Castellano\n\nJune 28, 2026\n\nAmara Nwosu had a folding chair and a view of the launch pad.",
    );
    expect(d.meta.author).toBe('Helen Castellano');
    expect(d.body.map((p) => p.text)).toEqual([
      'Amara Nwosu had a folding chair and a view of the launch pad.',
    ]);
  });
  it('THEN a newsletter signed "by Jess Albrecht" in its deck is hers, and its sign-off and subscribe line are neither outlet nor body', () => {
    const d = doc(
      "# Orbital Notes — Issue #112: What broke?\n\n*A weekly newsletter on the business of spaceflight, by Jess Albrecht*\n\nFriday, June 19, 2026\n\nThis was supposed to be a quiet week. Instead we watched a rocket come apart on Tuesday.\n\nThat's it for this week. If you have a tip, reply to this email.\n\nClear skies,\nJess\n\n*Thanks for reading Orbital Notes! Subscribe for free to receive new posts and support my work.*",
    );
    expect(d.meta.author).toBe('Jess Albrecht');
    expect(d.meta.outlet).toBeNull();
    expect(d.body.some((p) => p.text.includes('Thanks for reading'))).toBe(false);
  });
});

describe('GIVEN a press release whose quotation is introduced by a line of its own ending in a colon', () => {
  it('THEN "Jane Porter, the chief executive, said:" is a body paragraph, and so is the quotation under it', () => {
    const d = doc(
      'Acme results for the year\n\nAcme today announced its results for the year.\n\nJane Porter, the chief executive, said:\n\n"We will keep every branch open."\n\nTom Hale said:\n\n"Our staff made this possible."\n\nENDS',
    );
    expect(d.body.map((p) => p.text)).toEqual([
      'Acme today announced its results for the year.',
      'Jane Porter, the chief executive, said:',
      '"We will keep every branch open."',
      'Tom Hale said:',
      '"Our staff made this possible."',
    ]);
  });
});

describe("GIVEN a paper's name on its own line between the headline and the byline", () => {
  it('THEN the byline under it still gives the author, and the name is the outlet, not a body paragraph', () => {
    const d = doc(
      'Bridge to stay shut until spring\n\nDunmore Echo\n\nBy Alice Hart, Transport Correspondent\n\n4 March 2025\n\nThe bridge will stay shut until the spring, the county said.',
    );
    expect(d.meta.author).toBe('Alice Hart');
    expect(d.meta.outlet).toBe('Dunmore Echo');
    expect(d.body.map((p) => p.text)).toEqual([
      'The bridge will stay shut until the spring, the county said.',
    ]);
  });
});

describe('GIVEN an opinion piece whose standfirst says who the writer is', () => {
  it('THEN "*Anita Rao is the Green MP for …*" under the headline names the author', () => {
    const d = doc(
      '# Our bridge deserved better\n\n*Anita Rao is the Green MP for Dunmore and Wray Valley*\n\nSunday 9 March 2025\n\nI have crossed that bridge every day of my life.',
    );
    expect(d.meta.author).toBe('Anita Rao');
  });
});
