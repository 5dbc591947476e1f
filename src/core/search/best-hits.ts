/**
 * The best MiniSearch hits of an OR query without letting MiniSearch score every passage that shares one common
 * word with it.
 *
 * MiniSearch (BM25+) is the search engine: it holds the index, expands prefixes, and computes every score and the
 * order the search returns. But a MiniSearch query walks every posting of every query term (and prefix expansion)
 * and allocates a result per matching passage, so a query with a word found in a fifth of the corpus ("Kazakhstan"
 * in a corpus about Kazakhstan) builds and sorts tens of thousands of results to keep the few hundred the phrase
 * boost reranks. This module prunes what MiniSearch scores (dynamic pruning, in the spirit of MaxScore):
 *
 * 1. Bound: compact posting lists (typed arrays built in one sweep over the passages' tokens, a few bytes per
 *    posting) give every passage the query reaches an upper bound of its MiniSearch score: (matched query terms)
 *    × Σ term boost × prefix weight × IDF × BM25+ term-frequency factor, i.e. MiniSearch's formula raised by a
 *    rounding slack. It is only used to decide which passages MiniSearch scores.
 * 2. Scoring: the real MiniSearch query, with `boostDocument` admitting (1) only the passages whose bound reaches
 *    the `head`-th best bound and skipping (0) the rest before MiniSearch allocates anything for them. If the
 *    `head`-th best real score is below some excluded passage's bound, those passages are admitted too and the
 *    query runs again (rare: the bound is tight).
 *
 * The first `head` results are then exactly those (scores, order, ties) of the unpruned search: every passage that
 * could score at least as high as the `head`-th result was scored by MiniSearch with the same arithmetic, and
 * admitted passages keep their relative order.
 */
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import type { ListedGate } from './gated-postings.js';

/** MiniSearch's default BM25+ parameters and prefix weight, which the bound mirrors (passed explicitly below). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
export const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Slack on the bound against floating-point rounding (the bound adds in another order than MiniSearch). */
const SLACK = 1 + 1e-7;
/** Query terms are told apart with one bit each of a 32-bit mask; longer queries are scored unpruned. */
const MAX_TERMS = 30;

/**
 * Each index term's passages (ascending ids) with the term's count in each, and each passage's BM25+ length part:
 * what bounding a score needs, in typed arrays (a few bytes per posting) rather than MiniSearch's maps.
 */
export interface PassageStats {
  /** Index term -> its number in `starts`. */
  readonly termIds: ReadonlyMap<string, number>;
  /** Every index term, sorted, for prefix expansion (MiniSearch expands a prefix to every term it begins). */
  readonly sorted: readonly string[];
  /** Term t's postings are ids/counts[starts[t] .. starts[t + 1]). */
  readonly starts: Int32Array;
  readonly ids: Int32Array;
  readonly counts: Uint32Array;
  /** Each passage's MiniSearch field length: its number of distinct tokens. */
  readonly lengths: Uint32Array;
  /** Every passage's tokens as term numbers, end to end in passage order ('' as -2, never a term's number). */
  readonly tokenIds: Int32Array;
  /** k × (1 − b + b × length / average length): the length part of BM25+'s term-frequency factor. */
  readonly norm: Float64Array;
  /**
   * For each passage, the first passage with exactly the same tokens (itself when none before it): such copies
   * (a sentence reprinted across articles) get the same MiniSearch score and match for every query.
   */
  readonly copyOf: Int32Array;
  /** The postings of the first passage of each group of copies only, when copies make at least half the passages. */
  readonly groups?: CopyGroups;
}

/** Groups of copies, each named by its first passage (its `copyOf`). */
export interface CopyGroups {
  /** Term t's first passages of groups are ids/counts[starts[t] .. starts[t + 1]) (ascending). */
  readonly starts: Int32Array;
  readonly ids: Int32Array;
  readonly counts: Uint32Array;
  /** The passages of the group of first passage f are members[memberStarts[f] .. memberStarts[f] + size[f]). */
  readonly memberStarts: Int32Array;
  readonly size: Int32Array;
  readonly members: Int32Array;
}

/**
 * Postings and lengths of the passages whose MiniSearch tokens are `tokens` (passage id = position). MiniSearch's
 * field length is the number of distinct tokens (a '' among them counts, though it is not indexed).
 */
/** The term number of an empty token ('' is counted in a field's length but not indexed). */
export const EMPTY_TOKEN = -2;

export function passageStats(tokens: readonly (readonly string[])[]): PassageStats {
  const n = tokens.length;
  const termIds = new Map<string, number>();
  let total = 0;
  for (const list of tokens) total += list.length;
  // Pass 1: term numbers, document frequencies and lengths; the token's term number kept for pass 2.
  const flat = new Int32Array(total);
  const lengths = new Uint32Array(n);
  let df: Int32Array = new Int32Array(1024);
  let last: Int32Array = new Int32Array(1024).fill(-1);
  let at = 0;
  let lengthSum = 0;
  for (let i = 0; i < n; i++) {
    const list = tokens[i] as readonly string[];
    let distinct = 0;
    let empty = false;
    for (const t of list) {
      if (t === '') {
        if (!empty) distinct++;
        empty = true;
        flat[at++] = EMPTY_TOKEN;
        continue;
      }
      let id = termIds.get(t);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(t, id);
        if (id === df.length) {
          df = grown(df, 0);
          last = grown(last, -1);
        }
      }
      if (last[id] !== i) {
        last[id] = i;
        df[id] = (df[id] as number) + 1;
        distinct++;
      }
      flat[at++] = id;
    }
    lengths[i] = distinct;
    lengthSum += distinct;
  }
  const copyOf = copiesOf(flat, tokens);
  // Pass 2: postings in id order, each passage's count of the term.
  const terms = termIds.size;
  const starts = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) starts[t + 1] = (starts[t] as number) + (df[t] as number);
  const fill = starts.slice(0, terms);
  const ids = new Int32Array(starts[terms] as number);
  const counts = new Uint32Array(starts[terms] as number);
  last.fill(-1);
  const slot = new Int32Array(terms);
  at = 0;
  for (let i = 0; i < n; i++) {
    const end = at + (tokens[i] as readonly string[]).length;
    for (; at < end; at++) {
      const id = flat[at] as number;
      if (id < 0) continue;
      if (last[id] !== i) {
        last[id] = i;
        const k = fill[id] as number;
        fill[id] = k + 1;
        slot[id] = k;
        ids[k] = i;
        counts[k] = 1;
      } else {
        const k = slot[id] as number;
        counts[k] = (counts[k] as number) + 1;
      }
    }
  }
  const average = n === 0 ? 1 : lengthSum / n;
  const norm = new Float64Array(n);
  for (let i = 0; i < n; i++) norm[i] = BM25.k * (1 - BM25.b + (BM25.b * (lengths[i] as number)) / average);
  return {
    termIds,
    sorted: [...termIds.keys()].sort(),
    starts,
    ids,
    counts,
    lengths,
    tokenIds: flat,
    norm,
    copyOf,
    ...copyGroups(copyOf, starts, ids, counts),
  };
}

/** `groups` of passageStats, when copies make at least half the passages (else searches walk the passages). */
function copyGroups(
  copyOf: Int32Array,
  starts: Int32Array,
  ids: Int32Array,
  counts: Uint32Array,
): { groups?: CopyGroups } {
  const n = copyOf.length;
  const size = new Int32Array(n);
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const f = copyOf[i] as number;
    if (f === i) distinct++;
    size[f] = (size[f] as number) + 1;
  }
  if (distinct * 2 > n) return {};
  const memberStarts = new Int32Array(n);
  for (let i = 0, at = 0; i < n; i++)
    if (copyOf[i] === i) {
      memberStarts[i] = at;
      at += size[i] as number;
    }
  const members = new Int32Array(n);
  const fill = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const f = copyOf[i] as number;
    members[(memberStarts[f] as number) + (fill[f] as number)] = i;
    fill[f] = (fill[f] as number) + 1;
  }
  const terms = starts.length - 1;
  const groupStarts = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) {
    let kept = 0;
    for (let k = starts[t] as number; k < (starts[t + 1] as number); k++)
      if (copyOf[ids[k] as number] === ids[k]) kept++;
    groupStarts[t + 1] = (groupStarts[t] as number) + kept;
  }
  const groupIds = new Int32Array(groupStarts[terms] as number);
  const groupCounts = new Uint32Array(groupStarts[terms] as number);
  for (let t = 0, at = 0; t < terms; t++)
    for (let k = starts[t] as number; k < (starts[t + 1] as number); k++)
      if (copyOf[ids[k] as number] === ids[k]) {
        groupIds[at] = ids[k] as number;
        groupCounts[at++] = counts[k] as number;
      }
  return {
    groups: { starts: groupStarts, ids: groupIds, counts: groupCounts, memberStarts, size, members },
  };
}

/** `copyOf` of passageStats: passages grouped by a hash of their token numbers, then compared exactly. */
function copiesOf(flat: Int32Array, tokens: readonly (readonly string[])[]): Int32Array {
  const n = tokens.length;
  const copyOf = new Int32Array(n);
  const at = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) at[i + 1] = (at[i] as number) + (tokens[i] as readonly string[]).length;
  const firsts = new Map<number, number[]>();
  const same = (a: number, b: number) => {
    const length = (at[a + 1] as number) - (at[a] as number);
    if ((at[b + 1] as number) - (at[b] as number) !== length) return false;
    for (let k = 0; k < length; k++)
      if (flat[(at[a] as number) + k] !== flat[(at[b] as number) + k]) return false;
    return true;
  };
  for (let i = 0; i < n; i++) {
    let h = (at[i + 1] as number) - (at[i] as number);
    for (let k = at[i] as number; k < (at[i + 1] as number); k++)
      h = Math.imul(h ^ (flat[k] as number), 0x01000193);
    const list = firsts.get(h);
    const first = list?.find((f) => same(f, i));
    if (first !== undefined) copyOf[i] = first;
    else {
      copyOf[i] = i;
      if (list) list.push(i);
      else firsts.set(h, [i]);
    }
  }
  return copyOf;
}

function grown(a: Int32Array, fillWith: number): Int32Array {
  const bigger = new Int32Array(a.length * 2).fill(fillWith);
  bigger.set(a);
  return bigger;
}

/** BM25+'s term-frequency factor (MiniSearch's formula) is (d + tf × (k + 1) / (tf + norm)), raised by SLACK. */
const BM25_D = BM25.d;
const BM25_K1 = BM25.k + 1;

export interface QueryShape {
  /** The query as MiniSearch receives it: terms separated by single spaces. */
  readonly text: string;
  readonly boostTerm: (term: string) => number;
  readonly prefix: (term: string) => boolean;
  /** Whether a passage may be returned at all (source and comment restrictions); absent: every passage. */
  readonly accept?: (id: number) => boolean;
  /** The ids `accept` can admit, when they are one run (a document's passages): postings outside are skipped. */
  readonly range?: { readonly start: number; readonly end: number };
}

/** Working memory of one index, reused by every search (searches are synchronous and never nested). */
export class BestHits {
  private readonly mask: Int32Array;
  private readonly sum: Float64Array;
  /** The passages a search reaches, in the order it reaches them (the first `reached` entries). */
  private readonly touched: Int32Array;
  private readonly gate: Uint32Array;
  /** Per passage (by `copyOf`): the passage of its copies MiniSearch scores in this search (-1: none yet). */
  private readonly scored: Int32Array;
  /** Per scored passage: when (in MiniSearch's walk) the gate first admitted it, and for which index term. */
  private readonly firstCall: Uint32Array;
  private readonly firstTerm: (string | undefined)[];
  /** Per reached passage: the bit of the first query term it has (MiniSearch meets it first there). */
  private readonly lowBit: Int32Array;
  /** Per scored passage: its place in MiniSearch's results (-1 between searches) and its score there. */
  private readonly resultAt: Int32Array;
  private readonly byScore: Float64Array;
  /** The passages returned, with their copies, to be ordered. */
  private readonly order: Int32Array;
  /** The scores of `order`'s entries, to find the head's lowest (reordered by the selection). */
  private readonly orderScores: Float64Array;
  private epoch = 0;

  constructor(
    private readonly mini: MiniSearch,
    private readonly stats: PassageStats,
  ) {
    const n = stats.norm.length;
    this.mask = new Int32Array(n);
    this.sum = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.gate = new Uint32Array(n);
    this.scored = new Int32Array(n).fill(-1);
    this.firstCall = new Uint32Array(n);
    this.firstTerm = new Array<string | undefined>(n);
    this.lowBit = new Int32Array(n);
    this.resultAt = new Int32Array(n).fill(-1);
    this.byScore = new Float64Array(n);
    this.order = new Int32Array(n);
    this.orderScores = new Float64Array(n);
  }

  /** MiniSearch's own search, unpruned (the reference the pruned search must equal). */
  full(q: QueryShape): SearchResult[] {
    const { accept, range } = q;
    if (!accept && !range) return this.mini.search(q.text, this.options(q));
    return this.mini.search(q.text, {
      ...this.options(q),
      filter: (r: SearchResult) => {
        const id = r.id as number;
        if (range && (id < range.start || id >= range.end)) return false;
        return !accept || accept(id);
      },
    });
  }

  /** Results whose first `head` entries equal `full(q)`'s first `head` entries; fewer entries after them. */
  search(q: QueryShape, head: number): SearchResult[] {
    const specs = q.text.split(' ').filter((t) => t.length > 0);
    const sources = [...new Set(specs)];
    if (sources.length === 0) return [];
    if (sources.length > MAX_TERMS) return this.full(q);

    // 1. Bounds from the postings of every (query term, index term) pair MiniSearch will score.
    const { termIds, sorted, starts, norm } = this.stats;
    const { mask, sum } = this;
    const n = this.mini.documentCount;
    const accept = q.accept;
    const from = q.range?.start ?? 0;
    const to = q.range?.end ?? n;
    // Without restrictions, the first passage of each group of copies stands for the group (same tokens, same
    // bound): the walk reads only theirs.
    const groups = accept === undefined && q.range === undefined ? this.stats.groups : undefined;
    const { starts: walkStarts, ids, counts } = groups ?? this.stats;
    const touched = this.touched;
    let reached = 0;
    for (const spec of specs) {
      const bit = 1 << sources.indexOf(spec);
      const boost = q.boostTerm(spec);
      for (const term of derivedTerms(spec, q.prefix(spec), termIds, sorted)) {
        const t = termIds.get(term) as number;
        const df = (starts[t + 1] as number) - (starts[t] as number);
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const first = walkStarts[t] as number;
        const end = walkStarts[t + 1] as number;
        const weight = boost * (term === spec ? 1 : prefixWeight(spec, term)) * idf;
        // The hottest loop of a search (every posting of every query term): typed arrays only, no calls but
        // `accept`, tfFactor written out.
        for (let k = from === 0 ? first : lowerBound(ids, first, end, from); k < end; k++) {
          const id = ids[k] as number;
          if (id >= to) break;
          if (accept !== undefined && !accept(id)) continue;
          const m = mask[id] as number;
          if (m === 0) touched[reached++] = id;
          mask[id] = m | bit;
          const tf = counts[k] as number;
          sum[id] =
            (sum[id] as number) + weight * ((BM25_D + (tf * BM25_K1) / (tf + (norm[id] as number))) * SLACK);
        }
      }
    }

    if (reached === 0) return [];

    // 2. The bounds of the reached passages, and the first query term each has (the lowest bit of its mask).
    const bounds = new Float64Array(reached);
    const lowBit = this.lowBit;
    for (let i = 0; i < reached; i++) {
      const id = touched[i] as number;
      const m = mask[id] as number;
      bounds[i] = popcount(m) * (sum[id] as number);
      lowBit[id] = m & -m;
      mask[id] = 0;
      sum[id] = 0;
    }

    // 3. Scoring pass over the passages that may reach the head: MiniSearch scores one passage of each group of
    //    copies (the same tokens get the same score and match), the others take its result.
    const epoch = this.nextEpoch();
    const { copyOf } = this.stats;
    const { gate, scored, firstCall, firstTerm } = this;
    const admitted: number[] = [];
    const admit = (floor: number) => {
      let outside = false;
      for (let i = 0; i < reached; i++) {
        if ((bounds[i] as number) < floor) continue;
        const id = touched[i] as number;
        const group = copyOf[id] as number;
        if (scored[group] !== -1) continue;
        scored[group] = id;
        gate[id] = epoch;
        admitted.push(group);
        outside = true;
      }
      return outside;
    };
    try {
      const size = groups?.size;
      admit(
        size === undefined
          ? reached <= head
            ? -Infinity
            : kthLargest(bounds, head)
          : kthLargestWeighted(bounds, touched, size, reached, head),
      );
      for (;;) {
        const admits = new Int32Array(admitted.length);
        for (let k = 0; k < admitted.length; k++) {
          const id = scored[admitted[k] as number] as number;
          firstCall[id] = 0;
          admits[k] = id;
        }
        let calls = 0;
        // Also notes where MiniSearch's walk first admits each scored passage: its place among equal scores.
        const boostDocument: ListedGate = (id: number, term: string) => {
          if (gate[id] !== epoch) return 0;
          if (firstCall[id] === 0) {
            firstCall[id] = ++calls;
            firstTerm[id] = term;
          }
          return 1;
        };
        // It admits these only, so the gated walk looks them up in long posting lists (see gated-postings.ts).
        boostDocument.admits = admits.sort();
        const results = this.mini.search(q.text, { ...this.options(q), boostDocument });
        const all = this.withCopies(results, touched, reached, groups, head);
        if (all.length < head) return all;
        const floor = (all[head - 1] as SearchResult).score;
        if (!admit(floor)) return all;
      }
    } finally {
      for (const group of admitted) scored[group] = -1;
    }
  }

  /**
   * MiniSearch's results for the scored passages, with every reached copy of them, in the order MiniSearch would
   * have returned them all: by score, then by where its walk first meets them. Copies are met at the same query
   * term and index term as the passage scored for them (same tokens), so among those the order is by id; between
   * passages met at different (query term, index term) pairs, it is the order the walk met the scored ones in.
   * Only the first `head` are returned (the caller reads no further): the others are ordered as ids in a typed
   * array, never made into results.
   */
  private withCopies(
    results: SearchResult[],
    touched: Int32Array,
    reached: number,
    groups: CopyGroups | undefined,
    head: number,
  ): SearchResult[] {
    const { copyOf } = this.stats;
    const { scored, firstCall, firstTerm, lowBit, resultAt, byScore, order } = this;
    let copies = 0;
    for (let i = 0; i < reached; i++) {
      const id = touched[i] as number;
      const by = scored[copyOf[id] as number] as number;
      if (by !== -1) copies += groups ? (groups.size[id] as number) - 1 : by === id ? 0 : 1;
    }
    if (copies === 0) return results;
    for (let k = 0; k < results.length; k++) {
      const r = results[k] as SearchResult;
      resultAt[r.id as number] = k;
      byScore[r.id as number] = r.score;
    }
    try {
      let m = 0;
      for (let i = 0; i < reached; i++) {
        const id = touched[i] as number;
        const by = scored[copyOf[id] as number] as number;
        if (by === -1 || resultAt[by] === -1) continue;
        if (!groups) order[m++] = id;
        else {
          // A reached first passage stands for its whole group (the walk read no other).
          const start = groups.memberStarts[id] as number;
          const end = start + (groups.size[id] as number);
          for (let k = start; k < end; k++) order[m++] = groups.members[k] as number;
        }
      }
      // Only the first `head` are returned: when there are more, only the entries scoring at least the head-th
      // best score can be among them, so only those are sorted (on a generated corpus a query reaches thousands
      // of copies, and sorting them all with the comparator below was a tenth of a /counterpoint call).
      if (m > head) m = this.headCandidates(m, head);
      // A passage's scored stand-in is scored[copyOf[id]]: no two entries compare equal (ids differ), so the
      // order is the one a stable sort of result objects gave (and a sort of any subset keeps theirs).
      const sorted = order.subarray(0, m).sort((a, b) => {
        const byA = scored[copyOf[a] as number] as number;
        const byB = scored[copyOf[b] as number] as number;
        const scoreA = byScore[byA] as number;
        const scoreB = byScore[byB] as number;
        if (scoreA !== scoreB) return scoreA > scoreB ? -1 : 1;
        const sameStep = lowBit[byA] === lowBit[byB] && firstTerm[byA] === firstTerm[byB];
        return sameStep ? a - b : (firstCall[byA] as number) - (firstCall[byB] as number);
      });
      const out: SearchResult[] = new Array<SearchResult>(Math.min(m, head));
      for (let k = 0; k < out.length; k++) {
        const id = sorted[k] as number;
        const by = scored[copyOf[id] as number] as number;
        const result = results[resultAt[by] as number] as SearchResult;
        out[k] = by === id ? result : { ...result, id };
      }
      return out;
    } finally {
      for (const r of results) resultAt[r.id as number] = -1;
    }
  }

  /**
   * Keeps, of `order`'s first `m` entries (more than `head`), those whose score is at least the head-th best (so
   * at least `head` of them, ties included), in their order; returns how many.
   */
  private headCandidates(m: number, head: number): number {
    const { copyOf } = this.stats;
    const { scored, byScore, order, orderScores } = this;
    for (let k = 0; k < m; k++)
      orderScores[k] = byScore[scored[copyOf[order[k] as number] as number] as number] as number;
    const cut = kthLargestInPlace(orderScores.subarray(0, m), head);
    let kept = 0;
    for (let k = 0; k < m; k++) {
      const id = order[k] as number;
      if ((byScore[scored[copyOf[id] as number] as number] as number) >= cut) order[kept++] = id;
    }
    return kept;
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
}

/** The index terms MiniSearch scores for a query term: itself if indexed, then (with prefix) every longer term it begins. */
function derivedTerms(
  spec: string,
  prefix: boolean,
  termIds: ReadonlyMap<string, number>,
  sorted: readonly string[],
): string[] {
  const out = termIds.has(spec) ? [spec] : [];
  if (!prefix) return out;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < spec) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && (sorted[i] as string).startsWith(spec); i++)
    if (sorted[i] !== spec) out.push(sorted[i] as string);
  return out;
}

/** The first position in ids[lo..hi) (ascending) holding a value >= `value`. */
export function lowerBound(ids: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

/**
 * The k-th largest value (1-based) of the passages reached, where entry i of `values` stands for the
 * `size[touched[i]]` copies of its group; -Infinity when they are at most k.
 */
function kthLargestWeighted(
  values: Float64Array,
  touched: Int32Array,
  size: Int32Array,
  reached: number,
  k: number,
): number {
  let total = 0;
  for (let i = 0; i < reached; i++) total += size[touched[i] as number] as number;
  if (total <= k) return -Infinity;
  if (reached <= 1024) {
    // Few groups (a corpus of copies): by value, counting each group's copies.
    const order = Array.from({ length: reached }, (_, i) => i).sort((a, b) =>
      (values[a] as number) > (values[b] as number)
        ? -1
        : (values[a] as number) < (values[b] as number)
          ? 1
          : 0,
    );
    let seen = 0;
    for (const i of order) {
      seen += size[touched[i] as number] as number;
      if (seen >= k) return values[i] as number;
    }
  }
  const expanded = new Float64Array(total);
  for (let i = 0, at = 0; i < reached; i++) {
    const copies = size[touched[i] as number] as number;
    expanded.fill(values[i] as number, at, at + copies);
    at += copies;
  }
  return kthLargest(expanded, k);
}

/** The k-th largest value (1-based) of `values` (not modified), by quickselect on a copy. */
export function kthLargest(values: Float64Array, k: number): number {
  return kthLargestInPlace(values.slice(), k);
}

/** The k-th largest value (1-based) of `a`, by quickselect, reordering `a`. */
export function kthLargestInPlace(a: Float64Array, k: number): number {
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
