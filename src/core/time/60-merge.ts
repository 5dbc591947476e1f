/**
 * Stage 6 — one event per happening: candidates with the same date whose content words overlap strongly
 * (weighted by rarity, so "Kazakhstan" counts for less than "shoot") are merged, citing every source.
 */
import type { Candidate } from './50-events.js';
import type { TimelineEvent } from './types.js';

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
  const df = new Map<string, number>();
  for (const c of candidates) for (const t of c.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = candidates.length + 1;
  const idf = (t: string) => Math.log(n / (df.get(t) ?? 1));
  const sides: Side[] = candidates.map((c) => ({
    terms: c.terms,
    set: new Set(c.terms),
    weight: c.terms.reduce((s, t) => s + idf(t), 0),
  }));

  const groups = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    const key = `${c.resolved.date}|${c.resolved.until ?? ''}|${c.background}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });

  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (const list of groups.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        // Already one event: the union below would change nothing (roots stay as they are).
        if (find(list[x] as number) === find(list[y] as number)) continue;
        const a = candidates[list[x] as number] as Candidate;
        const b = candidates[list[y] as number] as Candidate;
        const same = a.source.documentId === b.source.documentId;
        const { score, shared } = overlap(
          sides[list[x] as number] as Side,
          sides[list[y] as number] as Side,
          idf,
        );
        if (
          same
            ? score >= MERGE_WITHIN_DOCUMENT && shared >= 3
            : score >= MERGE_ACROSS_DOCUMENTS && shared >= 3
        ) {
          parent[find(list[y] as number)] = find(list[x] as number);
        }
      }
    }
  }

  const merged = new Map<number, Candidate[]>();
  candidates.forEach((c, i) => {
    const root = find(i);
    const list = merged.get(root);
    if (list) list.push(c);
    else merged.set(root, [c]);
  });

  const events: (TimelineEvent & { readonly first: number; readonly order: number })[] = [];
  for (const [root, list] of merged) {
    const head = list[0] as Candidate;
    const terms = [...new Set(list.flatMap((c) => c.terms))];
    // Each source once (its first candidate), by document and text.
    const seenSources = new Set<string>();
    const sources = list
      .filter((c) => {
        const key = `${c.source.documentId}\u0000${c.source.text}`;
        if (seenSources.has(key)) return false;
        seenSources.add(key);
        return true;
      })
      .map((c) => c.source);
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
      terms,
      first: head.resolved.first,
      order: root,
    });
  }
  const rank = { year: 0, month: 1, day: 2 } as const;
  events.sort((a, b) => a.first - b.first || rank[a.precision] - rank[b.precision] || a.order - b.order);
  return events.map(({ first: _f, order: _o, ...e }) => e);
}
