/**
 * Stage 6 — one event per happening: candidates with the same date whose content words overlap strongly
 * (weighted by rarity, so "Kazakhstan" counts for less than "shoot") are merged, citing every source.
 */
import type { Candidate } from './50-events.js';
import type { EventSource, TimelineEvent } from './types.js';

/** A candidate's terms as a set, and their total weight, computed once per candidate. */
interface Side {
  readonly terms: readonly string[];
  readonly set: ReadonlySet<string>;
  readonly weight: number;
}

/** Share of the smaller side's weight that both sides hold. */
function overlap(a: Side, b: Side, idf: (t: string) => number): { score: number; shared: number } {
  let shared = 0;
  let sharedWeight = 0;
  for (const t of a.terms) {
    if (b.set.has(t)) {
      shared++;
      sharedWeight += idf(t);
    }
  }
  const min = Math.min(a.weight, b.weight);
  return { score: min > 0 ? sharedWeight / min : 0, shared };
}

export const MERGE_ACROSS_DOCUMENTS = 0.3;
export const MERGE_WITHIN_DOCUMENT = 0.8;

export function mergeCandidates(candidates: readonly Candidate[]): TimelineEvent[] {
  // Candidates with the same terms in the same order compare alike (to the last bit): one Side each, counted.
  const { lists, counts, sideOf } = termLists(candidates);
  const df = new Map<string, number>();
  lists.forEach((terms, id) => {
    const k = counts[id] as number;
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + k);
  });
  const n = candidates.length + 1;
  const idf = (t: string) => Math.log(n / (df.get(t) ?? 1));
  const sides: Side[] = lists.map((terms) => ({
    terms,
    set: new Set(terms),
    weight: terms.reduce((s, t) => s + idf(t), 0),
  }));

  const groups = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    const key = `${c.resolved.date}|${c.resolved.until ?? ''}|${c.background}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });

  const parent = new Int32Array(candidates.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const decisions = new Map<number, number>();
  const decide = (a: number, b: number): number => {
    const key = a * sides.length + b;
    let d = decisions.get(key);
    if (d === undefined) {
      const { score, shared } = overlap(sides[a] as Side, sides[b] as Side, idf);
      d =
        (score >= MERGE_ACROSS_DOCUMENTS && shared >= 3 ? ACROSS : 0) |
        (score >= MERGE_WITHIN_DOCUMENT && shared >= 3 ? WITHIN : 0);
      decisions.set(key, d);
    }
    return d;
  };
  const docOf = (i: number) => (candidates[i] as Candidate).source.documentId;
  const distinctTerms = sides.every((s) => s.set.size === s.terms.length);
  for (const list of groups.values()) {
    if (distinctTerms) uniteGroup(list, sides, sideOf, docOf, find, parent, decide);
    else uniteAllPairs(list, sideOf, docOf, find, parent, decide);
  }
  const merged = new Map<number, number[]>();
  for (let i = 0; i < candidates.length; i++) {
    const root = find(i);
    const list = merged.get(root);
    if (list) list.push(i);
    else merged.set(root, [i]);
  }

  const events: (TimelineEvent & { readonly first: number; readonly order: number })[] = [];
  for (const [root, list] of merged) {
    const head = candidates[list[0] as number] as Candidate;
    // Terms in order of first use; a term list met before adds nothing new.
    const terms = new Set<string>();
    const sidesSeen = new Set<number>();
    // Each source once (its first candidate), by document and text.
    const seenSources = new Map<string, Set<string>>();
    const sources: EventSource[] = [];
    for (const i of list) {
      const c = candidates[i] as Candidate;
      const side = sideOf[i] as number;
      if (!sidesSeen.has(side)) {
        sidesSeen.add(side);
        for (const t of c.terms) terms.add(t);
      }
      let texts = seenSources.get(c.source.documentId);
      if (!texts) seenSources.set(c.source.documentId, (texts = new Set()));
      if (texts.has(c.source.text)) continue;
      texts.add(c.source.text);
      sources.push(c.source);
    }
    events.push({
      date: head.resolved.date,
      precision: head.resolved.precision,
      ...(head.resolved.until ? { until: head.resolved.until } : {}),
      text: head.source.text,
      documentId: head.source.documentId,
      paragraph: head.source.paragraph,
      comment: head.source.comment,
      ...(head.source.role ? { role: head.source.role } : {}),
      background: head.background,
      sources,
      terms: [...terms],
      first: head.resolved.first,
      order: root,
    });
  }
  const rank = { year: 0, month: 1, day: 2 } as const;
  // A span of days ("last week") after the single days it starts on, so a day's events stay under one heading.
  events.sort(
    (a, b) =>
      a.first - b.first ||
      rank[a.precision] - rank[b.precision] ||
      (a.until === undefined ? 0 : 1) - (b.until === undefined ? 0 : 1) ||
      a.order - b.order,
  );
  return events.map(({ first: _f, order: _o, ...e }) => e);
}

/** Bits of a pair's decision: whether they merge when from different documents, and when from the same one. */
const ACROSS = 1;
const WITHIN = 2;

type Decide = (a: number, b: number) => number;

/**
 * The plain rule, pair by pair in order: a later candidate's event joins an earlier one's when their terms
 * overlap enough. Kept for candidates whose term lists repeat a term (never the case for `eventTerms`).
 */
function uniteAllPairs(
  list: readonly number[],
  sideOf: Int32Array,
  docOf: (i: number) => string,
  find: (i: number) => number,
  parent: Int32Array,
  decide: Decide,
): void {
  for (let x = 0; x < list.length; x++) {
    for (let y = x + 1; y < list.length; y++) {
      const a = list[x] as number;
      const b = list[y] as number;
      // Already one event: the union below would change nothing (roots stay as they are).
      if (find(a) === find(b)) continue;
      const d = decide(sideOf[a] as number, sideOf[b] as number);
      if (d & (docOf(a) === docOf(b) ? WITHIN : ACROSS)) parent[find(b)] = find(a);
    }
  }
}

/**
 * The same unions as `uniteAllPairs`, with the same roots, without comparing every pair: a group's candidates
 * fall into classes of equal term lists (a story's sentence copied into many articles). For candidate x the plain
 * rule joins to x's event every event holding a later candidate y that x's terms match; so
 * - a class whose terms are fewer than 3 never joins anything (3 shared terms are needed), nor is joined;
 * - a class's first candidate joins all the class's later ones (equal lists match fully), so from then on the
 *   class is one event and each class needs one decision, not one per member;
 * - a later member x' of a class, already in the event of an earlier member x, joins nothing new when it has x's
 *   document (the same matches) or once members from two different documents came before it (for every y, one of
 *   them is from another document than y, and across documents the threshold is the lower one). So at most two
 *   members of each class are compared with the rest.
 */
function uniteGroup(
  list: readonly number[],
  sides: readonly Side[],
  sideOf: Int32Array,
  docOf: (i: number) => string,
  find: (i: number) => number,
  parent: Int32Array,
  decide: Decide,
): void {
  interface Class {
    readonly side: number;
    readonly members: number[];
    firstDoc: string;
    /** A member from another document than the first was compared too. */
    second: boolean;
  }
  const classes = new Map<number, Class>();
  const live: Class[] = [];
  for (const i of list) {
    const side = sideOf[i] as number;
    let c = classes.get(side);
    if (!c) {
      c = { side, members: [], firstDoc: docOf(i), second: false };
      classes.set(side, c);
      if ((sides[side] as Side).terms.length >= 3) live.push(c);
    }
    c.members.push(i);
  }
  if (live.length === 0) return;
  for (const x of list) {
    const own = classes.get(sideOf[x] as number) as Class;
    if ((sides[own.side] as Side).terms.length < 3) continue;
    const dx = docOf(x);
    if (own.members[0] !== x) {
      if (own.second || dx === own.firstDoc) continue;
      own.second = true;
    }
    const root = find(x);
    for (const c of live) {
      const m = c.members;
      const from = firstAfter(m, x);
      if (from === m.length) continue;
      if ((m[0] as number) < x) {
        // The class is one event already: join it once if any later member matches.
        const last = m[m.length - 1] as number;
        if (find(last) === root) continue;
        const d = decide(own.side, c.side);
        if (d === 0) continue;
        for (let k = m.length - 1; k >= from; k--) {
          const y = m[k] as number;
          if (d & (docOf(y) === dx ? WITHIN : ACROSS)) {
            parent[find(y)] = root;
            break;
          }
        }
        continue;
      }
      let d = -1;
      for (let k = from; k < m.length; k++) {
        const y = m[k] as number;
        if (find(y) === root) continue;
        if (d === -1) d = decide(own.side, c.side);
        if (d === 0) break;
        if (d & (docOf(y) === dx ? WITHIN : ACROSS)) parent[find(y)] = root;
      }
    }
  }
}

/** Index of the first element greater than x in an ascending list. */
function firstAfter(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The distinct term lists of the candidates (equal content, same order), how many candidates hold each, and which. */
function termLists(candidates: readonly Candidate[]): {
  lists: (readonly string[])[];
  counts: number[];
  sideOf: Int32Array;
} {
  const lists: (readonly string[])[] = [];
  const counts: number[] = [];
  const sideOf = new Int32Array(candidates.length);
  const byArray = new Map<readonly string[], number>();
  const byKey = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    let id = byArray.get(c.terms);
    if (id === undefined) {
      // The joined key can only collide when a term holds the separator: each hit is checked term by term.
      const key = c.terms.join('\u0000');
      const ids = byKey.get(key);
      id = ids?.find((j) => sameList(lists[j] as readonly string[], c.terms));
      if (id === undefined) {
        id = lists.length;
        lists.push(c.terms);
        counts.push(0);
        if (ids) ids.push(id);
        else byKey.set(key, [id]);
      }
      byArray.set(c.terms, id);
    }
    counts[id] = (counts[id] as number) + 1;
    sideOf[i] = id;
  });
  return { lists, counts, sideOf };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
