import { describe, expect, it } from 'vitest';
import MiniSearch, { type SearchResult } from 'minisearch';
import { passageStats } from '../../../src/core/search/best-hits.js';
import { walkGatedPostings } from '../../../src/core/search/gated-postings.js';
import { packedQueries } from '../../../src/core/search/packed-query.js';
import { passageMiniSearch } from '../../../src/core/search/index.js';
import { random, tokenLists, vocabulary } from '../../helpers/random.js';

const STEMS = ['russia', 'troop', 'kazakh', 'price', 'protest', 'secur'];
const VOCAB = vocabulary(STEMS, 80);

const shape = (results: SearchResult[]) =>
  results.map((r) => [r.id, r.score, r.queryTerms, r.terms, r.match]);

describe('GIVEN a MiniSearch index with the packed text query and the same index without it', () => {
  const lists = tokenLists(7, 1500, VOCAB);
  const stats = passageStats(lists);
  const plain = passageMiniSearch(lists, stats, 'add');
  const packed = passageMiniSearch(lists, stats, 'add');
  packedQueries(packed);
  const rnd = random(11);
  const queries = Array.from({ length: 40 }, () =>
    // Doubled and empty tokens too ('a  b'): MiniSearch drops the empty terms.
    Array.from({ length: 1 + Math.floor(rnd() * 5) }, () =>
      rnd() < 0.1 ? '' : VOCAB[Math.floor(rnd() * VOCAB.length)]!,
    ).join(' '),
  );

  it('THEN the hook is installed on that instance only', () => {
    expect(Object.hasOwn(packed, 'executeQuery')).toBe(true);
    expect(Object.hasOwn(plain, 'executeQuery')).toBe(false);
  });

  it.each([
    [
      'OR, prefix and term boosts as functions',
      {
        combineWith: 'OR' as const,
        prefix: (t: string) => t.length >= 5,
        boostTerm: (t: string) => (t.startsWith('w') ? 0.5 : 1),
      },
    ],
    ['AND, prefix as a flag', { combineWith: 'AND' as const, prefix: true }],
    ['fuzzy by term position', { fuzzy: (_t: string, i: number) => (i === 0 ? 0.2 : false) }],
    ['a gate (the pruned search’s boostDocument)', { boostDocument: (id: number) => (id % 5 === 0 ? 1 : 0) }],
    ['defaults', {}],
  ])('%s THEN the same results (ids, scores, order, matches)', (_, options) => {
    for (const text of queries)
      expect(shape(packed.search(text, options))).toEqual(shape(plain.search(text, options)));
  });

  it('and the gated walk too THEN the same results', () => {
    const both = passageMiniSearch(lists, stats, 'add');
    walkGatedPostings(both, stats);
    packedQueries(both);
    const options = {
      prefix: (t: string) => t.length >= 5,
      boostDocument: (id: number) => (id % 3 === 0 ? 1 : 0),
    };
    for (const text of queries)
      expect(shape(both.search(text, options))).toEqual(shape(plain.search(text, options)));
  });

  it('a term processed into several terms, or dropped THEN flattened and filtered as MiniSearch does', () => {
    const options = {
      fields: ['text'],
      processTerm: (t: string) => (t === 'drop' ? null : t.includes('-') ? t.split('-') : t.toLowerCase()),
    };
    const docs = [
      { id: 1, text: 'anti terrorist operation' },
      { id: 2, text: 'terrorist attack drop' },
      { id: 3, text: 'operation Anti' },
    ];
    const a = new MiniSearch(options);
    const b = new MiniSearch(options);
    a.addAll(docs);
    b.addAll(docs);
    packedQueries(b);
    for (const text of [
      'anti-terrorist',
      'drop operation',
      'ANTI drop',
      'drop',
      'anti-terrorist-operation attack',
    ])
      expect(shape(b.search(text))).toEqual(shape(a.search(text)));
    // Not text: MiniSearch's own code.
    const query = { queries: ['anti', 'attack'], combineWith: 'AND' as const };
    expect(shape(b.search(query))).toEqual(shape(a.search(query)));
    expect(shape(b.search(MiniSearch.wildcard))).toEqual(shape(a.search(MiniSearch.wildcard)));
  });
});
