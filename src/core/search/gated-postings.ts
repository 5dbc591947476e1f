/**
 * Lets MiniSearch walk only the postings a query's `boostDocument` gate admits.
 *
 * MiniSearch scores a query term by walking every posting of it (an entry of a Map per passage, with two more
 * Map lookups each) and asking `boostDocument` about each one. The pruned search (best-hits.ts) gates all but a
 * few hundred passages to 0, so for a term found in a fifth of the corpus nearly all of that walk is wasted: it
 * was most of a large corpus's search time. Here, before MiniSearch's own per-term scoring runs, the gate is
 * asked about each posting over the compact typed-array postings, and MiniSearch is handed only the admitted
 * ones, in the same (id) order, in a map that reports the term's full posting count (the document frequency
 * BM25 reads). MiniSearch still computes every score, merge and sort with its own code, so its results are
 * the same (tested against an unpatched instance).
 *
 * This hooks MiniSearch 7's internal per-term method (`termResults`, private in its types). Whenever the call
 * does not look as expected (another signature, other fields, other postings), MiniSearch's own walk runs.
 */
import type MiniSearch from 'minisearch';
import { lowerBound, type PassageStats } from './best-hits.js';

/** Shorter posting lists are walked by MiniSearch itself: nothing to save there. */
const MIN_POSTINGS = 64;
/** A term's postings are looked up by the gate's list (`ListedGate`) when they outnumber its entries this many times. */
const LOOKUP_RATIO = 16;

type Gate = (id: unknown, term: string, storedFields: unknown) => number;

/**
 * A gate (`boostDocument`) that may carry `admits`: the ids (ascending) outside which it returns 0 and does nothing
 * else. Its postings are then found by looking those ids up in each long posting list (binary search) rather than
 * by asking the gate about every posting; it is asked about the same ids in the same order.
 */
export type ListedGate = ((id: number, term: string) => number) & { admits?: Int32Array };
type TermResults = (
  sourceTerm: string,
  derivedTerm: string,
  termWeight: number,
  termBoost: number,
  fieldTermData: unknown,
  fieldBoosts: unknown,
  boostDocument: unknown,
  bm25: unknown,
  results?: unknown,
) => unknown;

/**
 * The admitted postings of one term as MiniSearch reads a posting map (its keys, their counts, and its size as
 * the term's document frequency), without building a Map for them.
 */
class AdmittedPostings {
  constructor(
    private readonly ids: Int32Array,
    private readonly all: Map<unknown, unknown>,
  ) {}
  get size(): number {
    return this.all.size;
  }
  keys(): IterableIterator<number> {
    return this.ids.values();
  }
  get(id: number): unknown {
    return this.all.get(id);
  }
}

/**
 * Installs the gated walk on `mini`, whose documents were added with ids 0..n-1 in that order (so MiniSearch's
 * internal document numbers are the ids), never removed and store no fields, and whose postings `stats` holds.
 */
export function walkGatedPostings(mini: MiniSearch, stats: PassageStats): void {
  const target = mini as unknown as { termResults?: TermResults };
  const own = target.termResults;
  if (typeof own !== 'function' || mini.documentCount !== stats.norm.length) return;
  const { termIds, starts, ids } = stats;
  // Reused by every term: MiniSearch reads one term's postings before it asks for the next.
  const admittedIds = new Int32Array(stats.norm.length);
  target.termResults = function (
    sourceTerm,
    derivedTerm,
    termWeight,
    termBoost,
    fieldTermData,
    fieldBoosts,
    boostDocument,
    bm25,
    results,
  ) {
    // MiniSearch's own scoring of this term, over the given postings.
    const score = (postings: unknown) =>
      own.call(
        this,
        sourceTerm,
        derivedTerm,
        termWeight,
        termBoost,
        postings,
        fieldBoosts,
        boostDocument,
        bm25,
        results,
      );
    const fallBack = () => score(fieldTermData);
    const t = termIds.get(derivedTerm);
    if (typeof boostDocument !== 'function' || t === undefined) return fallBack();
    if (!(fieldTermData instanceof Map) || fieldTermData.size !== 1) return fallBack();
    const [fieldId, postings] = (fieldTermData as Map<unknown, unknown>).entries().next().value as [
      unknown,
      unknown,
    ];
    const first = starts[t] as number;
    const end = starts[t + 1] as number;
    if (!(postings instanceof Map) || postings.size !== end - first || end - first < MIN_POSTINGS)
      return fallBack();
    const gate = boostDocument as Gate;
    const admits = (boostDocument as { admits?: unknown }).admits;
    let count = 0;
    if (admits instanceof Int32Array && admits.length * LOOKUP_RATIO <= end - first) {
      // The ids the gate may admit that this term's postings hold, in id order (the order of the walk below).
      let at = first;
      for (let j = 0; j < admits.length && at < end; j++) {
        const id = admits[j] as number;
        at = lowerBound(ids, at, end, id);
        if (at === end || ids[at] !== id) continue;
        if (!gate(id, derivedTerm, undefined)) continue;
        if (!postings.has(id)) return fallBack();
        admittedIds[count++] = id;
      }
    } else
      for (let k = first; k < end; k++) {
        const id = ids[k] as number;
        if (!gate(id, derivedTerm, undefined)) continue;
        if (!postings.has(id)) return fallBack();
        admittedIds[count++] = id;
      }
    return score(new Map([[fieldId, new AdmittedPostings(admittedIds.subarray(0, count), postings)]]));
  };
}
