/**
 * The best MiniSearch hits of an OR query without letting MiniSearch score every passage that shares one common
 * word with it.
 *
 * MiniSearch (BM25+) scores a query by walking every posting of every query term (and of every prefix expansion)
 * and allocating a result per matching passage; a query with a word found in a fifth of the corpus ("Kazakhstan"
 * in a corpus about Kazakhstan) thus builds and sorts tens of thousands of results to keep a few hundred. This
 * module keeps MiniSearch as the scorer and prunes what it scores (dynamic pruning in the spirit of MaxScore):
 *
 * 1. Postings pass: one MiniSearch search per query term whose `boostDocument` callback records which passages
 *    each (query term, index term) pair reaches and returns 0, so MiniSearch allocates nothing. Each run of calls
 *    for one index term is that term's posting list, so its length is the term's document frequency.
 * 2. Bound: from those, an upper bound of each passage's MiniSearch score: (matched query terms) × Σ term weight
 *    × IDF × BM25+ term-frequency factor, the factor computed from the passage's length and the term's count in
 *    it (counted only in the fifth of sentences that repeat a token; 1 otherwise). It is MiniSearch's formula
 *    raised by a rounding slack, so it is tight; it only decides which passages MiniSearch scores.
 * 3. Scoring pass: the real query, with `boostDocument` admitting only the passages whose bound reaches the
 *    `head`-th best bound. If the `head`-th best real score is still below some excluded passage's bound, those
 *    passages are admitted too and the pass repeats (rare: the bound is tight for most passages).
 *
 * The first `head` results are then exactly those (scores, order, ties) of the unpruned search: every passage that
 * could score at least as high as the `head`-th result was scored, by MiniSearch, with the same arithmetic.
 */
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';

/** MiniSearch's default BM25+ parameters and prefix weight, which the bound mirrors (passed explicitly below). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
export const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Slack on the bound against floating-point rounding (the bound adds in another order than MiniSearch). */
const SLACK = 1 + 1e-7;
/** Query terms are told apart with one bit each of a 32-bit mask; longer queries are scored unpruned. */
const MAX_TERMS = 30;

/** What the bound needs to know about each indexed passage (id = position). */
export interface PassageStats {
  /** k × (1 − b + b × length / average length): the length part of BM25+'s term-frequency factor. */
  readonly norm: Float64Array;
  /** The term-frequency factor of a token found once, with the rounding slack. */
  readonly once: Float64Array;
  /** The tokens a passage holds more than once with their counts (token, count, …), for the few that have any. */
  readonly repeats: readonly (readonly (string | number)[] | undefined)[];
}

/** MiniSearch's field length is the number of distinct tokens; the BM25+ factor needs it and the average. */
export function passageStats(tokens: readonly (readonly string[])[]): PassageStats {
  const n = tokens.length;
  const lengths = new Uint32Array(n);
  const repeats: ((string | number)[] | undefined)[] = new Array<undefined>(n).fill(undefined);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const list = tokens[i] as readonly string[];
    const distinct = distinctCount(list, i, repeats);
    lengths[i] = distinct;
    total += distinct;
  }
  const average = n === 0 ? 1 : total / n;
  const norm = new Float64Array(n);
  const once = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    norm[i] = BM25.k * (1 - BM25.b + (BM25.b * (lengths[i] as number)) / average);
    once[i] = tfFactor(1, norm[i] as number);
  }
  return { norm, once, repeats };
}

/** BM25+'s term-frequency factor (MiniSearch's formula), raised by the rounding slack. */
function tfFactor(tf: number, norm: number): number {
  return (BM25.d + (tf * (BM25.k + 1)) / (tf + norm)) * SLACK;
}

/**
 * Distinct tokens (MiniSearch's field length: it counts a possible '' too) of passage `id`; records the tokens it
 * holds more than once in `repeats`.
 */
function distinctCount(
  tokens: readonly string[],
  id: number,
  repeats: ((string | number)[] | undefined)[],
): number {
  const n = tokens.length;
  if (n > 64) {
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, c] of counts) if (c > 1) addRepeat(repeats, id, t, c);
    return counts.size;
  }
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as string;
    let seenBefore = false;
    for (let j = 0; j < i; j++)
      if (tokens[j] === t) {
        seenBefore = true;
        break;
      }
    if (seenBefore) continue;
    distinct++;
    let count = 1;
    for (let j = i + 1; j < n; j++) if (tokens[j] === t) count++;
    if (count > 1) addRepeat(repeats, id, t, count);
  }
  return distinct;
}

function addRepeat(
  repeats: ((string | number)[] | undefined)[],
  id: number,
  token: string,
  count: number,
): void {
  const list = repeats[id];
  if (list) list.push(token, count);
  else repeats[id] = [token, count];
}

/** How often `term` occurs in a passage whose repeated tokens are `repeated` (1 when it is not among them). */
function countIn(term: string, repeated: readonly (string | number)[]): number {
  for (let i = 0; i < repeated.length; i += 2) if (repeated[i] === term) return repeated[i + 1] as number;
  return 1;
}

export interface QueryShape {
  /** The query as MiniSearch receives it: terms separated by single spaces. */
  readonly text: string;
  readonly boostTerm: (term: string) => number;
  readonly prefix: (term: string) => boolean;
  /** Whether a passage may be returned at all (source and comment restrictions); absent: every passage. */
  readonly accept?: (id: number) => boolean;
}

/** Working memory of one index, reused by every search (searches are synchronous and never nested). */
export class BestHits {
  private readonly mask: Int32Array;
  private readonly sum: Float64Array;
  private readonly gate: Uint32Array;
  private epoch = 0;
  private postings = new Int32Array(1 << 16);

  constructor(
    private readonly mini: MiniSearch,
    private readonly stats: PassageStats,
  ) {
    const n = stats.norm.length;
    this.mask = new Int32Array(n);
    this.sum = new Float64Array(n);
    this.gate = new Uint32Array(n);
  }

  /** MiniSearch's own search, unpruned (the reference the pruned search must equal). */
  full(q: QueryShape): SearchResult[] {
    return this.mini.search(q.text, {
      ...this.options(q),
      ...(q.accept
        ? { filter: (r: SearchResult) => (q.accept as (id: number) => boolean)(r.id as number) }
        : {}),
    });
  }

  /** Results whose first `head` entries equal `full(q)`'s first `head` entries; fewer entries after them. */
  search(q: QueryShape, head: number): SearchResult[] {
    const specs = q.text.split(' ').filter((t) => t.length > 0);
    const sources = [...new Set(specs)];
    if (sources.length === 0) return [];
    if (sources.length > MAX_TERMS) return this.full(q);

    // 1. Postings pass: runs of (passage ids, weight × IDF, query-term bit).
    const runs: Run[] = [];
    let used = 0;
    const n = this.mini.documentCount;
    const accept = q.accept;
    for (const spec of specs) {
      const bit = 1 << sources.indexOf(spec);
      const boost = q.boostTerm(spec);
      let current: string | null = null;
      let weight = 0;
      let start = 0;
      let df = 0;
      const close = () => {
        if (current === null) return;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        runs.push({ term: current, start, end: used, weight: weight * idf, bit });
      };
      this.mini.search(spec, {
        ...this.options(q),
        boostDocument: (id: number, term: string) => {
          if (term !== current) {
            close();
            current = term;
            weight = boost * (term === spec ? 1 : prefixWeight(spec, term));
            start = used;
            df = 0;
          }
          df++;
          if (accept === undefined || accept(id)) {
            if (used === this.postings.length) this.grow();
            this.postings[used++] = id;
          }
          return 0;
        },
      });
      close();
    }

    // 2. Bounds of every reached passage.
    const touched: number[] = [];
    const { mask, sum, postings } = this;
    accumulate(runs, postings, mask, sum, this.stats, touched);
    const bounds = new Float64Array(touched.length);
    for (let i = 0; i < touched.length; i++) {
      const id = touched[i] as number;
      bounds[i] = popcount(mask[id] as number) * (sum[id] as number);
      mask[id] = 0;
      sum[id] = 0;
    }

    // 3. Scoring pass over the passages that may reach the head.
    const epoch = this.nextEpoch();
    const admit = (floor: number) => {
      let outside = false;
      for (let i = 0; i < touched.length; i++) {
        const id = touched[i] as number;
        if (this.gate[id] === epoch) continue;
        if ((bounds[i] as number) >= floor) {
          this.gate[id] = epoch;
          outside = true;
        }
      }
      return outside;
    };
    admit(touched.length <= head ? -Infinity : kthLargest(bounds, head));
    for (;;) {
      const results = this.mini.search(q.text, {
        ...this.options(q),
        boostDocument: (id: number) => (this.gate[id] === epoch ? 1 : 0),
      });
      if (results.length < head) return results;
      const floor = (results[head - 1] as SearchResult).score;
      if (!admit(floor)) return results;
    }
  }

  private options(q: QueryShape) {
    return {
      combineWith: 'OR' as const,
      boostTerm: q.boostTerm,
      prefix: q.prefix,
      fuzzy: false,
      weights: { prefix: PREFIX_WEIGHT, fuzzy: FUZZY_WEIGHT },
      bm25: BM25,
    };
  }

  private nextEpoch(): number {
    this.epoch = (this.epoch + 1) >>> 0;
    if (this.epoch === 0) {
      this.gate.fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }

  private grow(): void {
    const bigger = new Int32Array(this.postings.length * 2);
    bigger.set(this.postings);
    this.postings = bigger;
  }
}

interface Run {
  readonly term: string;
  readonly start: number;
  readonly end: number;
  readonly weight: number;
  readonly bit: number;
}

/** Adds each run's weight × IDF × term-frequency factor to the passages it reaches; lists first-reached ones. */
function accumulate(
  runs: readonly Run[],
  postings: Int32Array,
  mask: Int32Array,
  sum: Float64Array,
  stats: PassageStats,
  touched: number[],
): void {
  const { once, norm, repeats } = stats;
  for (const run of runs) {
    const { term, weight, bit } = run;
    for (let i = run.start; i < run.end; i++) {
      const id = postings[i] as number;
      const m = mask[id] as number;
      if (m === 0) touched.push(id);
      mask[id] = m | bit;
      let factor = once[id] as number;
      const repeated = repeats[id];
      if (repeated !== undefined) {
        const tf = countIn(term, repeated);
        if (tf > 1) factor = tfFactor(tf, norm[id] as number);
      }
      sum[id] = (sum[id] as number) + weight * factor;
    }
  }
}

/** MiniSearch's weight of an index term found by prefix expansion of a query term. */
function prefixWeight(query: string, term: string): number {
  return (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - query.length));
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The k-th largest value (1-based) of `values` (not modified), by quickselect on a copy. */
export function kthLargest(values: Float64Array, k: number): number {
  const a = values.slice();
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) > pivot) i++;
      while ((a[j] as number) < pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target] as number;
}
