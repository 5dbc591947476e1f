import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../src/core/time/50-events.js';
import {
  MERGE_ACROSS_DOCUMENTS,
  MERGE_WITHIN_DOCUMENT,
  mergeCandidates,
} from '../../../src/core/time/60-merge.js';
import type { TimelineEvent } from '../../../src/core/time/types.js';
import { random } from '../../helpers/random.js';

// The pair-by-pair merge as first written: mergeCandidates must give exactly what it gives.
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

function referenceMerge(candidates: readonly Candidate[]): TimelineEvent[] {
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

/** Candidates as a corpus of copied stories makes them: a few sentences, each repeated across documents. */
function candidates(seed: number, count: number, options: { repeatTerm?: boolean } = {}): Candidate[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const vocabulary = Array.from({ length: 30 }, (_, i) => `w${i}`);
  const sentences = Array.from({ length: 8 + Math.floor(rnd() * 10) }, (_, i) => {
    const terms: string[] = [];
    const size = Math.floor(rnd() * 9);
    while (terms.length < size) {
      const t = pick(vocabulary);
      if (!terms.includes(t)) terms.push(t);
    }
    if (options.repeatTerm && terms.length > 0 && rnd() < 0.3) terms.push(terms[0] as string);
    return { text: `Sentence ${i}.`, terms };
  });
  const dates = ['2022-01-07', '2022-01-08', '2022-01'];
  return Array.from({ length: count }, () => {
    const s = pick(sentences);
    const date = pick(dates);
    const documentId = `d${Math.floor(rnd() * 6)}`;
    return {
      resolved: {
        date,
        precision: date.length === 7 ? ('month' as const) : ('day' as const),
        first: date.length === 7 ? 0 : Number(date.slice(-2)),
      },
      background: rnd() < 0.2,
      source: {
        documentId,
        paragraph: 1 + Math.floor(rnd() * 3),
        comment: null,
        text: s.text,
        kind: 'news' as const,
      },
      // Sometimes the very array another candidate holds (one sentence, two dates), sometimes a copy.
      terms: rnd() < 0.5 ? s.terms : [...s.terms],
    };
  });
}

describe('mergeCandidates', () => {
  it('merges exactly as comparing every pair does, with the same events in the same order', () => {
    expect(MERGE_WITHIN_DOCUMENT).toBeGreaterThanOrEqual(MERGE_ACROSS_DOCUMENTS);
    for (let seed = 1; seed <= 60; seed++) {
      const cs = candidates(seed, 20 + seed * 3);
      const expected: TimelineEvent[] = referenceMerge(cs);
      expect(mergeCandidates(cs), `seed ${seed}`).toEqual(expected);
    }
  });

  it('also when a term list repeats a term', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const cs = candidates(seed, 60, { repeatTerm: true });
      expect(mergeCandidates(cs), `seed ${seed}`).toEqual(referenceMerge(cs));
    }
  });
});
