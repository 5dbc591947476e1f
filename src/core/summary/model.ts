/**
 * The summary model, built once at analysis time from the passage index (no second NLP pass):
 * 1. each sentence's terms as a tf-idf vector, its proper nouns, and whether it may stand alone as a point;
 * 2. centrality: TextRank over each document's own sentence graph (per document, so cost grows with the
 *    corpus, not with its square);
 * 3. closeness to the corpus centroid (each document weighted equally), so what most sources discuss ranks up;
 * 4. position (lead bias within each document) and entity coverage (names several documents mention);
 * and the prior salience combining them. Query time only selects (see `select.ts`).
 */
import { MONTHS, WEEKDAYS } from '../text/calendar-words.js';
import type { Corpus, Token } from '../corpus/types.js';
import { isContentToken, termOf, type Passage, type PassageIndex } from '../search/index.js';
import type { Aspect, Ineligible, PointKind, SummaryModel, SummarySentence, TermVector } from './types.js';

const WEIGHTS = { centrality: 0.25, centroid: 0.25, position: 0.3, coverage: 0.2 };
/** Shorter sentences are fragments; a point needs a subject and a verb at least. */
export const MIN_WORDS = 6;
/** Longer sentences are cut at their first clause boundary after this many words, when one exists. */
const TRIM_WORDS = 45;
const TRIM_HEAD_MIN = 15;
const LONG_WORDS = 32;
const BACKGROUND_FACTOR = 0.8;
const YEAR = /^(1[89]|20)\d\d$/;
/** Words that attribute the speech they sit beside ("…," the ministry said). */
const ATTRIBUTION = new Set([
  'say',
  'said',
  'tell',
  'told',
  'add',
  'added',
  'accuse',
  'blame',
  'warn',
  'write',
  'wrote',
  'argue',
  'note',
  'claim',
  'insist',
  'announce',
  'describe',
  'state',
  'declare',
  'according',
  'quote',
  'call',
  'ask',
  'reply',
  'respond',
  'suggest',
  'predict',
  'believe',
  'deny',
  'vow',
  'urge',
]);
const OPEN_QUOTES = new Set(['“', '‘', '«']);
const CLOSE_QUOTES = new Set(['”', '’', '»']);
// 'may' is left out: far more often the modal than the month.
const DATE_WORDS = new Set<string>([
  ...WEEKDAYS,
  ...MONTHS.filter((m) => m !== 'may'),
  'yesterday',
  'today',
  'tonight',
]);
const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'should', 'must']);
const DANGLING_START = new Set([
  'he',
  'she',
  'they',
  'it',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'their',
  'its',
]);

export function buildSummaryModel(corpus: Corpus, index: PassageIndex): SummaryModel {
  const list = index.passages;
  const vocab = new Map<string, number>();
  const idOf = (term: string): number => {
    let id = vocab.get(term);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(term, id);
    }
    return id;
  };
  const termIds = list.map((p) => p.terms.map(idOf));
  const df = new Float64Array(vocab.size);
  for (const ids of termIds) for (const id of new Set(ids)) df[id] = (df[id] ?? 0) + 1;
  const n = list.length;
  const idf = (id: number) => Math.log((n + 1) / ((df[id] ?? 0) + 0.5));
  const vectors = termIds.map((ids) => vectorOf(ids, idf));

  // Proper nouns and how many documents name each (article text only).
  const entitiesOf = list.map((p) => {
    const ids: number[] = [];
    for (const t of p.sentence.tokens) {
      if (t.pos !== 'PROPN' || !isContentToken(t)) continue;
      const id = idOf(termOf(t));
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  });
  const docsNaming = new Map<number, Set<string>>();
  list.forEach((p, i) => {
    if (p.role !== 'body') return;
    for (const e of entitiesOf[i] ?? []) {
      const set = docsNaming.get(e) ?? new Set<string>();
      set.add(p.documentId);
      docsNaming.set(e, set);
    }
  });
  const entityWeight = new Map<number, number>();
  for (const [e, docs] of docsNaming) entityWeight.set(e, Math.log(1 + docs.size));

  // Centrality: TextRank per document (article) and per document's comment thread.
  const centrality = new Float64Array(n);
  const groups = new Map<string, number[]>();
  for (const p of list) {
    if (p.role === 'caption') continue;
    const key = `${p.documentId}\u0000${p.role}`;
    const g = groups.get(key) ?? [];
    g.push(p.id);
    groups.set(key, g);
  }
  for (const ids of groups.values()) {
    const ranks = textRank(ids.map((id) => vectors[id] as TermVector));
    const max = maxOf(ranks, 1e-12);
    ids.forEach((id, k) => (centrality[id] = (ranks[k] ?? 0) / max));
  }

  // Cross-document centroid: a term weighs by the share of documents whose articles use it (squared) times its
  // rarity among sentences, so a fact several sources each state once ("fuel prices") outweighs a word one
  // source repeats, and words every sentence uses weigh little. With one document, its own term frequencies.
  const docsUsing = new Map<number, Set<string>>();
  list.forEach((p, i) => {
    if (p.role !== 'body') return;
    for (const id of (vectors[i] as TermVector).ids) {
      const set = docsUsing.get(id) ?? new Set<string>();
      set.add(p.documentId);
      docsUsing.set(id, set);
    }
  });
  const documentCount = new Set(list.filter((p) => p.role === 'body').map((p) => p.documentId)).size;
  const centroid = new Float64Array(vocab.size);
  for (const [id, docs] of docsUsing) {
    if (documentCount > 1 && docs.size < 2) continue;
    const share = docs.size / Math.max(documentCount, 1);
    centroid[id] = share * share * idf(id);
  }
  const centroidNorm = Math.sqrt(centroid.reduce((s, x) => s + x * x, 0)) || 1;
  for (let k = 0; k < centroid.length; k++) centroid[k] = (centroid[k] ?? 0) / centroidNorm;
  const closeness = vectors.map((v) => centroidMass(v, centroid, () => true));
  const maxCloseness = maxOf(closeness, 1e-12);

  const coverageRaw = entitiesOf.map((es) =>
    es
      .map((e) => entityWeight.get(e) ?? 0)
      .sort((a, b) => b - a)
      .slice(0, 4)
      .reduce((s, x) => s + x, 0),
  );
  const maxCoverage = maxOf(coverageRaw, 1e-12);

  // The corpus' present: the latest year its documents are dated or mostly speak of; sentences dated years
  // earlier are background (a past war, an old election) rather than what happened.
  const present = presentYear(corpus);
  const paragraphsOf = new Map(corpus.documents.map((d) => [d.meta.id, d.body.length]));
  // Start offsets of each document's paragraph-opening sentences.
  const opening = new Map<string, Set<number>>();
  for (const d of corpus.documents) {
    let starts = opening.get(d.meta.id);
    if (starts === undefined) opening.set(d.meta.id, (starts = new Set()));
    for (const para of d.body) if (para.sentences[0]) starts.add(para.sentences[0].start);
  }
  const sentences: SummarySentence[] = list.map((p, i) => {
    const kind: PointKind = p.role === 'comment' ? 'comment' : p.kind;
    const slice = trimmed(p);
    let words = 0;
    for (const t of p.sentence.tokens) if (t.type === 'word') words++;
    const position = positionOf(
      p,
      paragraphsOf.get(p.documentId) ?? 1,
      opening.get(p.documentId)?.has(p.start) === true,
    );
    const parts = {
      centrality: centrality[i] ?? 0,
      centroid: (closeness[i] ?? 0) / maxCloseness,
      position,
      coverage: (coverageRaw[i] ?? 0) / maxCoverage,
    };
    const base =
      WEIGHTS.centrality * parts.centrality +
      WEIGHTS.centroid * parts.centroid +
      WEIGHTS.position * parts.position +
      WEIGHTS.coverage * parts.coverage;
    const shape = quoteShape(p.sentence.tokens);
    return {
      passage: p,
      kind,
      ineligible: ineligibility(p, shape),
      vector: vectors[i] as TermVector,
      entities: entitiesOf[i] ?? [],
      aspect: aspectOf(p.sentence.tokens, shape),
      start: slice.start,
      end: slice.end,
      text: slice.text,
      centrality: parts.centrality,
      centroid: parts.centroid,
      position: parts.position,
      coverage: parts.coverage,
      salience:
        base *
        styleFactor(p.sentence.tokens, words) *
        (present !== null && isBackground(p.sentence.tokens, present) ? BACKGROUND_FACTOR : 1),
    };
  });

  const eligible = sentences.filter((s) => s.ineligible === null);
  const bySalience = (a: SummarySentence, b: SummarySentence) =>
    b.salience - a.salience || a.passage.id - b.passage.id;
  // One sort: the order is total (ties go to the passage id), so the articles' ranking is the sorted list filtered.
  const sorted = eligible.sort(bySalience);
  const ranked = sorted.filter((s) => s.kind !== 'comment').map((s) => s.passage.id);
  const byDocument = new Map<string, number[]>();
  for (const s of sorted) {
    const ids = byDocument.get(s.passage.documentId) ?? [];
    ids.push(s.passage.id);
    byDocument.set(s.passage.documentId, ids);
  }
  return { sentences, ranked, byDocument, centroid, maxCloseness, entityWeight };
}

function vectorOf(ids: readonly number[], idf: (id: number) => number): TermVector {
  // Term frequencies as runs of the sorted ids.
  const all = Int32Array.from(ids).sort();
  const unique: number[] = [];
  const weights: number[] = [];
  for (let k = 0; k < all.length;) {
    const id = all[k] as number;
    let end = k + 1;
    while (end < all.length && all[end] === id) end++;
    unique.push(id);
    weights.push((1 + Math.log(end - k)) * idf(id));
    k = end;
  }
  let sum = 0;
  for (const w of weights) sum += w * w;
  const norm = Math.sqrt(sum) || 1;
  const unit = new Float64Array(weights.length);
  for (let k = 0; k < weights.length; k++) unit[k] = (weights[k] as number) / norm;
  return { ids: Int32Array.from(unique), weights: unit };
}

/**
 * How much of the cross-document centroid a sentence states: the centroid weights of its distinct terms, over the
 * square root of its term count (a mild length normalisation, so a long sentence does not win by size alone).
 * `open` says which terms still count (the summariser stops counting terms already covered).
 */
export function centroidMass(v: TermVector, centroid: Float64Array, open: (term: number) => boolean): number {
  if (v.ids.length === 0) return 0;
  let mass = 0;
  for (const t of v.ids) if (open(t)) mass += centroid[t] ?? 0;
  return mass / Math.sqrt(v.ids.length);
}

/** Cosine of two unit vectors: a merge over their sorted term ids. */
export function cosine(a: TermVector, b: TermVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) dot += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** The largest of `values` and `floor` (a loop: spreading a corpus-sized array into Math.max overflows the stack). */
function maxOf(values: ArrayLike<number>, floor: number): number {
  let max = floor;
  for (let k = 0; k < values.length; k++) if ((values[k] as number) > max) max = values[k] as number;
  return max;
}

/**
 * A document up to this many sentences gets the full sentence graph; a longer one (never a real article: a
 * dump or hostile input) links each sentence to its NEIGHBOURHOOD nearest sentences on either side only,
 * so the cost stays linear in its length.
 */
const FULL_GRAPH = 400;
const NEIGHBOURHOOD = 100;

/** Weighted PageRank over the cosine-similarity graph of one document's sentences (TextRank). */
export function textRank(vectors: readonly TermVector[], damping = 0.85, iterations = 30): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  const edgeTo: number[][] = vectors.map(() => []);
  const edgeW: number[][] = vectors.map(() => []);
  const out = new Float64Array(n);
  const reach = n <= FULL_GRAPH ? n : NEIGHBOURHOOD;
  // Cosines through the sentences each term occurs in (ascending), summed in the same term order as `cosine`
  // (so the same values), and only for pairs that share a term.
  const postings = new Map<number, { at: number[]; w: number[] }>();
  vectors.forEach((v, i) => {
    for (let k = 0; k < v.ids.length; k++) {
      const t = v.ids[k] as number;
      const list = postings.get(t);
      if (list) {
        list.at.push(i);
        list.w.push(v.weights[k] as number);
      } else postings.set(t, { at: [i], w: [v.weights[k] as number] });
    }
  });
  const dot = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = vectors[i] as TermVector;
    const last = Math.min(n - 1, i + reach);
    for (let k = 0; k < v.ids.length; k++) {
      const posting = postings.get(v.ids[k] as number) as { at: number[]; w: number[] };
      const list = posting.at;
      const wi = v.weights[k] as number;
      // Start after i: the postings are ascending, so binary-search i's place.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((list[mid] as number) <= i) lo = mid + 1;
        else hi = mid;
      }
      for (let p = lo; p < list.length; p++) {
        const j = list[p] as number;
        if (j > last) break;
        dot[j] = (dot[j] as number) + wi * (posting.w[p] as number);
      }
    }
    for (let j = i + 1; j <= last; j++) {
      const w = dot[j] as number;
      if (w === 0) continue;
      dot[j] = 0;
      if (w <= 0.02) continue;
      (edgeTo[i] as number[]).push(j);
      (edgeW[i] as number[]).push(w);
      (edgeTo[j] as number[]).push(i);
      (edgeW[j] as number[]).push(w);
      out[i] = (out[i] ?? 0) + w;
      out[j] = (out[j] ?? 0) + w;
    }
  }
  let rank = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(n).fill((1 - damping) / n);
    for (let i = 0; i < n; i++) {
      const o = out[i] ?? 0;
      if (o === 0) continue;
      const share = (damping * (rank[i] ?? 0)) / o;
      const to = edgeTo[i] as number[];
      const ws = edgeW[i] as number[];
      for (let e = 0; e < to.length; e++)
        next[to[e] as number] = (next[to[e] as number] ?? 0) + share * (ws[e] as number);
    }
    rank = next;
  }
  return [...rank];
}

/** Lead bias: the first paragraphs of a report carry its news; the first sentence of a paragraph its point. */
function positionOf(p: Passage, paragraphs: number, opensParagraph: boolean): number {
  if (p.role === 'comment') return 0.2;
  const rank = Math.max(p.paragraph, 1);
  let lead = 0.5 / Math.sqrt(rank) + 0.5 * (1 - (rank - 1) / Math.max(paragraphs, 1));
  // News puts its facts first (inverted pyramid); an opinion piece often opens with a hook and argues throughout.
  if (p.kind !== 'news') lead = 0.5 + 0.5 * lead;
  return opensParagraph ? lead : 0.85 * lead;
}

function yearsIn(tokens: readonly Token[]): number[] {
  return tokens
    .filter((t, i) => t.type === 'number' && YEAR.test(t.text) && tokens[i - 1]?.normal !== '$')
    .map((t) => Number(t.text));
}

function presentYear(corpus: Corpus): number | null {
  const counts = new Map<number, number>();
  for (const d of corpus.documents) {
    const published = d.meta.published ? Number(d.meta.published.slice(0, 4)) : null;
    if (published) counts.set(published, (counts.get(published) ?? 0) + 3);
    for (const p of d.body)
      for (const s of p.sentences) for (const y of yearsIn(s.tokens)) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, c] of counts)
    if (best === null || c > (counts.get(best) ?? 0) || (c === counts.get(best) && y > best)) best = y;
  return best;
}

/** A sentence dated only by years before the present one. */
function isBackground(tokens: readonly Token[], present: number): boolean {
  const years = yearsIn(tokens);
  return years.length > 0 && years.every((y) => y < present - 1);
}

/** Penalties for sentences that read badly out of context: a dangling pronoun at the start, very short or long. */
function styleFactor(tokens: readonly Token[], words: number): number {
  let f = 1;
  const first = tokens.find((t) => t.type === 'word');
  if (first && DANGLING_START.has(first.normal)) f *= 0.75;
  if (words < 10) f *= 0.8;
  // A point should be readable at a glance: long sentences pack several claims and crowd out others.
  if (words > LONG_WORDS) f *= LONG_WORDS / words;
  return f;
}

interface QuoteShape {
  /** Words inside quotation marks. */
  readonly quoted: number;
  readonly balanced: boolean;
  /** An attribution word ("said", "accused", "according") outside the quotation marks. */
  readonly attributed: boolean;
}

function quoteShape(tokens: readonly Token[]): QuoteShape {
  let inside = false;
  let balanced = true;
  let quoted = 0;
  let attributed = false;
  for (const t of tokens) {
    if (OPEN_QUOTES.has(t.text) || (t.text === '"' && !inside)) {
      if (inside && t.text !== '‘') balanced = false;
      inside = true;
      continue;
    }
    // ’ is also an apostrophe: it closes a quotation only when one is open.
    if ((CLOSE_QUOTES.has(t.text) && (t.text !== '’' || inside)) || (t.text === '"' && inside)) {
      if (!inside) balanced = false;
      inside = false;
      continue;
    }
    if (t.type !== 'word') continue;
    if (inside) quoted++;
    else if (
      (t.pos === 'VERB' || t.normal === 'according') &&
      (ATTRIBUTION.has(t.normal) || ATTRIBUTION.has(t.lemma.toLowerCase()))
    )
      attributed = true;
  }
  return { quoted, balanced: balanced && !inside, attributed };
}

export function aspectOf(tokens: readonly Token[], shape: QuoteShape = quoteShape(tokens)): Aspect {
  if (shape.attributed) return 'claim';
  const dated = tokens.some(
    (t, i) =>
      DATE_WORDS.has(t.normal) ||
      (t.type === 'number' && /^(1[89]|20)\d\d$/.test(t.text) && tokens[i - 1]?.normal !== '$'),
  );
  if (dated) return 'event';
  if (tokens.some((t) => MODALS.has(t.normal))) return 'outlook';
  return 'context';
}

/** Why a passage cannot be a point: a question, a fragment, or mostly quotation with no one said to speak it. */
export function ineligibility(p: Passage, shape?: QuoteShape): Ineligible | null {
  if (p.role === 'caption') return 'not-body';
  const text = p.text.trim();
  if (/\?\W*$/u.test(text)) return 'question';
  const tokens = p.sentence.tokens;
  const words = tokens.filter((t) => t.type === 'word');
  if (words.length < MIN_WORDS) return 'fragment';
  const firstLetter = text.match(/\p{L}/u)?.[0];
  if (firstLetter && firstLetter === firstLetter.toLowerCase() && firstLetter !== firstLetter.toUpperCase())
    return 'fragment';
  const { quoted, balanced, attributed } = shape ?? quoteShape(tokens);
  if (!attributed && (quoted / words.length > 0.5 || !balanced)) return 'unattributed-quote';
  return null;
}

/** The sentence, or its head up to the first clause boundary (; : — –) when it runs very long. */
function trimmed(p: Passage): { start: number; end: number; text: string } {
  const tokens = p.sentence.tokens;
  const whole = { start: p.start, end: p.end, text: p.text };
  if (tokens.filter((t) => t.type === 'word').length <= TRIM_WORDS) return whole;
  let words = 0;
  for (const t of tokens) {
    if (t.type === 'word') words++;
    if (words >= TRIM_HEAD_MIN && (t.text === ';' || t.text === '—' || t.text === '–' || t.text === ':')) {
      const text = p.text.slice(0, t.start - p.start).replace(/[\s,]+$/u, '');
      return { start: p.start, end: p.start + text.length, text };
    }
  }
  return whole;
}
