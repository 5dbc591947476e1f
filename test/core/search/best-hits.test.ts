import { describe, expect, it } from 'vitest';
import type { SearchResult } from 'minisearch';
import { BestHits, kthLargest, passageStats, type QueryShape } from '../../../src/core/search/best-hits.js';
import { passageMiniSearch } from '../../../src/core/search/index.js';
import { random, tokenLists, vocabulary } from '../../helpers/random.js';

// A vocabulary with shared prefixes (so prefix expansion has work to do) drawn with Zipf-like frequencies, so a
// few terms are in most passages and many are rare: the case the pruning is for.
const STEMS = [
  'russia',
  'troop',
  'kazakh',
  'price',
  'protest',
  'secur',
  'presid',
  'emerg',
  'china',
  'invest',
];
const VOCAB = vocabulary(STEMS, 120);

function index(lists: string[][]): BestHits {
  const stats = passageStats(lists);
  return new BestHits(passageMiniSearch(lists, stats, 'add'), stats);
}

describe('GIVEN a corpus with very common and rare terms', () => {
  const lists = tokenLists(7, 3000, VOCAB);
  const best = index(lists);
  const rnd = random(11);
  const queries: QueryShape[] = Array.from({ length: 60 }, (_, i) => {
    const words = Array.from(
      { length: 1 + Math.floor(rnd() * 5) },
      () => VOCAB[Math.floor(rnd() * VOCAB.length)]!,
    );
    const own = new Set(words.slice(0, Math.max(1, words.length - 1)));
    const modulo = 1 + (i % 4);
    return {
      text: words.join(' '),
      boostTerm: (t) => (own.has(t) ? 1 : 0.5),
      prefix: (t) => t.length >= 5 && own.has(t),
      accept: (id) => id % modulo === 0,
      ...(i % 5 === 0 ? { range: { start: 200 * i, end: 200 * i + 900 } } : {}),
    };
  });

  it.each([1, 5, 40, 400])('the pruned search THEN equals the full search on its first %i hits', (head) => {
    for (const q of queries) {
      const want = best.full(q).slice(0, head);
      const got = best.search(q, head).slice(0, head);
      expect(got.map((r) => [r.id, r.score])).toEqual(want.map((r) => [r.id, r.score]));
    }
  });

  it('a query of unknown terms THEN no hits', () => {
    const q: QueryShape = { text: 'zzz yyy', boostTerm: () => 1, prefix: () => true, accept: () => true };
    expect(best.search(q, 10)).toEqual([]);
  });
});

describe('GIVEN a corpus where many passages are copies of a few (a sentence reprinted across articles)', () => {
  const rnd = random(23);
  const originals = tokenLists(5, 40, VOCAB);
  // Copies interleaved with other passages, so copies of one sentence tie with each other and with passages of
  // other tokens, and prefix expansion meets them under different index terms.
  const lists = Array.from({ length: 2500 }, (_, i) =>
    i % 3 === 0 ? tokenLists(1000 + i, 1, VOCAB)[0]! : [...originals[Math.floor(rnd() * originals.length)]!],
  );
  const best = index(lists);
  const queries: QueryShape[] = Array.from({ length: 60 }, (_, i) => {
    const words = Array.from(
      { length: 1 + Math.floor(rnd() * 4) },
      () => VOCAB[Math.floor(rnd() * VOCAB.length)]!,
    );
    const own = new Set(words.slice(0, Math.max(1, words.length - 1)));
    return {
      text: [...new Set(words)].join(' '),
      boostTerm: (t) => (own.has(t) ? 1 : 0.5),
      prefix: (t) => t.length >= 5 && own.has(t),
      ...(i % 3 === 1 ? { accept: (id: number) => id % 2 === 0 } : {}),
    };
  });

  it.each([1, 7, 60, 400])(
    'the search THEN equals the full search on its first %i hits, matches included',
    (head) => {
      for (const q of queries) {
        const shape = (r: SearchResult) => [r.id, r.score, r.queryTerms, r.terms, r.match];
        expect(best.search(q, head).slice(0, head).map(shape)).toEqual(
          best.full(q).slice(0, head).map(shape),
        );
      }
    },
  );

  it('THEN its searches walk the groups of copies', () => {
    expect(passageStats(lists).groups).toBeDefined();
  });

  it('THEN a search makes results for its head only, the copies past it left unmade', () => {
    // Queries whose best hits hold two copies of one passage (so copies were scored).
    const many = queries.filter((q) => {
      const texts = best
        .full(q)
        .slice(0, 8)
        .map((r) => lists[r.id as number]!.join(' '));
      return texts.length === 8 && new Set(texts).size < texts.length;
    });
    expect(many.length).toBeGreaterThan(0);
    for (const q of many) expect(best.search(q, 7)).toHaveLength(7);
  });

  it('THEN passageStats points each copy at the first passage with the same tokens', () => {
    const stats = passageStats([['a', 'b'], ['b', 'a'], ['a', 'b'], [], ['a', 'b'], []]);
    expect([...stats.copyOf]).toEqual([0, 1, 0, 3, 0, 3]);
  });
});

describe('GIVEN kthLargest', () => {
  it('THEN it matches sorting', () => {
    const rnd = random(3);
    for (let n = 1; n < 60; n++) {
      const values = Float64Array.from({ length: n }, () => Math.floor(rnd() * 10));
      const sorted = [...values].sort((a, b) => b - a);
      for (let k = 1; k <= n; k++) expect(kthLargest(values, k)).toBe(sorted[k - 1]);
    }
  });
});

describe('GIVEN passageStats', () => {
  const stats = passageStats([
    ['a', 'b', 'a'],
    ['', 'b'],
    ['c', 'ab'],
  ]);
  const postings = (term: string) => {
    const t = stats.termIds.get(term)!;
    const range = [stats.starts[t]!, stats.starts[t + 1]!] as const;
    return [...stats.ids.subarray(...range)].map((id, k) => [id, stats.counts[range[0] + k]]);
  };
  it('THEN each term lists its passages in id order with its count there', () => {
    expect(postings('a')).toEqual([[0, 2]]);
    expect(postings('b')).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(stats.termIds.has('')).toBe(false);
  });
  it('THEN terms are sorted for prefix expansion', () => {
    expect(stats.sorted).toEqual(['a', 'ab', 'b', 'c']);
  });
  it('THEN lengths count distinct tokens, an empty one included (as MiniSearch does)', () => {
    // every passage has 2 distinct tokens, so each is of average length: norm = k.
    for (const n of stats.norm) expect(n).toBeCloseTo(1.2);
  });
});
