/**
 * The MiniSearch index loaded from the postings against the one MiniSearch's own `add` builds: the same index
 * (its serialized form) and the same results, raw and through the passage index (prefixes, aliases, expansions,
 * restrictions), on random token lists, the seeds and a corpus generated from them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch, { type SearchResult } from 'minisearch';
import { passageStats } from '../../../src/core/search/best-hits.js';
import { walkGatedPostings } from '../../../src/core/search/gated-postings.js';
import {
  buildPassageIndex,
  passageMiniSearch,
  type PassageIndex,
  type SearchOptions,
} from '../../../src/core/search/index.js';
import { buildCorpus } from '../../../src/core/corpus/corpus.js';
import type { Corpus } from '../../../src/core/corpus/types.js';
import { segment } from '../../../src/core/nlp/segmenter.js';
import { analyzeQuotes } from '../../../src/core/quotes/index.js';
import type { Speaker } from '../../../src/core/quotes/types.js';
import { loadCorpusFolder } from '../../../src/data/corpus-loader.js';
import { generateCorpus } from '../../../scripts/generate-corpus.js';
import { SEEDS, seedAnalysis } from '../../helpers/corpus.js';
import { random, tokenLists, vocabulary } from '../../helpers/random.js';

const STEMS = ['russia', 'troop', 'kazakh', 'price', 'protest', 'secur'];
const VOCAB = vocabulary(STEMS, 60);

/** Token lists as the passage index makes them: repeated words, and [''] for a passage with no terms. */
const listsOf = (seed: number, n: number) => tokenLists(seed, n, VOCAB, 0.05);

const shape = (results: SearchResult[]) =>
  results.map((r) => [r.id, r.score, r.queryTerms, r.terms, r.match]);

describe('GIVEN random token lists indexed by loading their postings and by adding each passage', () => {
  const lists = listsOf(3, 3000);
  const stats = passageStats(lists);
  const loaded = passageMiniSearch(lists, stats);
  const added = passageMiniSearch(lists, stats, 'add');

  it('THEN the two indexes serialize the same (terms in the same tree order, lengths, average)', () => {
    expect(loaded.toJSON()).toEqual(added.toJSON());
    expect(JSON.stringify(loaded.toJSON())).toBe(JSON.stringify(added.toJSON()));
  });

  it('THEN the postings fill MiniSearch directly (the pinned version has the maps expected: no passage added)', () => {
    const add = vi.spyOn(MiniSearch.prototype, 'add');
    try {
      expect(passageMiniSearch(lists.slice(0, 50), passageStats(lists.slice(0, 50))).documentCount).toBe(50);
      expect(add).not.toHaveBeenCalled();
    } finally {
      add.mockRestore();
    }
  });

  it('no passages THEN the same empty index', () => {
    const none = passageStats([]);
    expect(passageMiniSearch([], none).toJSON()).toEqual(passageMiniSearch([], none, 'add').toJSON());
  });

  it('queries with prefixes, term boosts and a document gate THEN the same results (ids, scores, terms, match)', () => {
    const rnd = random(11);
    for (let q = 0; q < 60; q++) {
      const text = Array.from(
        { length: 1 + Math.floor(rnd() * 5) },
        () => VOCAB[Math.floor(rnd() * VOCAB.length)] as string,
      ).join(' ');
      const options = {
        combineWith: 'OR' as const,
        prefix: (t: string) => t.length >= 5,
        boostTerm: (t: string) => (t.startsWith('w') ? 0.5 : 1),
        boostDocument: (id: unknown) => ((id as number) % 5 === 1 ? 0 : 1),
      };
      expect(shape(loaded.search(text, options))).toEqual(shape(added.search(text, options)));
    }
  });

  it('THEN the gated posting walk installs on the loaded index and gives the same results', () => {
    const gated = passageMiniSearch(lists, stats);
    walkGatedPostings(gated, stats);
    expect(Object.hasOwn(gated, 'termResults')).toBe(true);
    const options = { prefix: true, boostDocument: (id: unknown) => ((id as number) % 97 === 3 ? 1 : 0) };
    for (const text of ['w0', 'w1 russia', 'troop kazakh w2'])
      expect(shape(gated.search(text, options))).toEqual(shape(added.search(text, options)));
  });
});

/** Many searches, each through both passage indexes: the same passages, scores and order. */
function expectSameSearches(corpus: Corpus, speakers: readonly Speaker[]): void {
  const loaded = buildPassageIndex(corpus, segment, speakers);
  const added = buildPassageIndex(corpus, segment, speakers, 'add');
  expect(loaded.passages.length).toBeGreaterThan(0);
  const hits = (index: PassageIndex, query: string, options: SearchOptions) =>
    index.search(query, options).map((h) => [h.passage.id, h.score]);
  // Queries from the corpus's own sentences (so long posting lists and prefixes of real words), the speakers'
  // names and single words (alias expansion), and a few fixed ones.
  const queries = ['Russia', 'russ', 'troops border', 'security guarantees', 'the', 'Kazakh protest prices'];
  const sentences = loaded.passages.filter((_, i) => i % Math.ceil(loaded.passages.length / 40) === 0);
  for (const p of sentences) queries.push(p.text.split(/\s+/).slice(0, 6).join(' '));
  for (const sp of speakers.slice(0, 12)) queries.push(sp.name, sp.name.split(' ').pop() as string);
  const documents = corpus.documents.map((d) => d.meta.id);
  const optionSets: SearchOptions[] = [
    {},
    { limit: 60 },
    { comments: 'exclude' },
    { comments: 'only', limit: 20 },
    { documentId: documents[0] as string },
    { documentId: documents[documents.length - 1] as string, comments: 'exclude' },
    { expand: speakers.slice(0, 2).map((s) => s.name) },
  ];
  for (const query of queries)
    for (const options of optionSets)
      expect(hits(loaded, query, options), `${query} ${JSON.stringify(options)}`).toEqual(
        hits(added, query, options),
      );
}

describe('GIVEN the seed corpus', () => {
  it('THEN the passage index searches the same whichever way MiniSearch was built', async () => {
    const analysis = await seedAnalysis();
    expectSameSearches(analysis.corpus, analysis.quotes.speakers);
  });
});

describe('GIVEN a corpus generated from the seeds', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterpoint-gen-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('THEN the passage index searches the same whichever way MiniSearch was built', async () => {
    const out = join(dir, 'corpus');
    await generateCorpus(SEEDS, out, 12);
    const corpus = buildCorpus((await loadCorpusFolder(out)).inputs);
    expectSameSearches(corpus, analyzeQuotes(corpus).speakers);
  });
});
