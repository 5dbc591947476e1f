import { describe, expect, it } from 'vitest';
import type { SearchResult } from 'minisearch';
import { BestHits, passageStats, type QueryShape } from '../../../src/core/search/best-hits.js';
import { walkGatedPostings } from '../../../src/core/search/gated-postings.js';
import { passageMiniSearch } from '../../../src/core/search/index.js';
import { random, tokenLists, vocabulary } from '../../helpers/random.js';

// Zipf-like term frequencies over words sharing prefixes, so some posting lists are long (the gated walk) and
// some short (MiniSearch's own walk), and prefix expansion mixes both.
const STEMS = ['russia', 'troop', 'kazakh', 'price', 'protest', 'secur'];
const VOCAB = vocabulary(STEMS, 80);

const shape = (results: SearchResult[]) =>
  results.map((r) => [r.id, r.score, r.queryTerms, r.terms, r.match]);

describe('GIVEN a MiniSearch index with the gated walk and the same index without it', () => {
  const lists = tokenLists(5, 2500, VOCAB);
  const stats = passageStats(lists);
  const plain = passageMiniSearch(lists, stats, 'add');
  const gated = passageMiniSearch(lists, stats, 'add');
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

  it('a gate listing the ids it admits THEN the same results, the same admissions in the same order, and long lists not read posting by posting', () => {
    const admits = Int32Array.from({ length: 2500 }, (_, i) => i).filter((i) => i % 97 === 3);
    const calls: [number, string][] = [];
    const gate = (id: number, term: string) => {
      if (id % 97 !== 3) return 0;
      calls.push([id, term]);
      return 1;
    };
    const listed = Object.assign((id: number, term: string) => gate(id, term), { admits });
    let asked = 0;
    for (const text of queries) {
      const options = { combineWith: 'OR' as const, prefix: (t: string) => t.length >= 5 };
      calls.length = 0;
      const want = shape(gated.search(text, { ...options, boostDocument: gate }));
      const wantCalls = [...calls];
      calls.length = 0;
      expect(shape(gated.search(text, { ...options, boostDocument: listed }))).toEqual(want);
      expect(calls).toEqual(wantCalls);
    }
    // A gate listing few ids, so the longest list ('w0') is looked up by them.
    const few = (id: number) => (asked++, id % 499 === 3 ? 1 : 0);
    asked = 0;
    gated.search('w0', { boostDocument: few });
    const unlisted = asked;
    asked = 0;
    gated.search('w0', {
      boostDocument: Object.assign(few, { admits: admits.filter((i) => i % 499 === 3) }),
    });
    expect(unlisted).toBeGreaterThan(64);
    expect(asked).toBeLessThan(unlisted / 4);
  });
});
