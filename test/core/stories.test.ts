/**
 * Other stories than the seeds, shipped in test/fixtures/stories: each a folder of documents and, beside it,
 * `<story>.expected.json` in the acceptance samples' formats (quotes, negatives, events, topics), written from
 * reading the documents before running the bot. The same checks as the seeds' acceptance tests, so the engines
 * are held to other news, other shapes (live blogs, Q&A, court reports, press releases, wire copy, op-eds,
 * comment pages, court-opinion excerpts under lines naming each judge, narratives dated by 'that July' and 'the
 * following February') and other names. An item the engines miss today is listed under `known_misses` with the reason,
 * and its test asserts the miss, so a fix shows up as a failure to move it back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCorpus, type Analysis } from '../../src/core/analysis.js';
import { buildCorpus } from '../../src/core/corpus/corpus.js';
import { loadCorpusFolder } from '../../src/data/corpus-loader.js';
import {
  eventMiss,
  forbiddenSpeakerGiven,
  quoteMiss,
  topicMiss,
  type ExpectedEvent,
  type ExpectedQuote,
  type ExpectedTopic,
  type ForbiddenSpeaker,
} from '../helpers/acceptance.js';
import { ROOT } from '../helpers/corpus.js';

interface Expected {
  readonly quotes?: readonly ExpectedQuote[];
  readonly negatives?: readonly ForbiddenSpeaker[];
  readonly events?: readonly ExpectedEvent[];
  readonly topics?: readonly ExpectedTopic[];
  /** Items the engines miss today, each with why: the same shapes as above, under `reason`. */
  readonly known_misses?: readonly ({ readonly reason: string } & (
    ExpectedQuote | ExpectedEvent | ExpectedTopic
  ))[];
}

const STORIES = join(ROOT, 'test', 'fixtures', 'stories');
const stories = readdirSync(STORIES)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => ({
    name: f.replace(/\.expected\.json$/, ''),
    expected: JSON.parse(readFileSync(join(STORIES, f), 'utf8')) as Expected,
  }));

const analyses = new Map<string, Promise<Analysis>>();
function analysisOf(name: string): Promise<Analysis> {
  let a = analyses.get(name);
  if (a === undefined) {
    a = loadCorpusFolder(join(STORIES, name)).then((f) => analyzeCorpus(buildCorpus(f.inputs)));
    analyses.set(name, a);
  }
  return a;
}

/** What is wrong with one expected item, whichever kind it is. */
async function missOf(
  name: string,
  x: ExpectedQuote | ExpectedEvent | ExpectedTopic,
): Promise<string | null> {
  const analysis = await analysisOf(name);
  if ('snippet' in x) return quoteMiss(analysis, x);
  if ('keywords' in x) return eventMiss(analysis.time.events, x);
  return topicMiss(analysis, x);
}

it('GIVEN the stories folder THEN it holds at least two stories', () => {
  expect(stories.length).toBeGreaterThanOrEqual(2);
});

describe.each(stories)('GIVEN the story "$name"', ({ name, expected }) => {
  it.each(expected.quotes ?? [])('$speaker: "$snippet" THEN found with that speaker', async (x) => {
    expect(await missOf(name, x)).toBeNull();
  });

  it.each(expected.negatives ?? [])('"$snippet" THEN not given to $speaker_must_not_be', async (x) => {
    expect(forbiddenSpeakerGiven(await analysisOf(name), x)).toBeNull();
  });

  it.each(expected.events ?? [])('$keywords on $date THEN appears with that date', async (x) => {
    expect(await missOf(name, x)).toBeNull();
  });

  it.each(expected.topics ?? [])(
    '$id $query THEN an a item and a b item sit in different positions',
    async (x) => {
      expect(await missOf(name, x)).toBeNull();
    },
  );

  it.each(expected.known_misses ?? [])('known miss ($reason) THEN still missed', async (x) => {
    expect(await missOf(name, x)).not.toBeNull();
  });

  it('THEN every quote and every event source is verbatim in its document', async () => {
    const { corpus, quotes, time } = await analysisOf(name);
    for (const q of quotes.quotes)
      expect(corpus.byId.get(q.documentId)?.text.slice(q.start, q.end)).toBe(q.text);
    for (const e of time.events)
      for (const s of e.sources) expect(corpus.byId.get(s.documentId)?.text.includes(s.text)).toBe(true);
  });
});
