/**
 * Who holds a claim: the claims engine reads attributions itself and takes the quotes engine's speaker where the
 * sentence carries a quotation; the two must agree on who spoke.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../../src/core/analysis.js';
import { corpusOfTexts } from '../../helpers/corpus.js';
import { claimKindLabel } from '../../../src/presenters/viewpoints.js';

const ARENA = `Arena vote delayed again

Councilmember Marcus Bell first raised the demand at a hearing last week.

Raptors president Daniel Whitaker said on Tuesday that the team was "open to reasonable protections" and would stay.

Bell was not persuaded. He said that a clawback would not fix what he called the "basic math" of the deal.

Mayor Jane Ortiz's office said that she would now support a clawback clause, a reversal of her position.`;

describe('GIVEN claims attributed through a pronoun and through an office', () => {
  const a = analyzeCorpus(corpusOfTexts({ arena: ARENA }));
  const holderOf = (words: string) => a.claims.claims.find((c) => c.text.includes(words))?.holder;

  it('WHEN "He said that … the “basic math”" follows a paragraph quoting someone else THEN the holder is the quotes engine\'s speaker, not the last name met', () => {
    expect(holderOf('basic math')).toBe('Marcus Bell');
  });

  it('WHEN "<Name>\'s office said" THEN the holder is the name the office speaks for', () => {
    expect(holderOf('office said')).toBe('Jane Ortiz');
  });

  it('THEN a claim naming its speaker keeps that speaker', () => {
    expect(holderOf('reasonable protections')).toBe('Daniel Whitaker');
  });
});

describe('GIVEN the label of a claim in a news report', () => {
  const a = analyzeCorpus(corpusOfTexts({ arena: ARENA }));
  const claim = (words: string) => {
    const c = a.claims.claims.find((x) => x.text.includes(words));
    if (!c) throw new Error(words);
    return c;
  };
  it('WHEN a named speaker holds it THEN it reads "quoted in a news report", not as the report\'s own word', () => {
    expect(claim('basic math').kind).toBe('news report');
    expect(claimKindLabel(claim('basic math'))).toBe('quoted in a news report');
  });
});

describe('GIVEN a minister and the shadow minister who opposes her', () => {
  const a = analyzeCorpus(
    corpusOfTexts({
      recall: `Ministers clash over drug recall

The Health Secretary, Helen Marsh, said the recall was a clear success and that the agency should be praised.

Shadow health secretary Daniel Oyelaran said the recall was a failure and that the government must apologise.`,
    }),
  );
  const kindOf = (words: string) => a.claims.claims.find((c) => c.text.includes(words))?.kind;
  it("THEN the minister's words are an official statement and the shadow minister's are not", () => {
    expect(kindOf('clear success')).toBe('official statement');
    expect(kindOf('must apologise')).toBe('news report');
  });
});

describe('GIVEN a speaker quoted in an opinion piece', () => {
  const a = analyzeCorpus(
    corpusOfTexts(
      {
        column: `Opinion: A union will not save the engineers

I have watched this company for twenty years.

"Collective bargaining in software tends to slow hiring and push the best people away," said Helen Marsh, an economist at the Cascade Institute.

Workers should vote no.`,
      },
      { column: { kind: 'opinion' } },
    ),
  );
  it('THEN the claim is hers, from an opinion source, labelled "quoted in an opinion piece"', () => {
    const c = a.claims.claims.find((x) => x.text.includes('Collective bargaining'));
    expect(c?.holder).toBe('Helen Marsh');
    expect(c?.kind).toBe('opinion');
    if (c) expect(claimKindLabel(c)).toBe('quoted in an opinion piece');
  });
});

describe('GIVEN an agency statement with no byline', () => {
  const a = analyzeCorpus(
    corpusOfTexts(
      {
        statement: `Statement by the Medicines Safety Agency on the recall of Corvastin

The agency has today published the full list of batches affected by the recall.

Patients who take Corvastin should continue to take their medicine until they have spoken to a pharmacist.

"Patient safety is our first priority," the agency's chief executive, Dr Amara Okonkwo, said. "We will not accept less," she continued.`,
      },
      { statement: { kind: 'statement' } },
    ),
  );
  const holderOf = (words: string) => a.claims.claims.find((c) => c.text.includes(words))?.holder;

  it('WHEN a sentence says someone should "continue to take" something THEN "continue" attributes nothing: the statement holds it, named by its title', () => {
    expect(holderOf('should continue to take')).toBe('the Medicines Safety Agency');
  });

  it('WHEN "…,” she continued." THEN "continued" still attributes the words', () => {
    expect(holderOf('We will not accept less')).toBe('Amara Okonkwo');
  });
});

describe('GIVEN an editorial rebutting a candidate and telling him what he should say', () => {
  const EDITORIAL = `Count the ballots, then move on

The case for recounting every precinct is weak. Tomas Brenner has told his supporters that more than 9,000 ballots were counted twice. That is simply not true, and he should say so.

Both candidates should accept the result. They must tell their supporters that the observers are there to protect the count.`;
  const a = analyzeCorpus(
    corpusOfTexts({ ed: EDITORIAL }, { ed: { kind: 'opinion', outlet: 'The Courier' } }),
  );
  const holderOf = (words: string) => a.claims.claims.find((c) => c.text.includes(words))?.holder;

  it('WHEN the rebuttal says "he should say so" THEN it is the editorial\'s claim, not the candidate\'s', () => {
    expect(holderOf('simply not true')).not.toBe('Tomas Brenner');
  });

  it('WHEN "they must tell their supporters" THEN it is not credited to the last speaker named', () => {
    expect(holderOf('must tell their supporters')).not.toBe('Tomas Brenner');
  });

  it('THEN the sentence reporting what the candidate told his supporters is still his', () => {
    expect(holderOf('counted twice')).toBe('Tomas Brenner');
  });
});

describe("GIVEN a transcript whose labels print the speaker's name in capitals", () => {
  const a = analyzeCorpus(
    corpusOfTexts({
      t: [
        'Transcript: news conference on the lawsuit',
        'The following transcript has been lightly edited for clarity.',
        'ATTORNEY GENERAL DENISE MARCHBANKS: This morning my office filed a lawsuit, because the company should have told its customers within days.',
        'REPORTER: Did the FBI ask the company to wait?',
        'MARCHBANKS: I have seen no request from any agency, and the company must not hide behind one.',
        'REPORTER: What penalties do you want?',
        'MARCHBANKS: The penalties should be large enough that no company waits three weeks again.',
      ].join('\n\n'),
    }),
  );
  it('THEN her claims are held by "Denise Marchbanks", as the quotes engine names her, not by the label\'s capitals', () => {
    const holders = new Set(
      a.claims.claims.filter((c) => /lawsuit|no request|large enough/.test(c.text)).map((c) => c.holder),
    );
    expect([...holders]).toEqual(['Denise Marchbanks']);
  });
});

describe('GIVEN "said <weekday>," after the one who said it ("the committee\'s chair said Thursday, as …")', () => {
  it('THEN the weekday never holds the claim', () => {
    const a = analyzeCorpus(
      corpusOfTexts({
        s: "Chief to testify\n\nThe chief executive has agreed to testify before the committee on Dec. 3, the committee's chair said Thursday, as the company faces a lawsuit and mounting anger from customers who say the delay was wrong.",
      }),
    );
    expect(a.claims.claims.map((c) => c.holder)).not.toContain('Thursday');
  });
});

describe("GIVEN a transcript's question turns that report what someone says", () => {
  it("THEN the asker's premise is no claim, neither the statement's nor the named person's", () => {
    const a = analyzeCorpus(
      corpusOfTexts({
        t: [
          'Transcript: news conference on the lawsuit',
          'ATTORNEY GENERAL DENISE MARCHBANKS: My office filed a lawsuit because the company should have told its customers within days.',
          'REPORTER: Mr. Kessler says the company moved as fast as it responsibly could and that the delay was necessary. What is your response?',
          'MARCHBANKS: Responsible companies tell people when their house has been broken into, and this one did not.',
          'Q: The company says the FBI asked it to wait, which would make the delay lawful. Did it?',
          'MARCHBANKS: I have seen no such request, and the company must produce it if it exists.',
        ].join('\n\n'),
      }),
    );
    const texts = a.claims.claims.map((c) => c.text);
    expect(texts.some((t) => /responsibly could|FBI asked it to wait/.test(t))).toBe(false);
    expect(texts.some((t) => t.includes('Responsible companies'))).toBe(true);
  });
});

describe('GIVEN a law quoted right after a chief executive is quoted', () => {
  const a = analyzeCorpus(
    corpusOfTexts({
      breach: `Halden Pharma faces fine over late breach notice

Halden Pharma's chief executive, Mark Ruiz, defended the company's handling of the breach on Monday.

“We told people as soon as we knew what had been taken,” Ruiz said.

“A controller shall without undue delay and, where feasible, not later than 72 hours after having become aware of it, notify the breach to the supervisory authority,” the regulation states.

“We have nothing to hide. Every customer affected has now been told, and we will pay for credit monitoring.”`,
    }),
  );
  const holderOf = (words: string) => a.claims.claims.find((c) => c.text.includes(words))?.holder;

  it('WHEN the quotation closes on "the regulation states" THEN it is not the chief executive\'s position', () => {
    expect(holderOf('A controller shall')).toBeDefined();
    expect(holderOf('A controller shall')).not.toBe('Mark Ruiz');
  });

  it('WHEN the act\'s words are quoted in a sentence of its own beside his ("The act requires companies to “notify …”") THEN they are not his position', () => {
    const b = analyzeCorpus(
      corpusOfTexts({
        act: `Halden Pharma faces fine over late breach notice

Halden Pharma chief executive Mark Ruiz defended the company on Monday.

“We followed every rule we were given,” Ruiz said. The Data Protection Act requires companies to “notify the regulator within 72 hours of becoming aware of a breach.”

Under the act, companies must tell customers “without undue delay and in plain language.” The company said it had done so.`,
      }),
    );
    const holder = (words: string) => b.claims.claims.find((c) => c.text.includes(words))?.holder ?? null;
    expect(holder('notify the regulator')).not.toBe('Mark Ruiz');
    expect(holder('without undue delay')).not.toBe('Mark Ruiz');
    expect(holder('followed every rule')).toBe('Mark Ruiz');
  });

  it("THEN his own quotation, and one standing alone after the law's with nothing of its own to say whose, stay his", () => {
    expect(holderOf('told people as soon')).toBe('Mark Ruiz');
    expect(holderOf('pay for credit monitoring')).toBe('Mark Ruiz');
  });
});
