/**
 * Who speaks in a summary point: a quotation whose only speaker is a pronoun cannot stand alone, and the speakers
 * the quotes engine found are carried per sentence so a summary can take several voices.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../../src/core/analysis.js';
import { surfaceOf } from '../../../src/core/summary/model.js';
import { summarise } from '../../../src/core/summary/select.js';
import { summaryView } from '../../../src/presenters/summary.js';
import { segment } from '../../../src/core/nlp/segmenter.js';
import { corpusOfTexts } from '../../helpers/corpus.js';

const surface = (text: string) => {
  const tokens = segment(text, 0).flatMap((s) => s.tokens);
  return surfaceOf(tokens, () => 0);
};

describe('GIVEN a sentence that is mostly a quotation, or reported speech', () => {
  it.each([
    { text: '“Once they are in your house, it is very hard to get them to leave,” he added.', untold: true },
    { text: '“We will not let this happen again in our country, not ever,” she said.', untold: true },
    {
      text: '“We will not let this happen again in our country, not ever,” he told reporters.',
      untold: true,
    },
    { text: '“We will not let this happen again in our country, not ever,” he told Reuters.', untold: false },
    {
      text: '“Once they are in your house, it is very hard to get them to leave,” Blinken added.',
      untold: false,
    },
    {
      text: '“We will not let this happen again in our country, not ever,” the minister said.',
      untold: false,
    },
    { text: 'He said the talks would go ahead next week despite the unrest in the capital.', untold: true },
    {
      text: 'Ruiz said the talks would go ahead next week despite the unrest in the capital.',
      untold: false,
    },
    {
      text: 'He arrived in the capital on Monday, a day after the talks had been called off.',
      untold: false,
    },
  ])('"$text" THEN speakerUntold is $untold', ({ text, untold }) => {
    expect(surface(text).speakerUntold).toBe(untold);
  });
});

describe('GIVEN two reports quoting the same minister and one quoting a farmer', () => {
  const a = analyzeCorpus(
    corpusOfTexts({
      a: `Dam plan divides valley\n\nThe government approved the new dam on Monday after two years of debate.\n\n“The dam will protect thousands of homes from floods,” said Minister Ana Ruiz.`,
      b: `Farmers fear the dam\n\nThe valley's farmers say the reservoir will drown their best fields.\n\n“The dam is the only way to keep the river in check,” Minister Ana Ruiz told reporters.\n\n“We were never asked about any of it,” said farmer Luis Vega, whose land lies in the flood zone.`,
    }),
  );
  const sentence = (needle: string) => {
    const s = a.summary.sentences.find((x) => x.text.includes(needle));
    if (!s) throw new Error(`no sentence with ${needle}`);
    return s;
  };

  it('THEN each quoted sentence carries its speaker, the same index for the same speaker across documents', () => {
    const ruizA = sentence('protect thousands').claimants;
    const ruizB = sentence('only way').claimants;
    const vega = sentence('never asked').claimants;
    expect(ruizA).toHaveLength(1);
    expect(ruizB).toEqual(ruizA);
    expect(vega).toHaveLength(1);
    expect(vega).not.toEqual(ruizA);
    expect(sentence('approved the new dam').claimants).toEqual([]);
  });

  it('THEN a speaker quoted by two documents weighs more than one quoted by one', () => {
    const ruiz = sentence('protect thousands').claimants[0] as number;
    const vega = sentence('never asked').claimants[0] as number;
    expect(a.summary.claimantWeight[ruiz]).toBeGreaterThan(a.summary.claimantWeight[vega] as number);
    expect(a.summary.maxClaimantWeight).toBe(a.summary.claimantWeight[ruiz]);
  });
});

describe('GIVEN a quotation whose speaker the sentence names only by a pronoun', () => {
  const a = analyzeCorpus(
    corpusOfTexts({
      a: `Minister warns on dam\n\nMinister Ana Ruiz said on Monday that the dam would be finished next year.\n\n“Once the water rises, there is no way back for the farms below it,” she added.\n\n“We were never asked about any of it,” said farmer Luis Vega, whose land lies in the flood zone.`,
    }),
  );
  const sentence = (needle: string) => {
    const s = a.summary.sentences.find((x) => x.text.includes(needle));
    if (!s) throw new Error(`no sentence with ${needle}`);
    return s;
  };

  it('THEN the sentence carries the speaker the quotes engine found, and a sentence naming its speaker does not', () => {
    expect(sentence('no way back').speaker).toBe('Ana Ruiz');
    expect(sentence('never asked').speaker).toBeNull();
    expect(sentence('would be finished').speaker).toBeNull();
  });

  it('THEN its summary point says who spoke, and the text stays verbatim', () => {
    const r = summarise(a.summary, a.index, { topic: 'water farms', length: 'short' });
    if (!r.ok) throw new Error(r.code);
    const point = r.points.find((p) => p.text.includes('no way back'));
    expect(point?.speaker).toBe('Ana Ruiz');
    expect(point?.text).toBe(
      '“Once the water rises, there is no way back for the farms below it,” she added.',
    );
    const view = summaryView(a.corpus, { points: r.points, scope: 'a topic' });
    const item = view.sections[0]?.items.find((i) => i.text === point?.text);
    expect(item?.source?.startsWith('Ana Ruiz, quoted in Minister warns on dam')).toBe(true);
  });
});

describe("GIVEN a press conference transcript with a greeting under a long label and a reporter's premise", () => {
  const a = analyzeCorpus(
    corpusOfTexts({
      t: [
        'Transcript: news conference on the lawsuit',
        'The following transcript has been lightly edited for clarity.',
        'ATTORNEY GENERAL DENISE MARCHBANKS: Good afternoon. This morning my office filed a lawsuit against the company for breaking the notification law.',
        'Q: Sarah Kim, Tasmanian Examiner. Attorney General, the company says it was waiting for the FBI to finish its work. Did the FBI ask it to delay?',
        'MARCHBANKS: I have seen no request from any law enforcement agency asking the company to hold off.',
        'REPORTER: How large could the penalties be?',
        'MARCHBANKS: The statute allows up to $25,000 per violation, and each resident is a separate violation.',
      ].join('\n\n'),
    }),
  );
  const sentence = (needle: string) => a.summary.sentences.find((x) => x.text.includes(needle));
  it("THEN the greeting is a fragment once its label is left out, and the asker's premise is a question's, not a point", () => {
    expect(sentence('Good afternoon')?.ineligible).toBe('fragment');
    expect(sentence('waiting for the FBI')?.ineligible).toBe('question');
    expect(sentence('I have seen no request')?.ineligible).toBeNull();
  });
});
