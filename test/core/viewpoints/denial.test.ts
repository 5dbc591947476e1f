import { describe, expect, it } from 'vitest';
import { analyzeCorpus, type Analysis } from '../../../src/core/analysis.js';
import { findCounterpoints, viewpointSources } from '../../../src/core/viewpoints/index.js';
import { deniesByReference } from '../../../src/core/viewpoints/stance.js';
import { looseInfo } from '../../../src/core/viewpoints/words.js';
import { segment } from '../../../src/core/nlp/segmenter.js';
import { corpusOfTexts } from '../../helpers/corpus.js';

const infos = (text: string) => segment(text, 0).flatMap((s) => s.tokens.map(looseInfo));

// A made-up dispute: the claim is made in one paragraph and denied by reference in the next, without its words.
const REPORT = `Row over harbour wardens

PORTVILLE (Coast Wire) — The harbour board met on Monday.

Councillor Ana Ruiz accused the board of "sacking the wardens who keep our beaches clean".

A Ministry of Transport spokesperson said the claim was "simply untrue" and that the board's budget had grown.`;

// A statement that reports the other side's claim, then denies it by reference with a negated truth word.
const STATEMENT = `Ferry operator answers the crews

FOR IMMEDIATE RELEASE

The Bayline Ferry Company today published its new timetable for the winter season.

We keep hearing the crews' union say that our timetable contains no rest breaks. That is not correct. Every crossing longer than two hours ends with a paid break.`;

let fixture: Analysis | undefined;
let statement: Analysis | undefined;
const sources = () => {
  fixture ??= analyzeCorpus(
    corpusOfTexts({ report: REPORT }, { report: { kind: 'news', outlet: 'Coast Wire' } }),
  );
  return viewpointSources(fixture, fixture.claims);
};

describe('GIVEN a sentence that denies what was said before it by reference', () => {
  it.each([
    { text: 'A spokesperson said the claim was "simply untrue".', denies: true },
    { text: 'The agency rejected that account.', denies: true },
    { text: 'That is false.', denies: true },
    { text: 'That is not correct.', denies: true },
    { text: 'This is simply not the case.', denies: true },
    { text: 'It is not the right moment to strike.', denies: false },
    { text: 'It is not true that the ferry was late.', denies: false },
    { text: 'The ministry disputes the suggestion that the plant was unsafe.', denies: false },
    { text: 'A spokesperson said the claim was not untrue.', denies: false },
    { text: 'The claim was made on Monday.', denies: false },
  ])('WHEN "$text" is read THEN it denies by reference: $denies', ({ text, denies }) => {
    expect(deniesByReference(infos(text))).toBe(denies);
  });

  it('WHEN a claim is countered THEN the denial in the next paragraph is a counterpoint, held by the organisation', () => {
    const result = findCounterpoints(sources(), 'The board sacked the wardens');
    expect(result.counterpoints.map((c) => [c.claim.holder, c.claim.text.slice(0, 30)])).toEqual([
      ['Ministry of Transport', 'A Ministry of Transport spokes'],
    ]);
  });

  it('WHEN a statement reports a claim and answers "That is not correct." THEN that answer is a counterpoint to the claim', () => {
    statement ??= analyzeCorpus(
      corpusOfTexts({ statement: STATEMENT }, { statement: { kind: 'statement', outlet: 'Bayline' } }),
    );
    const result = findCounterpoints(
      viewpointSources(statement, statement.claims),
      "The company's timetable contains no rest breaks",
    );
    expect(result.counterpoints.map((c) => c.claim.text)).toContain('That is not correct.');
  });
});
