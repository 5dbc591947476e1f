import { describe, expect, it } from 'vitest';
import MiniSearch, { type SearchResult } from 'minisearch';
import { BestHits, passageStats, type QueryShape } from '../../../src/core/search/best-hits.js';
import { walkGatedPostings } from '../../../src/core/search/gated-postings.js';

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Zipf-like term frequencies over words sharing prefixes, so some posting lists are long (the gated walk) and
// some short (MiniSearch's own walk), and prefix expansion mixes both.
const STEMS = ['russia', 'troop', 'kazakh', 'price', 'protest', 'secur'];
const VOCAB = [
  ...STEMS,
  ...STEMS.flatMap((s) => [`${s}n`, `${s}ns`, `${s}ity`]),
  ...Array.from({ length: 80 }, (_, i) => `w${i}`),
];

function corpus(seed: number, n: number): string[][] {
  const rnd = random(seed);
  const pick = () => VOCAB[Math.floor(VOCAB.length * rnd() ** 3)] as string;
  return Array.from({ length: n }, () => Array.from({ length: 1 + Math.floor(rnd() * 20) }, pick));
}

function miniOf(lists: string[][]): MiniSearch<{ id: number; terms: string[] }> {
  const mini = new MiniSearch<{ id: number; terms: string[] }>({
    fields: ['terms'],
    stringifyField: (t: string[]) => t as unknown as string,
    tokenize: (t) => (typeof t === 'string' ? t.split(' ') : (t as unknown as string[])),
    processTerm: (t) => t || null,
  });
  lists.forEach((terms, id) => mini.add({ id, terms }));
  return mini;
}

const shape = (results: SearchResult[]) =>
  results.map((r) => [r.id, r.score, r.queryTerms, r.terms, r.match]);

describe('GIVEN a MiniSearch index with the gated walk and the same index without it', () => {
  const lists = corpus(5, 2500);
  const plain = miniOf(lists);
  const gated = miniOf(lists);
  const stats = passageStats(lists);
  walkGatedPostings(gated, stats);
  const rnd = random(9);
  const queries = Array.from({ length: 40 }, () =>
    Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => VOCAB[Math.floor(rnd() * VOCAB.length)]!).join(
      ' ',
    ),
  );

  it.each([
    ['admits a few passages', (id: number) => (id % 97 === 3 ? 1 : 0)],
    ['admits most passages', (id: number) => (id % 7 === 0 ? 0 : 1)],
    ['admits none', () => 0],
  ])('a gate that %s THEN the same results (ids, scores, order, matches)', (_, gate) => {
    for (const text of queries) {
      const options = {
        combineWith: 'OR' as const,
        prefix: (t: string) => t.length >= 5,
        boostTerm: (t: string) => (t.startsWith('w') ? 0.5 : 1),
        boostDocument: gate,
      };
      expect(shape(gated.search(text, options))).toEqual(shape(plain.search(text, options)));
    }
  });

  it('a long posting list THEN the gated walk asks the gate first (so it ran)', () => {
    let calls = 0;
    const gate = () => (calls++, 1);
    plain.search('w0', { boostDocument: gate });
    const byMiniSearch = calls;
    calls = 0;
    gated.search('w0', { boostDocument: gate });
    expect(byMiniSearch).toBeGreaterThan(64);
    expect(calls).toBe(2 * byMiniSearch);
  });

  it('the pruned search over it THEN equals the unpruned search on its first 100 hits', () => {
    const best = new BestHits(gated, stats);
    for (const text of queries) {
      const q: QueryShape = { text, boostTerm: () => 1, prefix: (t) => t.length >= 5 };
      const want = new BestHits(plain, stats).full(q).slice(0, 100);
      expect(shape(best.search(q, 100).slice(0, 100))).toEqual(shape(want));
    }
  });
});
