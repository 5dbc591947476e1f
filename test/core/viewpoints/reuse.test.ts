import { describe, expect, it } from 'vitest';
import { analyzeCorpus, type Analysis } from '../../../src/core/analysis.js';
import {
  findCounterpoints,
  findViewpoints,
  viewpointSources,
  type ViewpointSources,
} from '../../../src/core/viewpoints/index.js';
import { corpusOfTexts, seedAnalysis } from '../../helpers/corpus.js';

// The query path keeps corpus-sized working arrays per claim analysis (stances, holders' net stances, scored
// items) and reuses them from one query to the next: an answer must not depend on what was asked before it, nor
// on queries to another corpus in between.

const sourcesOf = (a: Analysis): ViewpointSources => viewpointSources(a, a.claims);

/** What an answer says: each claim (by id) with its stance and relevance, position by position. */
const counterpoints = (s: ViewpointSources, claim: string) =>
  findCounterpoints(s, claim).counterpoints.map((i) => [i.claim.id, i.stance, i.relevance]);
const viewpoints = (s: ViewpointSources, topic: string) =>
  findViewpoints(s, topic).positions.map((p) => [
    p.side,
    p.label,
    p.items.map((i) => [i.claim.id, i.stance, i.relevance]),
  ]);

// A rebuttal and a holder with claims on both sides of the topic, so holders' net stances and rebuttals are read.
const REPORT = `Council weighs the tram extension

EASTFORD (City Desk) — The city council will vote on the tram extension next month.

Councillor Mara Voss said the extension will pay for itself within ten years.

Transport chief Leon Brandt warned that the extension will not pay for itself.

“The numbers simply do not add up,” Brandt said.

2 Comments

1. The extension will pay for itself. It always does with trams.

2. The extension will pay for itself. It will not.`;

const COLUMN = `Opinion: the tram will earn its keep

The claim that the extension will not pay for itself, as Leon Brandt has suggested, is wrong.

Ridership will grow and the extension will pay for itself.`;

const other = () =>
  analyzeCorpus(
    corpusOfTexts(
      { report: REPORT, column: COLUMN },
      {
        report: { kind: 'news', outlet: 'City Desk' },
        column: { kind: 'opinion', outlet: 'City Desk', author: 'Ines Harrow' },
      },
    ),
  );

/** The same claims with working arrays of their own (they are kept per claim analysis object). */
const fresh = (a: Analysis): ViewpointSources => viewpointSources(a, { ...a.claims });

describe('GIVEN many queries asked one after another', () => {
  it('WHEN the seeds are asked claims and topics in turn, in both orders, with another corpus asked in between, THEN each answer is the one it gets when asked first', async () => {
    const analysis = await seedAnalysis();
    const tram = sourcesOf(other());
    const topics = [
      ...analysis.claims.disputes.map((d) => d.topic),
      'Will Russian troops leave Kazakhstan?',
      'Russia will withdraw its troops quickly',
      'Russia will not withdraw its troops',
      'The US response was strong enough',
      'The US response was too weak',
      'Tokayev will stay in power',
    ];
    const alone = new Map<string, unknown>();
    for (const t of topics) {
      alone.set(`c ${t}`, counterpoints(fresh(analysis), t));
      alone.set(`v ${t}`, viewpoints(fresh(analysis), t));
    }
    const seeds = sourcesOf(analysis);
    for (const order of [topics, [...topics].reverse()])
      for (const t of order) {
        expect(counterpoints(seeds, t), t).toEqual(alone.get(`c ${t}`));
        counterpoints(tram, 'The extension will pay for itself');
        expect(viewpoints(seeds, t), t).toEqual(alone.get(`v ${t}`));
        viewpoints(tram, 'Will the extension pay for itself?');
      }
  });

  it('WHEN a claim is asked after its negation THEN the answer is the one it gets when asked first', () => {
    const tram = other();
    const claim = 'The extension will pay for itself';
    const first = [counterpoints(fresh(tram), claim), viewpoints(fresh(tram), claim)];
    expect((first[0] as unknown[]).length).toBeGreaterThan(0);
    const shared = sourcesOf(tram);
    for (const t of [
      'The extension will not pay for itself',
      'It will not',
      'The tram extension',
      'Trams always pay for themselves',
      'Brandt is wrong',
      'Ridership will grow',
    ])
      counterpoints(shared, t);
    expect([counterpoints(shared, claim), viewpoints(shared, claim)]).toEqual(first);
  });
});
