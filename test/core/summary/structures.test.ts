import { describe, expect, it } from 'vitest';
import { analyzeCorpus } from '../../../src/core/analysis.js';
import { cosine, SentenceGraph, textRank } from '../../../src/core/summary/model.js';
import type { TermVector } from '../../../src/core/summary/types.js';
import { corpusOfTexts } from '../../helpers/corpus.js';
import { FLOOD_HINTS, FLOOD_TEXTS } from './fixtures.js';

const flood = analyzeCorpus(corpusOfTexts(FLOOD_TEXTS, FLOOD_HINTS));

/** TextRank as the textbook states it: the full cosine matrix, 30 Jacobi sweeps from the uniform distribution. */
function naiveTextRank(vectors: readonly TermVector[]): number[] {
  const n = vectors.length;
  const w = vectors.map((a) =>
    vectors.map((b) => (a === b ? 0 : cosine(a, b))).map((x) => (x > 0.02 ? x : 0)),
  );
  const out = w.map((row) => row.reduce((s, x) => s + x, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < 30; it++)
    rank = rank.map(
      (_, j) =>
        0.15 / n +
        rank.reduce((s, r, i) => s + (out[i] ? (0.85 * r * (w[i]?.[j] ?? 0)) / (out[i] ?? 1) : 0), 0),
    );
  return rank;
}

describe('GIVEN the sentence graph of each flood document', () => {
  const groups = new Map<string, TermVector[]>();
  for (const s of flood.summary.sentences)
    if (s.passage.role === 'body')
      groups.set(s.passage.documentId, [...(groups.get(s.passage.documentId) ?? []), s.vector]);

  it('THEN textRank equals the textbook computation', () => {
    for (const vectors of groups.values()) {
      const expected = naiveTextRank(vectors);
      textRank(vectors).forEach((r, i) => expect(r).toBeCloseTo(expected[i] ?? 0, 12));
    }
  });

  it('THEN the converged ranks (Gauss-Seidel with a tolerance) agree with many Jacobi sweeps', () => {
    const graph = new SentenceGraph(flood.summary.centroid.length);
    for (const vectors of groups.values()) {
      const fixed = graph.rank(vectors, 0.85, 300);
      const converged = graph.rank(vectors, 0.85, 0, 1e-6);
      converged.forEach((r, i) => expect(r).toBeCloseTo(fixed[i] ?? 0, 5));
    }
  });
});

describe('GIVEN the concept index of the flood corpus', () => {
  const { concepts, sentences } = flood.summary;
  it('THEN every concept is used by two or more documents, and an eligible sentence lists its concepts once each', () => {
    for (const w of concepts.worth) expect(w).toBeGreaterThanOrEqual(2);
    sentences.forEach((s, i) => {
      const ids = [...concepts.ids.subarray(concepts.start[i], concepts.start[i + 1])];
      expect(new Set(ids).size).toBe(ids.length);
      if (s.ineligible !== null) expect(ids).toEqual([]);
    });
  });

  it('THEN the lead both reports share ("river wend", "burst bank") is a concept of both documents', () => {
    const lead = sentences.filter((s) => s.text.startsWith('The river Wend burst its banks'));
    expect(lead.length).toBe(2);
    const of = (i: number) => [...concepts.ids.subarray(concepts.start[i], concepts.start[i + 1])];
    const [a, b] = lead.map((s) => of(s.passage.id));
    const shared = (a ?? []).filter((c) => (b ?? []).includes(c));
    expect(shared.length).toBeGreaterThanOrEqual(3);
    for (const c of shared) expect(concepts.worth[c]).toBe(2);
  });
});

describe('GIVEN a report reprinted verbatim by another outlet', () => {
  const texts = { ...FLOOD_TEXTS, d_reprint: FLOOD_TEXTS.a_report ?? '' };
  const hints = { ...FLOOD_HINTS, d_reprint: { kind: 'news' as const } };
  const { summary } = analyzeCorpus(corpusOfTexts(texts, hints));
  const body = (id: string) =>
    summary.sentences.filter((s) => s.passage.documentId === id && s.passage.role === 'body');
  const original = body('a_report');
  const reprint = body('d_reprint');
  const conceptsOf = (i: number) => [
    ...summary.concepts.ids.subarray(summary.concepts.start[i], summary.concepts.start[i + 1]),
  ];

  it("THEN each reprinted sentence has its original's vector, centrality and concepts", () => {
    expect(reprint.length).toBe(original.length);
    expect(reprint.length).toBeGreaterThan(3);
    original.forEach((s, k) => {
      const copy = reprint[k];
      expect(copy?.text).toBe(s.text);
      expect([...(copy?.vector.ids ?? [])]).toEqual([...s.vector.ids]);
      expect([...(copy?.vector.weights ?? [])]).toEqual([...s.vector.weights]);
      expect(copy?.centrality).toBe(s.centrality);
      expect(conceptsOf(copy?.passage.id ?? -1)).toEqual(conceptsOf(s.passage.id));
    });
  });

  it("THEN the centrality it shares is the TextRank of the reprint's own sentence graph", () => {
    const ranks = new SentenceGraph(summary.centroid.length).rank(
      reprint.map((s) => s.vector),
      0.85,
      0,
      1e-4,
    );
    const top = Math.max(...ranks);
    reprint.forEach((s, k) => expect(s.centrality).toBe((ranks[k] ?? 0) / top));
  });
});
