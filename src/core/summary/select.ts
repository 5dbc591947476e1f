/**
 * Query-time selection over the precomputed model: maximal marginal relevance (MMR). Each step takes the
 * candidate with the best salience, minus its similarity to points already taken, plus a bonus for names no
 * point has mentioned yet (a new actor usually means a new aspect: who did what, who answered, who stands to
 * gain), minus a small charge per point already taken from the same document, so a corpus summary walks
 * across the sources instead of repeating the lead they share.
 *
 * Reader comments are left out of corpus and source summaries: those summarise what the sources report, and a
 * comment thread is neither reporting nor always on topic. A topic summary may include at most one comment,
 * labelled `comment`, when it is among the best matches for the topic.
 */
import type { PassageIndex } from '../search/index.js';
import { maxOf } from '../text/max.js';
import { centroidMass, cosine } from './model.js';
import {
  POINTS_BY_LENGTH,
  type SummaryModel,
  type SummaryOptions,
  type SummaryPoint,
  type SummaryResult,
  type SummarySentence,
} from './types.js';

/** MMR weights: prior salience, what a candidate adds to the cross-document centroid that chosen points have not covered yet, and its similarity to chosen points. */
const W_SALIENCE = 0.5;
const W_NOVEL = 0.25;
const W_REDUNDANCY = 0.3;
/** Candidates more similar than this to a chosen point are near-duplicates and never chosen. */
const DUPLICATE = 0.5;
const NEW_ENTITY_BONUS = 0.2;
/** For the first point to carry a speaker's words (a quotation or reported speech): who said what, from several voices. */
const NEW_CLAIMANT_BONUS = 0.1;
const SAME_DOCUMENT_CHARGE = 0.25;
const SAME_PARAGRAPH_CHARGE = 0.1;
/** Charge per chosen point of the same aspect (event, claim, outlook, context): spreads the summary over them. */
const SAME_ASPECT_CHARGE = 0.04;
const NEW_ASPECT_BONUS = 0.06;
/** Corpus mode looks at this many of the most salient sentences (bounded work on large corpora). */
const CORPUS_CANDIDATES = 200;
const TOPIC_HITS = 60;
const MAX_COMMENTS_IN_TOPIC = 1;
/**
 * Concept coverage (after Gillick & Favre's concept-based multi-document summarisation): a concept is a pair of
 * adjacent content lemmas ("fuel price", "shoot kill"), worth the number of documents that use it when two or more
 * do. A candidate gains the worth of the concepts no chosen point covers yet, per square root of its length, so
 * the summary spreads over the facts several sources report instead of repeating the one they share.
 */
const W_CONCEPT = 1;

interface Candidate {
  readonly s: SummarySentence;
  /** 0..1 */
  readonly salience: number;
}

export function summarise(
  model: SummaryModel,
  index: PassageIndex,
  options: SummaryOptions = {},
): SummaryResult {
  const size = POINTS_BY_LENGTH[options.length ?? 'medium'];
  const sentence = (id: number) => model.sentences[id] as SummarySentence;
  let candidates: Candidate[];
  if (options.topic !== undefined) {
    const hits = index.search(options.topic, { limit: TOPIC_HITS, documentId: options.documentId });
    const top = hits[0]?.score ?? 0;
    candidates = hits
      .map((h) => ({ s: sentence(h.passage.id), relevance: top > 0 ? h.score / top : 0 }))
      .filter((c) => c.s.ineligible === null && c.relevance >= 0.25)
      .map((c) => ({
        s: c.s,
        salience: (0.6 * c.relevance + 0.4 * c.s.salience) * (c.s.kind === 'comment' ? 0.7 : 1),
      }));
  } else if (options.documentId !== undefined) {
    candidates = (model.byDocument.get(options.documentId) ?? [])
      .map(sentence)
      .filter((s) => s.kind !== 'comment')
      .map((s) => ({ s, salience: s.salience }));
  } else {
    candidates = model.ranked
      .slice(0, CORPUS_CANDIDATES)
      .map((id) => ({ s: sentence(id), salience: sentence(id).salience }));
  }
  if (candidates.length === 0) return { ok: false, code: 'NO_RESULTS' };
  const max = maxOf(
    candidates.map((c) => c.salience),
    1e-12,
  );
  const pool = candidates.map((c) => ({ s: c.s, salience: c.salience / max }));
  const chosen = mmr(model, pool, size, options.documentId === undefined);
  const ordered =
    options.documentId !== undefined && options.topic === undefined
      ? [...chosen].sort((a, b) => a.s.passage.id - b.s.passage.id)
      : chosen;
  return { ok: true, points: ordered.map(pointOf) };
}

function mmr(
  model: SummaryModel,
  pool: readonly Candidate[],
  size: number,
  acrossDocuments: boolean,
): { s: SummarySentence; score: number }[] {
  const chosen: { s: SummarySentence; score: number }[] = [];
  const { start: conceptStart, ids: conceptIds, worth } = model.concepts;
  const lengthNorm = pool.map((c) => Math.sqrt(Math.max(c.s.passage.terms.length, 6)));
  const coveredConcepts = new Set<number>();
  const conceptGain = (i: number) => {
    const id = (pool[i] as Candidate).s.passage.id;
    let g = 0;
    for (let k = conceptStart[id] as number; k < (conceptStart[id + 1] as number); k++) {
      const c = conceptIds[k] as number;
      if (!coveredConcepts.has(c)) g += worth[c] as number;
    }
    return g / (lengthNorm[i] as number);
  };
  const maxConceptGain = maxOf(
    pool.map((_, i) => conceptGain(i)),
    1e-12,
  );
  const covered = new Set<number>();
  const heard = new Set<number>();
  const maxVoice = Math.max(model.maxClaimantWeight, 1e-12);
  const perDocument = new Map<string, number>();
  const paragraphs = new Set<string>();
  const aspects = new Map<string, number>();
  // Each candidate's greatest similarity to a chosen point, updated with the latest choice only.
  const redundancy = new Float64Array(pool.length);
  const taken = new Uint8Array(pool.length);
  const coveredTerms = new Uint8Array(model.centroid.length);
  const open = (t: number) => coveredTerms[t] === 0;
  const maxEntityGain = Math.max(model.maxEntityWeight, 1e-12) * 2;
  // Per-candidate lookups done once, not at every step.
  const keys = pool.map((c) => paragraphKey(c.s));
  const entityWeights = pool.map((c) => c.s.entities.map((e) => model.entityWeight.get(e) ?? 0));
  let comments = 0;
  while (chosen.length < size) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      const c = pool[i] as Candidate;
      if (taken[i] || (redundancy[i] ?? 0) > DUPLICATE) continue;
      if (c.s.kind === 'comment' && comments >= MAX_COMMENTS_IN_TOPIC) continue;
      let gain = 0;
      const weights = entityWeights[i] as number[];
      c.s.entities.forEach((e, k) => {
        if (!covered.has(e)) gain += weights[k] ?? 0;
      });
      let voice = 0;
      for (const k of c.s.claimants) if (!heard.has(k)) voice += model.claimantWeight[k] as number;
      const novel = centroidMass(c.s.vector, model.centroid, open);
      let score =
        W_SALIENCE * c.salience +
        (W_NOVEL * novel) / model.maxCloseness -
        W_REDUNDANCY * (redundancy[i] ?? 0) +
        NEW_ENTITY_BONUS * Math.min(gain / maxEntityGain, 1) +
        NEW_CLAIMANT_BONUS * Math.min(voice / maxVoice, 1) +
        (W_CONCEPT * conceptGain(i)) / maxConceptGain;
      if (acrossDocuments) score -= SAME_DOCUMENT_CHARGE * (perDocument.get(c.s.passage.documentId) ?? 0);
      if (paragraphs.has(keys[i] as string)) score -= SAME_PARAGRAPH_CHARGE;
      const sameAspect = aspects.get(c.s.aspect) ?? 0;
      score += sameAspect === 0 ? NEW_ASPECT_BONUS : -SAME_ASPECT_CHARGE * sameAspect;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (best === -1) break;
    const pick = pool[best] as Candidate;
    const s = pick.s;
    taken[best] = 1;
    chosen.push({ s, score: pick.salience });
    for (let i = 0; i < pool.length; i++) {
      if (!taken[i])
        redundancy[i] = Math.max(redundancy[i] ?? 0, cosine((pool[i] as Candidate).s.vector, s.vector));
    }
    for (const e of s.entities) covered.add(e);
    for (const k of s.claimants) heard.add(k);
    for (let k = conceptStart[s.passage.id] as number; k < (conceptStart[s.passage.id + 1] as number); k++)
      coveredConcepts.add(conceptIds[k] as number);
    for (const t of s.vector.ids) coveredTerms[t] = 1;
    perDocument.set(s.passage.documentId, (perDocument.get(s.passage.documentId) ?? 0) + 1);
    paragraphs.add(paragraphKey(s));
    aspects.set(s.aspect, (aspects.get(s.aspect) ?? 0) + 1);
    if (s.kind === 'comment') comments++;
  }
  return chosen;
}

function paragraphKey(s: SummarySentence): string {
  return `${s.passage.documentId}/${s.passage.comment ?? 0}/${s.passage.paragraph}`;
}

function pointOf(c: { s: SummarySentence; score: number }): SummaryPoint {
  const p = c.s.passage;
  return {
    text: c.s.text,
    documentId: p.documentId,
    paragraph: p.paragraph,
    comment: p.comment,
    kind: c.s.kind,
    start: c.s.start,
    end: c.s.end,
    score: Math.round(c.score * 1000) / 1000,
  };
}
