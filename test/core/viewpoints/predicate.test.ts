import { describe, expect, it } from 'vitest';
import { analyzeCorpus, type Analysis } from '../../../src/core/analysis.js';
import { findCounterpoints, findViewpoints, viewpointSources } from '../../../src/core/viewpoints/index.js';
import { labelOf } from '../../../src/core/viewpoints/positions.js';
import { datelineEnd, nounPhrases, PhraseTable } from '../../../src/core/viewpoints/disputes.js';
import { ellipsisSign, frameOf, stanceOf } from '../../../src/core/viewpoints/stance.js';
import { looseInfo } from '../../../src/core/viewpoints/words.js';
import { segment } from '../../../src/core/nlp/segmenter.js';
import { errorText } from '../../../src/presenters/errors.js';
import { corpusOfTexts } from '../../helpers/corpus.js';

const tokens = (text: string) => segment(text, 0).flatMap((s) => [...s.tokens]);

// A made-up dispute whose claims use no word of the polarity lexicon: will a ferry line pay for itself?
const REPORT = `Harbor board backs new ferry line

PORTVILLE (Coast Wire) — The harbor board on Monday backed a plan for a new ferry line across the bay.

Mayor Ana Ruiz said the ferry line will pay for itself within ten years.

Economist Raj Patel said the ferry line would never pay for itself, because the fares cover only a third of its running costs.`;

const COLUMN = `Opinion: The ferry numbers do not add up

The mayor says the ferry line will pay for itself. It will not. The fares cover a third of the fuel bill.

I ride the ferry every week.`;

let fixture: Analysis | undefined;
function fixtureAnalysis(): Analysis {
  fixture ??= analyzeCorpus(
    corpusOfTexts(
      { report: REPORT, column: COLUMN },
      { report: { kind: 'news', outlet: 'Coast Wire' }, column: { kind: 'opinion', author: 'Lee Hart' } },
    ),
  );
  return fixture;
}
const sources = () => viewpointSources(fixtureAnalysis(), fixtureAnalysis().claims);

describe('GIVEN a claim no polarity group applies to', () => {
  it('WHEN it is framed THEN its own predicate is the question and its subject the words before the verb', () => {
    const frame = frameOf(tokens('The ferry line will create thousands of jobs'));
    expect(frame.groups.size).toBe(0);
    expect(frame.predicate?.head).toBe('create');
    // How many is not what is claimed.
    expect([...(frame.predicate?.stems ?? [])]).toEqual(['create', 'job']);
    expect(frame.subject).toEqual(['ferry', 'line']);
  });

  it.each([
    { text: 'The ferry line will not pay for itself.', sign: -1 },
    { text: 'Critics doubt that the ferry line can pay for itself.', sign: -1 },
    { text: 'Officials expect the ferry line to pay for itself.', sign: 1 },
    { text: 'The ferry line will carry cars.', sign: 0 },
  ])('WHEN "$text" is read THEN its stance is $sign', ({ text, sign }) => {
    const frame = frameOf(tokens('The ferry line will pay for itself'));
    expect(Math.sign(stanceOf(tokens(text), frame).stance)).toBe(sign);
  });

  it('WHEN a claim negates the predicate THEN the frame is oriented against it', () => {
    const frame = frameOf(tokens('Public money should not pay for ferries'));
    expect(frame.orientation).toBe(-1);
    expect(Math.sign(stanceOf(tokens('Taxes will never pay for the ferry.'), frame).stance)).toBe(1);
  });

  it('WHEN a lexicon word is in the claim THEN no ad-hoc predicate is made', () => {
    expect(frameOf(tokens('The troops will leave soon')).predicate).toBeUndefined();
  });
});

describe('GIVEN an elliptical answer', () => {
  it.each([
    { text: 'It will not.', sign: -1 },
    { text: 'No, they won’t.', sign: -1 },
    { text: 'It will.', sign: 1 },
    { text: 'It will not pay.', sign: 0 },
    { text: 'The fares cover a third.', sign: 0 },
  ])('WHEN "$text" is read THEN its sign is $sign', ({ text, sign }) => {
    const t = tokens(text);
    expect(ellipsisSign(t, t.map(looseInfo))).toBe(sign);
  });
});

describe('GIVEN a corpus arguing over a claim outside the lexicon', () => {
  it('WHEN its counterpoints are asked THEN the negation and the elliptical denial are found, and no restatement', () => {
    const result = findCounterpoints(sources(), 'The ferry line will pay for itself');
    const texts = result.counterpoints.map((c) => c.claim.text);
    expect(texts.some((t) => t.includes('would never pay for itself'))).toBe(true);
    // "The mayor says the ferry line will pay for itself. It will not.": the answer denies the sentence before.
    expect(texts).toContain('It will not.');
    expect(texts.some((t) => t.includes('will pay for itself'))).toBe(false);
  });

  it('WHEN its viewpoints are asked THEN the restatements and the denials sit on opposite sides', () => {
    const result = findViewpoints(sources(), 'Will the ferry line pay for itself?');
    const side = (snippet: string) =>
      result.positions.find((p) => p.items.some((i) => i.claim.text.includes(snippet)))?.side;
    expect(side('Mayor Ana Ruiz said the ferry line will pay')).toBe(1);
    expect(side('would never pay for itself')).toBe(-1);
    expect(side('It will not.')).toBe(-1);
    // Were it the strongest claim of its position, the short answer would label it with all of it, not with "It".
    const answer = fixtureAnalysis().claims.claims.find((c) => c.text === 'It will not.');
    expect(answer && labelOf(answer, -1)).toBe('It will not');
  });

  it('WHEN the predicate turns back on its subject THEN paying for something else does not speak to it', () => {
    const frame = frameOf(tokens('The ferry line will pay for itself'));
    expect(stanceOf(tokens('Residents will be paying for this for years.'), frame).stance).toBe(0);
  });
});

describe('GIVEN a dateline opening a sentence', () => {
  it('WHEN its noun phrases are read THEN the dateline place is not one of them', () => {
    const t = tokens('RIVERTON, Ohio (AP) — The city council approved the arena.');
    const table = new PhraseTable();
    const phrases = nounPhrases(t, t.map(looseInfo), table).map((id) => table.surfaces[id]);
    expect(datelineEnd(t)).toBeGreaterThan(0);
    expect(phrases).not.toContain('RIVERTON');
    expect(phrases).toContain('city council');
  });

  it('WHEN a sentence opens on an acronym without a dash THEN nothing is skipped', () => {
    expect(datelineEnd(tokens('NATO said the alliance would meet.'))).toBe(0);
  });
});

describe('GIVEN suggestions that are questions', () => {
  it('WHEN the error is written THEN no question mark is doubled', () => {
    const text = errorText({
      ok: false,
      code: 'NO_RESULTS',
      params: { what: 'the topic “x”' },
      suggestions: ['team: leave or stay?', 'city: support or oppose?'],
    });
    expect(text).not.toContain('??');
    expect(text.endsWith('city: support or oppose?')).toBe(true);
  });
});
