import { describe, expect, it } from 'vitest';
import { analyzeCorpus, type Analysis } from '../../../src/core/analysis.js';
import {
  findCounterpoints,
  findViewpoints,
  suggestTopics,
  viewpointSources,
  type ViewpointSources,
} from '../../../src/core/viewpoints/index.js';
import { frameOf, stanceOf } from '../../../src/core/viewpoints/stance.js';
import { segment } from '../../../src/core/nlp/segmenter.js';
import { acceptance, corpusOfTexts, seedAnalysis } from '../../helpers/corpus.js';
import { topicMiss, type ExpectedTopic } from '../../helpers/acceptance.js';

const sourcesOf = (a: Analysis): ViewpointSources => viewpointSources(a, a.claims);
const tokens = (text: string) => segment(text, 0).flatMap((s) => [...s.tokens]);

// A made-up dispute about a mining company leaving a valley: a news report, an opinion piece that rebuts a named
// person, a reader comment that argues the other side, and a long pasted comment about something else.
const REPORT = `Miners wait as Coldwater decides on the valley

RIVERTON (Valley Post) — The Coldwater mining company is weighing its future in the Riverton valley after a year of protests.

Mayor Ana Ruiz said the company is about to start withdrawing its crews from the valley.

Union leader Tom Hale warned that it would be very difficult to get the company to leave the valley.

“Once a mine is dug, they never really leave,” Hale said.

2 Comments

1. I live next to the pit. Coldwater will stay in the valley for decades, whatever the mayor says.

2. Big win for the home side last night. The striker scored twice in the first half and the keeper saved a penalty before the break. Fans sang for the whole second half while the coach paced the touchline. The league table now has three clubs level on points with two rounds to play, and tickets for the derby sold out in an hour. The referee was praised for a calm performance in a heated match.`;

const COLUMN = `Opinion: Coldwater is already on its way out

The real story isn't that it will be hard to get Coldwater to leave the valley, as Tom Hale has suggested.

The company has sold its trucks and the quick withdrawal of its crews is clearly under way.`;

let fixture: Analysis | undefined;
function fixtureAnalysis(): Analysis {
  fixture ??= analyzeCorpus(
    corpusOfTexts(
      { report: REPORT, column: COLUMN },
      { report: { kind: 'news', outlet: 'Valley Post' }, column: { kind: 'opinion', author: 'Jo Marsh' } },
    ),
  );
  return fixture;
}

describe('GIVEN a sentence and a topic predicate', () => {
  it.each([
    {
      name: 'plain affirmation',
      topic: 'Will the company leave?',
      text: 'The company will leave next year.',
      sign: 1,
    },
    {
      name: 'a synonym of the predicate',
      topic: 'Will the company leave?',
      text: 'Crews are about to start withdrawing.',
      sign: 1,
    },
    {
      name: 'the opposite pole',
      topic: 'Will the company leave?',
      text: 'The company will stay for decades.',
      sign: -1,
    },
    {
      name: 'difficulty flips',
      topic: 'Will the company leave?',
      text: 'It is very difficult to get them to leave.',
      sign: -1,
    },
    {
      name: 'a denied difficulty flips back',
      topic: 'Will the company leave?',
      text: "The point isn't that it might be hard to get them to leave.",
      sign: 1,
    },
    {
      name: 'not ... enough',
      topic: 'Was the response strong enough?',
      text: 'Such statements are clearly not serious enough.',
      sign: -1,
    },
    {
      name: 'a weak-pole word',
      topic: 'Was the response strong enough?',
      text: 'The anemic response invites more trouble.',
      sign: -1,
    },
    {
      name: 'a counterfactual',
      topic: 'Was the response strong enough?',
      text: 'Any charity could have issued a stronger statement.',
      sign: -1,
    },
    {
      name: 'prevention on the related capability',
      topic: 'Is a strike more likely?',
      text: 'It will deter their ability to strike.',
      sign: -1,
    },
    {
      name: 'a denied identity',
      topic: 'Is the league the old federation?',
      text: 'The league is NOT the old federation.',
      sign: -1,
    },
    {
      name: 'a doubt verb flips',
      topic: 'Was the expulsion legitimate?',
      text: 'Several members question the right of the league to expel him.',
      sign: -1,
    },
    {
      name: 'a denied doubt verb flips back',
      topic: 'Was the expulsion legitimate?',
      text: 'We hope that no one will question the right of the league to expel him.',
      sign: 1,
    },
    {
      name: 'the same word as a noun does not flip',
      topic: 'Was the expulsion legitimate?',
      text: 'After a legal challenge, the expulsion remains legitimate.',
      sign: 1,
    },
    {
      name: 'a verb sense with an object is not the predicate',
      topic: 'Will the company leave?',
      text: 'The report leaves little doubt about the costs.',
      sign: 0,
    },
  ])('$name THEN stance sign $sign', ({ topic, text, sign }) => {
    const frame = frameOf(tokens(topic));
    expect(Math.sign(stanceOf(tokens(text), frame).stance)).toBe(sign);
  });
});

describe('GIVEN two sides of a made-up dispute', () => {
  const positions = () =>
    findViewpoints(sourcesOf(fixtureAnalysis()), 'Will Coldwater leave the valley?').positions;
  const sideOf = (snippet: string) =>
    positions().findIndex((p) => p.items.some((i) => i.claim.text.includes(snippet)));

  it('WHEN asked THEN the mayor and the union leader are in different positions', () => {
    expect(sideOf('about to start withdrawing')).toBeGreaterThanOrEqual(0);
    expect(sideOf('very difficult to get the company to leave')).toBeGreaterThanOrEqual(0);
    expect(sideOf('about to start withdrawing')).not.toBe(
      sideOf('very difficult to get the company to leave'),
    );
  });

  it('WHEN a columnist rebuts a named person THEN the rebuttal sits against that person', () => {
    const rebuttal = sideOf("isn't that it will be hard");
    expect(rebuttal).toBeGreaterThanOrEqual(0);
    expect(rebuttal).not.toBe(sideOf('very difficult to get the company to leave'));
    const claim = fixtureAnalysis().claims.claims.find((c) => c.text.includes("isn't that it will be hard"));
    expect(claim?.rebuts).toBe('Tom Hale');
    expect(claim?.holder).toBe('Jo Marsh');
    expect(claim?.kind).toBe('opinion');
  });

  it('WHEN a reader comment argues the topic THEN it is a labelled counterpoint; the pasted match report is left out', () => {
    const items = positions().flatMap((p) => p.items);
    const comment = items.find((i) => i.claim.comment === 1);
    expect(comment?.claim.holder).toBe('reader comment #1');
    expect(comment?.claim.kind).toBe('reader comment');
    expect(comment && Math.sign(comment.stance)).toBe(-1);
    expect(items.some((i) => i.claim.comment === 2)).toBe(false);
  });

  it('WHEN a quote is attributed with "X said" THEN its holder is the speaker, resolved to the full name', () => {
    const quote = fixtureAnalysis().claims.claims.find((c) => c.text.includes('they never really leave'));
    expect(quote?.holder).toBe('Tom Hale');
    expect(quote?.attributed).toBe(true);
  });

  it('WHEN a member claims the company will never leave THEN counterpoints take the other side, articles before comments', () => {
    const result = findCounterpoints(sourcesOf(fixtureAnalysis()), 'Coldwater will never leave the valley');
    expect(result.counterpoints.length).toBeGreaterThan(0);
    expect(result.counterpoints.some((i) => i.claim.text.includes('about to start withdrawing'))).toBe(true);
    // Stances are read relative to the member's claim: every counterpoint stands against it.
    expect(result.counterpoints.every((i) => i.stance < 0)).toBe(true);
    const firstComment = result.counterpoints.findIndex((i) => i.claim.comment !== null);
    if (firstComment >= 0)
      expect(result.counterpoints.slice(firstComment).every((i) => i.claim.comment !== null)).toBe(true);
  });

  it('WHEN a member claims the company will leave THEN the reader comment that disputes it comes back as a counterpoint', () => {
    const result = findCounterpoints(sourcesOf(fixtureAnalysis()), 'Coldwater is leaving the valley');
    expect(result.counterpoints.some((i) => i.claim.comment === 1)).toBe(true);
    expect(result.counterpoints.some((i) => i.claim.text.includes('about to start withdrawing'))).toBe(false);
  });

  it('WHEN the topics are suggested THEN the dispute is among them, at most 25', () => {
    const all = suggestTopics(fixtureAnalysis().claims, '');
    expect(all.length).toBeLessThanOrEqual(25);
    expect(all.some((t) => /leave or stay/.test(t))).toBe(true);
    expect(suggestTopics(fixtureAnalysis().claims, 'zzzz')).toEqual([]);
  });
});

const sample = acceptance<{ topics: ExpectedTopic[] }>('viewpoints.json');

describe.skipIf(!sample)('GIVEN the seeds and the acceptance sample', () => {
  it.each(sample?.topics ?? [])(
    '$id $query THEN an a item and a b item sit in different positions',
    async (topic) => {
      expect(topicMiss(await seedAnalysis(), topic)).toBeNull();
    },
  );

  it('WHEN every claim is listed THEN each is verbatim in its document and reader comments are held by "reader comment #n"', async () => {
    const analysis = await seedAnalysis();
    for (const c of analysis.claims.claims) {
      expect(analysis.corpus.byId.get(c.documentId)?.text.slice(c.start, c.end)).toBe(c.text);
      if (c.comment !== null) expect(c.holder).toBe(`reader comment #${c.comment}`);
    }
  });

  it('WHEN the comment thread holds a pasted article on another subject THEN its claims are marked off-topic', async () => {
    const claims = (await seedAnalysis()).claims.claims.filter((c) => c.comment !== null);
    const byComment = new Map<number, boolean>();
    for (const c of claims) byComment.set(c.comment as number, c.onTopic);
    expect([...byComment.values()].some((v) => !v)).toBe(true);
    expect([...byComment.values()].some((v) => v)).toBe(true);
  });
});
