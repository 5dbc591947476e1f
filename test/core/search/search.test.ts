import { describe, expect, it } from 'vitest';
import { buildCorpus, corpusOf } from '../../../src/core/corpus/corpus.js';
import { parseDocument } from '../../../src/core/corpus/document.js';
import { segment, type Segmenter } from '../../../src/core/nlp/segmenter.js';
import { aliasExpansion, buildPassageIndex } from '../../../src/core/search/index.js';
import type { Speaker } from '../../../src/core/quotes/types.js';
import { corpusOfTexts } from '../../helpers/corpus.js';
import { FLOOD_HINTS, FLOOD_TEXTS } from '../summary/fixtures.js';

const corpus = corpusOfTexts(FLOOD_TEXTS, FLOOD_HINTS);
const PARK: Speaker = {
  id: 'helen-park',
  name: 'Helen Park',
  aliases: ['Mayor Park', 'the mayor'],
  role: 'Mayor',
  kind: 'person',
  quotes: 1,
};
const PRICE: Speaker = {
  id: 'ned-price',
  name: 'Ned Price',
  aliases: ['Price'],
  role: null,
  kind: 'person',
  quotes: 1,
};
const index = buildPassageIndex(corpus, segment, [PARK, PRICE]);

describe('GIVEN the flood corpus index', () => {
  it.each([
    { name: 'an inflected query', query: 'floods flooded', expect: 'flooding hundreds of homes' },
    { name: 'a plural query meets the singular', query: 'warning', expect: 'ignoring their warnings' },
    { name: 'a prefix of a longer word', query: 'insur', expect: 'Insurers estimate' },
    { name: 'a name', query: 'Tomas Reyes', expect: 'We told them every winter' },
  ])('$name THEN the best hit holds the passage', ({ query, expect: text }) => {
    const hits = index.search(query, { limit: 3 });
    expect(hits.map((h) => h.passage.text).some((t) => t.includes(text))).toBe(true);
  });

  it('a query of stop words only THEN no hits', () => {
    expect(index.search('the of and was')).toEqual([]);
  });

  it('a two-word phrase THEN the passage with the words adjacent ranks above one with them apart', () => {
    const hits = index.search('state emergency');
    expect(hits[0]?.passage.text).toContain('state of emergency');
  });

  it('documentId THEN only that document', () => {
    const hits = index.search('Eastbridge river', { documentId: 'b_report', limit: 20 });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.passage.documentId).toBe('b_report');
  });

  it('scores THEN descend', () => {
    const hits = index.search('flood council warnings', { limit: 20 });
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  });

  it('citationOf THEN points at the paragraph holding the passage', () => {
    for (const h of index.search('soldiers sandbag hospital', { limit: 5 })) {
      const c = index.citationOf(h.passage);
      expect(corpus.byId.get(c.documentId)?.body[c.paragraph - 1]?.text).toContain(h.passage.text);
    }
  });
});

describe('GIVEN a speaker catalog with aliases', () => {
  const expand = aliasExpansion([PARK, PRICE], index.termsOf);
  it.each([
    { name: 'the full name', query: 'Helen Park', has: ['mayor'] },
    { name: 'a multi-word alias', query: 'Mayor Park', has: ['helen'] },
    { name: 'a capitalised one-word alias', query: 'what did Price say', has: ['ned'] },
  ])('a query naming the speaker by $name THEN the other names are added', ({ query, has }) => {
    const added = expand(query, index.termsOf(query));
    for (const t of has) expect(added).toContain(t);
  });

  it('the common noun "price" THEN no spokesman is summoned', () => {
    expect(expand('fuel price rises', index.termsOf('fuel price rises'))).toEqual([]);
  });

  it('a search by surname THEN also finds the passage that names her by title only', () => {
    const hits = index.search('Helen Park', { limit: 10 });
    expect(hits.some((h) => h.passage.text.includes('Mayor Park now asks'))).toBe(true);
  });

  it('no catalog THEN search still works', () => {
    const plain = buildPassageIndex(buildCorpus([]), segment);
    expect(plain.search('anything')).toEqual([]);
  });
});

describe('GIVEN a two-word query written in and against the order of the words in a passage', () => {
  // A segmenter may give a term holding a space (MiniSearch indexes it as two tokens); the phrases of a query
  // or passage holding one are counted from the term strings, the others from the term numbers.
  const spaced: Segmenter = (text, offset) =>
    segment(text, offset).map((s) => ({
      ...s,
      tokens: s.tokens.map((t) => (t.normal === 'emergency' ? { ...t, lemma: 'emer gency' } : t)),
    }));
  const spacedIndex = buildPassageIndex(
    corpusOf(
      Object.entries(FLOOD_TEXTS).map(([id, text]) =>
        parseDocument({ id, file: `${id}.txt`, text }, FLOOD_HINTS[id as keyof typeof FLOOD_HINTS], spaced),
      ),
    ),
    spaced,
  );
  it.each([
    ['plain terms', ['state', 'emergency'], index],
    ['plain terms', ['declared', 'state'], index],
    ['a term holding a space', ['state', 'emergency'], spacedIndex],
    ['a passage term holding a space', ['declared', 'state'], spacedIndex],
  ])('%s, %j THEN the passage holding the pair in order scores half again as much', (_, [a, b], idx) => {
    const score = (query: string) =>
      idx.search(query, { limit: 50 }).find((h) => h.passage.text.includes('declared a state of emergency'))
        ?.score;
    expect(score(`${a} ${b}`)! / score(`${b} ${a}`)!).toBeCloseTo(1.5, 9);
  });
});

describe('GIVEN passages with hyphenated compounds the tokenizer keeps whole (anti-, pro-, non-)', () => {
  const compounds = buildPassageIndex(
    corpusOfTexts({
      a: 'Unrest in the capital\n\nSecurity forces began an anti-terrorist operation in the capital on Monday.\n\nA pro-government rally ended at noon.',
      b: 'A night of rioting\n\nLawmakers held a non-binding vote after the riot.',
    }),
    segment,
  );
  it.each([
    ['terrorist', 'anti-terrorist operation'],
    ['government', 'pro-government rally'],
    ['binding', 'non-binding vote'],
  ])('a query for a part, %j THEN the passage holding the compound is found', (query, text) => {
    expect(compounds.search(query, { limit: 3 }).some((h) => h.passage.text.includes(text))).toBe(true);
  });

  it('the whole compound THEN still found first', () => {
    expect(compounds.search('pro-government')[0]?.passage.text).toContain('pro-government rally');
  });

  it('a two-word query across a compound and the next word THEN the phrase boost still applies', () => {
    const score = (query: string) =>
      compounds.search(query).find((h) => h.passage.text.includes('anti-terrorist operation'))?.score;
    expect(score('anti-terrorist operation')! / score('operation anti-terrorist')!).toBeCloseTo(1.5, 9);
  });
});

describe('GIVEN a query with a possessive ("Moody\'s")', () => {
  const possessive = buildPassageIndex(
    corpusOfTexts({
      a: "Rating agency weighs in\n\nA Moody's analyst said the district could fall short.\n\nThe city's lease ends next year.\n\nThe team's owner declined to comment.",
    }),
    segment,
  );
  it('THEN only passages naming it are found, not every possessive', () => {
    expect(possessive.search("Moody's").map((h) => h.passage.text)).toEqual([
      "A Moody's analyst said the district could fall short.",
    ]);
  });
});

describe('GIVEN passages naming people with accents', () => {
  const accents = buildPassageIndex(
    corpusOfTexts({
      a: 'Drug maker answers the regulator\n\nIts chief executive, José Álvarez, said the company would replace the stock.\n\nThe communiqué was short.',
    }),
    segment,
  );
  it.each([
    ['Jose Alvarez', 'José Álvarez'],
    ['José Álvarez', 'José Álvarez'],
    ['communique', 'communiqué'],
  ])('a query %j THEN the passage with %j is found', (query, text) => {
    expect(accents.search(query)[0]?.passage.text).toContain(text);
  });
});
