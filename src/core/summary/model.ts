/**
 * The summary model, built once at analysis time from the passage index (no second NLP pass):
 * 1. each sentence's terms as a tf-idf vector, its proper nouns, and whether it may stand alone as a point;
 * 2. centrality: TextRank over each document's own sentence graph (per document, so cost grows with the
 *    corpus, not with its square), run until it converges;
 * 3. closeness to the corpus centroid (each document weighted equally), so what most sources discuss ranks up;
 * 4. position (lead bias within each document) and entity coverage (names several documents mention);
 * and the prior salience combining them; and the concepts selection counts (see `ConceptIndex`). Query time only
 * selects (see `select.ts`). Terms are interned to small integer ids once, so every later step works on typed
 * arrays and per-term stamps rather than maps and sets of strings.
 */
import { MONTHS, WEEKDAYS } from '../text/calendar-words.js';
import { maxOf } from '../text/max.js';
import type { Corpus, Token } from '../corpus/types.js';
import { turnLabel } from '../corpus/turns.js';
import type { Quote } from '../quotes/types.js';
import { isContentToken, termOf, type Passage, type PassageIndex } from '../search/index.js';
import type {
  Aspect,
  ConceptIndex,
  Ineligible,
  PointKind,
  SummaryModel,
  SummarySentence,
  TermVector,
} from './types.js';

const WEIGHTS = { centrality: 0.25, centroid: 0.25, position: 0.3, coverage: 0.2 };
/** A question's turn in a transcript: "Q: …", "Q. …", "QUESTION: …", "REPORTER: …". */
const ASKED_TURN = /^(?:Q|QUESTION|REPORTERS?)\s*[.:]\s/;
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
/** DATE_WORDS and MODALS as one lookup: bit 1 a date word, bit 2 a modal ('may' is only a modal). */
const WORD_FLAGS = new Map<string, number>();
for (const w of DATE_WORDS) WORD_FLAGS.set(w, 1);
for (const w of MODALS) WORD_FLAGS.set(w, (WORD_FLAGS.get(w) ?? 0) | 2);
const SPEAKER_PRONOUNS = new Set(['he', 'she', 'they']);
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

export function buildSummaryModel(
  corpus: Corpus,
  index: PassageIndex,
  quotes: readonly Quote[] = [],
): SummaryModel {
  const list = index.passages;
  const n = list.length;
  const vocab = new Map<string, number>();
  const idOf = (term: string): number => {
    let id = vocab.get(term);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(term, id);
    }
    return id;
  };
  // Interned term ids, all passages end to end (CSR: passage i's terms are termIds[termStart[i]..termStart[i+1])).
  // A sentence reprinted across articles (a wire copy, boilerplate) is a copy of its first occurrence: same text
  // and same terms. A copy takes its first's term ids, vector and concepts, and the TextRank of a document made of
  // such copies is the first document's, so that work is done once per distinct sentence and document.
  const termStart = new Int32Array(n + 1);
  let termTotal = 0;
  for (let i = 0; i < n; i++) termTotal += (list[i] as Passage).terms.length;
  const termIds = new Int32Array(termTotal);
  const copyOf = new Int32Array(n);
  const firstWithText = new Map<string, number>();
  for (let i = 0, at = 0; i < n; i++) {
    const p = list[i] as Passage;
    termStart[i] = at;
    const f = firstWithText.get(p.text);
    if (f !== undefined && sameTerms((list[f] as Passage).terms, p.terms)) {
      copyOf[i] = f;
      termIds.copyWithin(at, termStart[f] as number, (termStart[f] as number) + p.terms.length);
      at += p.terms.length;
      continue;
    }
    copyOf[i] = i;
    if (f === undefined) firstWithText.set(p.text, i);
    for (const term of p.terms) termIds[at++] = idOf(term);
  }
  termStart[n] = termTotal;
  const copies = new Int32Array(n);
  for (let i = 0; i < n; i++) copies[copyOf[i] as number] = (copies[copyOf[i] as number] as number) + 1;
  // Document frequency over sentences: each first occurrence's distinct terms (a stamp per term), once per copy.
  const termCount = vocab.size;
  const df = new Float64Array(termCount);
  const seen = new Int32Array(termCount).fill(-1);
  for (let i = 0; i < n; i++) {
    const times = copies[i] as number;
    if (times === 0) continue;
    for (let k = termStart[i] as number; k < (termStart[i + 1] as number); k++) {
      const id = termIds[k] as number;
      if (seen[id] !== i) {
        seen[id] = i;
        df[id] = (df[id] as number) + times;
      }
    }
  }
  const idfOf = new Float64Array(termCount);
  for (let id = 0; id < termCount; id++) idfOf[id] = Math.log((n + 1) / ((df[id] as number) + 0.5));
  const vectors = new Array<TermVector>(n);
  const scratch = new Int32Array(maxRun(termStart));
  // All vectors are views into two buffers (one allocation each, not two per sentence).
  const pool = { ids: new Int32Array(termTotal), weights: new Float64Array(termTotal), used: 0 };
  for (let i = 0; i < n; i++)
    vectors[i] =
      copyOf[i] === i
        ? vectorOf(termIds, termStart[i] as number, termStart[i + 1] as number, idfOf, scratch, pool)
        : (vectors[copyOf[i] as number] as TermVector);

  // One pass over each sentence's tokens: its proper nouns (article text only), quotation shape, dates, and so on.
  const surfaces = new Array<Surface>(n);
  for (let i = 0; i < n; i++) surfaces[i] = surfaceOf((list[i] as Passage).sentence.tokens, idOf);
  const vocabSize = vocab.size;

  // Documents as small integers, and the passages grouped by document (stable), so "how many documents use
  // this term" is a stamp per term rather than a set of document ids per term.
  const docIndex = new Map<string, number>();
  const docOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const d = (list[i] as Passage).documentId;
    let k = docIndex.get(d);
    if (k === undefined) docIndex.set(d, (k = docIndex.size));
    docOf[i] = k;
  }
  const byDocOrder = groupedOrder(docOf, docIndex.size);
  const docsNaming = new Int32Array(vocabSize);
  const docsUsing = new Int32Array(vocabSize);
  const namedIn = new Int32Array(vocabSize).fill(-1);
  const usedIn = new Int32Array(vocabSize).fill(-1);
  const bodyDocs = new Uint8Array(docIndex.size);
  for (let o = 0; o < n; o++) {
    const i = byDocOrder[o] as number;
    const p = list[i] as Passage;
    if (p.role !== 'body') continue;
    const d = docOf[i] as number;
    bodyDocs[d] = 1;
    for (const e of (surfaces[i] as Surface).entities)
      if (namedIn[e] !== d) {
        namedIn[e] = d;
        docsNaming[e] = (docsNaming[e] as number) + 1;
      }
    for (const id of (vectors[i] as TermVector).ids)
      if (usedIn[id] !== d) {
        usedIn[id] = d;
        docsUsing[id] = (docsUsing[id] as number) + 1;
      }
  }
  const entityWeight = new Map<number, number>();
  for (let e = 0; e < vocabSize; e++)
    if (docsNaming[e] !== 0) entityWeight.set(e, Math.log(1 + (docsNaming[e] as number)));

  // Centrality: TextRank per document (article) and per document's comment thread. A group whose sentences are
  // copies of another group's, in the same order, has the same graph and so the same ranks.
  const centrality = new Float64Array(n);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const p = list[i] as Passage;
    if (p.role === 'caption') continue;
    const key = 2 * (docOf[i] as number) + (p.role === 'comment' ? 1 : 0);
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [i]);
    else g.push(i);
  }
  const graph = new SentenceGraph(vocabSize);
  const ranksOf = new Map<string, Float64Array>();
  for (const ids of groups.values()) {
    const key = ids.map((id) => copyOf[id]).join(',');
    let ranks = ranksOf.get(key);
    if (ranks === undefined) {
      ranks = graph.rank(
        ids.map((id) => vectors[id] as TermVector),
        0.85,
        0,
        RANK_TOLERANCE,
      );
      ranksOf.set(key, ranks);
    }
    const max = maxOf(ranks, 1e-12);
    for (let k = 0; k < ids.length; k++) centrality[ids[k] as number] = (ranks[k] as number) / max;
  }

  // Cross-document centroid: a term weighs by the share of documents whose articles use it (squared) times its
  // rarity among sentences, so a fact several sources each state once ("fuel prices") outweighs a word one
  // source repeats, and words every sentence uses weigh little. With one document, its own term frequencies.
  let documentCount = 0;
  for (const b of bodyDocs) documentCount += b;
  const centroid = new Float64Array(vocabSize);
  for (let id = 0; id < vocabSize; id++) {
    const docs = docsUsing[id] as number;
    if (docs === 0 || (documentCount > 1 && docs < 2)) continue;
    const share = docs / Math.max(documentCount, 1);
    centroid[id] = share * share * Math.log((n + 1) / ((df[id] ?? 0) + 0.5));
  }
  let centroidSquares = 0;
  for (let k = 0; k < vocabSize; k++) centroidSquares += (centroid[k] as number) * (centroid[k] as number);
  const centroidNorm = Math.sqrt(centroidSquares) || 1;
  for (let k = 0; k < vocabSize; k++) centroid[k] = (centroid[k] as number) / centroidNorm;
  const closeness = new Float64Array(n);
  for (let i = 0; i < n; i++) closeness[i] = centroidMass(vectors[i] as TermVector, centroid, OPEN);
  const maxCloseness = maxOf(closeness, 1e-12);

  const coverageRaw = new Float64Array(n);
  const weightOf = new Float64Array(vocabSize);
  for (const [e, w] of entityWeight) weightOf[e] = w;
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    // The four heaviest names, summed heaviest first (an insertion sort: a sentence names few).
    top.length = 0;
    for (const e of (surfaces[i] as Surface).entities) {
      const w = weightOf[e] as number;
      let q = top.length;
      top.push(w);
      while (q > 0 && (top[q - 1] as number) < w) {
        top[q] = top[q - 1] as number;
        q--;
      }
      top[q] = w;
    }
    let sum = 0;
    for (let k = 0; k < Math.min(top.length, 4); k++) sum += top[k] as number;
    coverageRaw[i] = sum;
  }
  const maxCoverage = maxOf(coverageRaw, 1e-12);

  // The corpus' present: the latest year its documents are dated or mostly speak of; sentences dated years
  // earlier are background (a past war, an old election) rather than what happened.
  const present = presentYear(corpus, list, surfaces);
  const paragraphsOf = new Map(corpus.documents.map((d) => [d.meta.id, d.body.length]));
  // Start offsets of each document's paragraph-opening sentences.
  const opening = new Map<string, Set<number>>();
  for (const d of corpus.documents) {
    let starts = opening.get(d.meta.id);
    if (starts === undefined) opening.set(d.meta.id, (starts = new Set()));
    for (const para of d.body) if (para.sentences[0]) starts.add(para.sentences[0].start);
  }
  const { claimantsOf, claimantWeight, names, within } = claimantsByPassage(list, quotes);
  // A transcript's questions ("Q: Sarah Kim, Tasmanian Examiner. Dr. Solberg, the flight was delayed …?"): every
  // sentence of the turn is the asker's premise, not a point.
  const asked = new Map<string, Set<number>>();
  for (const d of corpus.documents)
    for (const para of d.body)
      if (ASKED_TURN.test(para.text)) {
        let set = asked.get(d.meta.id);
        if (set === undefined) asked.set(d.meta.id, (set = new Set()));
        set.add(para.index);
      }
  const sentences: SummarySentence[] = list.map((p, i) => {
    const kind: PointKind = p.role === 'comment' ? 'comment' : p.kind;
    const surface = surfaces[i] as Surface;
    const claimants = claimantsOf[i] ?? NONE;
    const full = withAntecedent(
      corpus,
      list,
      i,
      withoutDateline(p, quotationRun(corpus, list, i) ?? trimmed(p, surface.words)),
    );
    // A transcript's or interview's turn ("KIM: …", "**Ana Petrak:** …") whose speaker the quotes engine knows:
    // the point is the words, and the speaker is named beside it.
    const turnSpeaker = claimants.length === 1 ? (names[claimants[0] as number] ?? null) : null;
    const slice = turnSpeaker === null ? full : withoutTurnLabel(full);
    const position = positionOf(
      p,
      paragraphsOf.get(p.documentId) ?? 1,
      opening.get(p.documentId)?.has(p.start) === true,
    );
    const central = centrality[i] as number;
    const close = (closeness[i] as number) / maxCloseness;
    const coverage = (coverageRaw[i] as number) / maxCoverage;
    const base =
      WEIGHTS.centrality * central +
      WEIGHTS.centroid * close +
      WEIGHTS.position * position +
      WEIGHTS.coverage * coverage;
    // Dated only by years before the present one: background.
    const background =
      present !== null && surface.latestYear !== -Infinity && surface.latestYear < present - 1;
    return {
      passage: p,
      kind,
      ineligible:
        p.role === 'body' && asked.get(p.documentId)?.has(p.paragraph) === true
          ? 'question'
          : ineligibleGiven(p, surface, surface.words),
      vector: vectors[i] as TermVector,
      entities: surface.entities,
      claimants,
      speaker:
        (surface.speakerUntold || within[i] === 1 || slice !== full) && claimants.length === 1
          ? (names[claimants[0] as number] ?? null)
          : null,
      aspect: surface.attributed ? 'claim' : surface.dated ? 'event' : surface.modal ? 'outlook' : 'context',
      start: slice.start,
      end: slice.end,
      text: slice.text,
      centrality: central,
      centroid: close,
      position,
      coverage,
      salience: base * styleOf(surface) * (background ? BACKGROUND_FACTOR : 1),
    };
  });

  // One sort: the order is total (ties go to the passage id), so the articles' ranking is the sorted list filtered.
  const salience = new Float64Array(n);
  let eligibleCount = 0;
  for (let i = 0; i < n; i++) {
    const s = sentences[i] as SummarySentence;
    salience[i] = s.salience;
    if (s.ineligible === null) eligibleCount++;
  }
  const sorted = new Int32Array(eligibleCount);
  for (let i = 0, k = 0; i < n; i++)
    if ((sentences[i] as SummarySentence).ineligible === null) sorted[k++] = i;
  sorted.sort((a, b) => (salience[b] as number) - (salience[a] as number) || a - b);
  const ranked: number[] = [];
  const byDocument = new Map<string, number[]>();
  for (const id of sorted) {
    const s = sentences[id] as SummarySentence;
    if (s.kind !== 'comment') ranked.push(id);
    const ids = byDocument.get(s.passage.documentId);
    if (ids === undefined) byDocument.set(s.passage.documentId, [id]);
    else ids.push(id);
  }
  const concepts = conceptIndex(termIds, termStart, vocabSize, byDocOrder, docOf, copyOf, sentences);
  return {
    sentences,
    ranked,
    byDocument,
    centroid,
    maxCloseness,
    entityWeight,
    maxEntityWeight: maxOf(entityWeight.values(), 0),
    claimantWeight,
    maxClaimantWeight: maxOf(claimantWeight, 0),
    concepts,
  };
}

const NONE: readonly number[] = [];

/**
 * Who speaks in each passage: the speakers of the quotations (direct, partial or reported) that start in it, as
 * small integers, and each speaker's weight: how many documents quote them, damped like an entity's.
 */
function claimantsByPassage(
  list: readonly Passage[],
  quotes: readonly Quote[],
): {
  claimantsOf: (number[] | undefined)[];
  claimantWeight: Float64Array;
  names: string[];
  /** 1 for a passage inside a quotation that started in an earlier passage. */
  within: Uint8Array;
} {
  const claimantsOf = new Array<number[] | undefined>(list.length);
  const within = new Uint8Array(list.length);
  const speakerIndex = new Map<string, number>();
  const names: string[] = [];
  const documents: Set<string>[] = [];
  // A document's passages are one run of ids in reading order of body, captions and comments; offsets are the
  // document's, so a quotation belongs to the passage whose span holds its first character.
  const runs = new Map<string, { start: number; end: number }>();
  for (const p of list) {
    const run = runs.get(p.documentId);
    if (run) run.end = p.id + 1;
    else runs.set(p.documentId, { start: p.id, end: p.id + 1 });
  }
  for (const q of quotes) {
    if (q.speakerId === null) continue;
    const run = runs.get(q.documentId);
    if (!run) continue;
    let speaker = speakerIndex.get(q.speakerId);
    if (speaker === undefined) {
      speakerIndex.set(q.speakerId, (speaker = speakerIndex.size));
      documents.push(new Set());
      names.push(q.speaker ?? q.speakerId);
    }
    (documents[speaker] as Set<string>).add(q.documentId);
    // The passage the quotation starts in, and those its words run on into ("… the preliminary results were
    // published. It should never have happened."), which are the speaker's words too.
    for (let id = run.start; id < run.end; id++) {
      const p = list[id] as Passage;
      if (p.comment !== q.comment || p.end <= q.start || p.start >= q.end) continue;
      const own = claimantsOf[id];
      if (own === undefined) claimantsOf[id] = [speaker];
      else if (!own.includes(speaker)) own.push(speaker);
      if (p.start > q.start) within[id] = 1;
    }
  }
  const claimantWeight = new Float64Array(speakerIndex.size);
  documents.forEach((docs, k) => (claimantWeight[k] = Math.log(1 + docs.size)));
  return { claimantsOf, claimantWeight, names, within };
}

const OPEN = () => true;

/**
 * The concepts two or more documents use (see `ConceptIndex`). A concept is a pair of term ids, coded as one
 * number; documents are counted with a stamp per concept over the passages grouped by document. A copy (see
 * `copyOf`) has its first's concepts, so they are looked up once per distinct sentence.
 */
function conceptIndex(
  termIds: Int32Array,
  termStart: Int32Array,
  vocabSize: number,
  byDocOrder: Int32Array,
  docOf: Int32Array,
  copyOf: Int32Array,
  sentences: readonly SummarySentence[],
): ConceptIndex {
  const n = sentences.length;
  const indexOf = new Map<number, number>();
  // The concept each adjacent pair (ending at position k) was counted as, so neither copies nor the second pass
  // need look it up; filled for one passage per group of copies, `countedAs[copyOf[i]]`.
  const conceptAt = new Int32Array(termIds.length).fill(-1);
  const countedAs = new Int32Array(n).fill(-1);
  let docs = new Int32Array(1024);
  let lastDoc = new Int32Array(1024);

  for (let o = 0; o < n; o++) {
    const i = byDocOrder[o] as number;
    if ((sentences[i] as SummarySentence).kind === 'comment') continue;
    const d = docOf[i] as number;
    const from = termStart[i] as number;
    const to = termStart[i + 1] as number;
    const counted = countedAs[copyOf[i] as number] as number;
    if (counted !== -1) {
      for (let k = (termStart[counted] as number) + 1, end = k + (to - from) - 1; k < end; k++) {
        const c = conceptAt[k] as number;
        if (lastDoc[c] !== d) {
          lastDoc[c] = d;
          docs[c] = (docs[c] as number) + 1;
        }
      }
      continue;
    }
    countedAs[copyOf[i] as number] = i;
    for (let k = from + 1; k < to; k++) {
      const code = (termIds[k - 1] as number) * vocabSize + (termIds[k] as number);
      let c = indexOf.get(code);
      if (c === undefined) {
        c = indexOf.size;
        indexOf.set(code, c);
        if (c === docs.length) {
          const grownDocs = new Int32Array(c * 2);
          const grownLast = new Int32Array(c * 2);
          grownDocs.set(docs);
          grownLast.set(lastDoc);
          docs = grownDocs;
          lastDoc = grownLast;
        }
        lastDoc[c] = -1;
      }
      conceptAt[k] = c;
      if (lastDoc[c] !== d) {
        lastDoc[c] = d;
        docs[c] = (docs[c] as number) + 1;
      }
    }
  }
  // Keep the concepts of worth (two documents or more), renumbered densely.
  const kept = new Int32Array(indexOf.size).fill(-1);
  const worth: number[] = [];
  for (let c = 0; c < indexOf.size; c++)
    if ((docs[c] as number) >= 2) {
      kept[c] = worth.length;
      worth.push(docs[c] as number);
    }
  const start = new Int32Array(n + 1);
  const ids: number[] = [];
  // The passage of each group of copies whose concepts are listed (they are the same for all of them).
  const listedAs = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    start[i] = ids.length;
    if ((sentences[i] as SummarySentence).ineligible !== null) continue;
    const listed = listedAs[copyOf[i] as number] as number;
    if (listed !== -1) {
      for (let q = start[listed] as number; q < (start[listed + 1] as number); q++)
        ids.push(ids[q] as number);
      continue;
    }
    listedAs[copyOf[i] as number] = i;
    const first = ids.length;
    const counted = countedAs[copyOf[i] as number] as number;
    const from = termStart[i] as number;
    const shift = counted === -1 ? 0 : (termStart[counted] as number) - from;
    for (let k = from + 1; k < (termStart[i + 1] as number); k++) {
      let c = counted === -1 ? -1 : (conceptAt[k + shift] as number);
      if (c === -1) c = indexOf.get((termIds[k - 1] as number) * vocabSize + (termIds[k] as number)) ?? -1;
      const id = c === -1 ? -1 : (kept[c] as number);
      if (id === -1) continue;
      let repeated = false;
      for (let q = first; q < ids.length; q++) if (ids[q] === id) repeated = true;
      if (!repeated) ids.push(id);
    }
  }
  start[n] = ids.length;
  return { start, ids: Int32Array.from(ids), worth: Float64Array.from(worth) };
}

/** Whether two term lists are equal (the same terms in the same order). */
function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Indices 0..n-1 ordered by `group` (stable within a group): a counting sort. */
function groupedOrder(group: Int32Array, groups: number): Int32Array {
  const start = new Int32Array(groups + 1);
  for (const g of group) start[g + 1] = (start[g + 1] as number) + 1;
  for (let g = 0; g < groups; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
  const order = new Int32Array(group.length);
  for (let i = 0; i < group.length; i++) {
    const g = group[i] as number;
    order[start[g] as number] = i;
    start[g] = (start[g] as number) + 1;
  }
  return order;
}

/** What one pass over a sentence's tokens tells: its quotation shape, words, names, dates, modals, years. */
export interface Surface extends QuoteShape {
  readonly words: number;
  /** Lower-cased first word, or null. */
  readonly first: string | null;
  /** Term ids of the proper nouns it names, in order of first mention. */
  readonly entities: number[];
  /** Names a weekday, month or year (an 'event'). */
  readonly dated: boolean;
  readonly modal: boolean;
  /** The latest year it names (-Infinity when none). */
  readonly latestYear: number;
  /** Every year it names, in order (the present year is the one the corpus names most). */
  readonly years: readonly number[];
  /**
   * Mostly a quotation whose speaker the sentence names only by a pronoun ("“…,” he added."), or reported speech
   * opened by one ("He said that …"): out of its paragraph, the reader cannot tell who spoke.
   */
  readonly speakerUntold: boolean;
}

/** `quoteShape`, `aspectOf`'s tests and the proper nouns in one pass (quotation marks are never word tokens). */
export function surfaceOf(tokens: readonly Token[], idOf: (term: string) => number): Surface {
  let words = 0;
  let first: string | null = null;
  let dated = false;
  let modal = false;
  let latestYear = -Infinity;
  let years: number[] | undefined;
  const entities: number[] = [];
  let inside = false;
  let balanced = true;
  let quoted = 0;
  let attributed = false;
  // Outside the quotation marks: does the sentence name anyone, or only point at them with a pronoun?
  let outsideNamed = false;
  let outsidePronoun = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const type = t.type;
    if (type === 'word') {
      words++;
      const normal = t.normal;
      if (!inside) {
        if (t.pos === 'PROPN') outsideNamed = true;
        else if (!outsidePronoun && SPEAKER_PRONOUNS.has(normal)) outsidePronoun = true;
      }
      first ??= normal;
      if (!dated || !modal) {
        const flags = WORD_FLAGS.get(normal);
        if (flags !== undefined) {
          if (flags & 1) dated = true;
          if (flags & 2) modal = true;
        }
      }
      if (inside) quoted++;
      else if (
        !attributed &&
        (t.pos === 'VERB' || normal === 'according') &&
        (ATTRIBUTION.has(normal) || ATTRIBUTION.has(t.lemma.toLowerCase()))
      )
        attributed = true;
      if (t.pos === 'PROPN' && isContentToken(t)) {
        const id = idOf(termOf(t));
        if (!entities.includes(id)) entities.push(id);
      }
      continue;
    }
    const text = t.text;
    if (OPEN_QUOTES.has(text) || (text === '"' && !inside)) {
      if (inside && text !== '‘') balanced = false;
      inside = true;
      continue;
    }
    // ’ is also an apostrophe: it closes a quotation only when one is open.
    if ((CLOSE_QUOTES.has(text) && (text !== '’' || inside)) || (text === '"' && inside)) {
      if (!inside) balanced = false;
      inside = false;
      continue;
    }
    if (type === 'number') {
      if (YEAR.test(text) && tokens[k - 1]?.normal !== '$') {
        const year = Number(text);
        latestYear = Math.max(latestYear, year);
        (years ??= []).push(year);
        dated = true;
      }
      if (t.pos === 'PROPN' && isContentToken(t)) {
        const id = idOf(termOf(t));
        if (!entities.includes(id)) entities.push(id);
      }
    }
  }
  return {
    quoted,
    balanced: balanced && !inside,
    attributed,
    words,
    first,
    entities,
    dated,
    modal,
    latestYear,
    years: years ?? NONE,
    speakerUntold:
      !outsideNamed &&
      ((quoted > words / 2 && outsidePronoun) ||
        // Reported speech opened by a pronoun: "He said that a clawback would not fix …".
        (attributed && first !== null && SPEAKER_PRONOUNS.has(first))),
  };
}

/** The longest run between consecutive offsets. */
function maxRun(offsets: Int32Array): number {
  let max = 0;
  for (let k = 1; k < offsets.length; k++)
    max = Math.max(max, (offsets[k] as number) - (offsets[k - 1] as number));
  return max;
}

/** Buffers vectors are carved from; `used` entries are taken. */
interface VectorPool {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  used: number;
}

/**
 * The unit tf-idf vector of the term ids in all[from..to); `scratch` holds at least to - from ids. Without a
 * `pool`, the vector has arrays of its own; with one, it is a view into the pool's buffers.
 */
function vectorOf(
  all: Int32Array,
  from: number,
  to: number,
  idf: Float64Array,
  scratch: Int32Array,
  pool?: VectorPool,
): TermVector {
  // Term frequencies as runs of the sorted ids (an insertion sort: sentences are short).
  const length = to - from;
  for (let k = 0; k < length; k++) {
    const id = all[from + k] as number;
    let q = k;
    while (q > 0 && (scratch[q - 1] as number) > id) {
      scratch[q] = scratch[q - 1] as number;
      q--;
    }
    scratch[q] = id;
  }
  let distinct = 0;
  for (let k = 0; k < length; k++) if (k === 0 || scratch[k] !== scratch[k - 1]) distinct++;
  let unique: Int32Array;
  let unit: Float64Array;
  if (pool) {
    unique = pool.ids.subarray(pool.used, pool.used + distinct);
    unit = pool.weights.subarray(pool.used, pool.used + distinct);
    pool.used += distinct;
  } else {
    unique = new Int32Array(distinct);
    unit = new Float64Array(distinct);
  }
  let sum = 0;
  for (let k = 0, u = 0; k < length; u++) {
    const id = scratch[k] as number;
    let end = k + 1;
    while (end < length && scratch[end] === id) end++;
    // 1 + log(1) is exactly 1: most terms occur once in a sentence.
    const w = (end - k === 1 ? 1 : 1 + Math.log(end - k)) * (idf[id] as number);
    unique[u] = id;
    unit[u] = w;
    sum += w * w;
    k = end;
  }
  const norm = Math.sqrt(sum) || 1;
  for (let k = 0; k < distinct; k++) unit[k] = (unit[k] as number) / norm;
  return { ids: unique, weights: unit };
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

/**
 * A document up to this many sentences gets the full sentence graph; a longer one (never a real article: a
 * dump or hostile input) links each sentence to its NEIGHBOURHOOD nearest sentences on either side only,
 * so the cost stays linear in its length.
 */
const FULL_GRAPH = 400;
const NEIGHBOURHOOD = 100;

/** Weighted PageRank over the cosine-similarity graph of one document's sentences (TextRank). */
export function textRank(vectors: readonly TermVector[], damping = 0.85, iterations = 30): number[] {
  let vocabulary = 0;
  for (const v of vectors) for (const t of v.ids) if (t >= vocabulary) vocabulary = t + 1;
  return [...new SentenceGraph(vocabulary).rank(vectors, damping, iterations)];
}

/** The model's TextRank runs to convergence: until no sentence's rank moves by more than this share of the top rank. */
const RANK_TOLERANCE = 1e-4;
const MAX_SWEEPS = 100;
/** Edges lighter than this (a shared common word) are left out of the graph. */
const MIN_EDGE = 0.02;

/**
 * TextRank over many small graphs (one per document) with scratch arrays reused between them. Cosines are summed
 * through per-term postings, so only pairs that share a term cost anything; the graph is held as adjacency lists
 * in flat typed arrays, ascending by neighbour, and PageRank pulls each sentence's rank from its neighbours.
 */
export class SentenceGraph {
  private readonly postingCount: Int32Array;
  private readonly postingStart: Int32Array;
  private at = new Int32Array(1024);
  private w = new Float64Array(1024);
  private self = new Int32Array(1024);
  private edgeFrom = new Int32Array(1024);
  private edgeTo = new Int32Array(1024);
  private edgeW = new Float64Array(1024);

  /** `vocabulary`: one more than the largest term id the vectors use. */
  constructor(vocabulary: number) {
    this.postingCount = new Int32Array(vocabulary);
    this.postingStart = new Int32Array(vocabulary);
  }

  /**
   * PageRank by power iteration: `iterations` Jacobi sweeps from the uniform distribution (TextRank's own
   * procedure), or, when `tolerance` is given, Gauss-Seidel sweeps (each sentence's new rank used at once, about
   * twice as fast to converge) until no rank moves by more than `tolerance` times the largest.
   */
  rank(vectors: readonly TermVector[], damping = 0.85, iterations = 30, tolerance?: number): Float64Array {
    const n = vectors.length;
    if (n === 0) return new Float64Array(0);
    const reach = n <= FULL_GRAPH ? n : NEIGHBOURHOOD;
    // Postings: for each term, the sentences using it (ascending) and its weight there.
    const count = this.postingCount;
    const start = this.postingStart;
    let total = 0;
    for (const v of vectors) {
      total += v.ids.length;
      for (const t of v.ids) count[t] = (count[t] as number) + 1;
    }
    if (this.at.length < total) {
      const size = Math.max(total, this.at.length * 2);
      this.at = new Int32Array(size);
      this.w = new Float64Array(size);
      this.self = new Int32Array(size);
    }
    const at = this.at;
    const pw = this.w;
    // self[k-th term of sentence i, in sentence order]: where sentence i sits in that term's postings.
    const self = this.self;
    let offset = 0;
    for (const v of vectors)
      for (const t of v.ids)
        if (count[t] !== 0) {
          start[t] = offset;
          offset += count[t] as number;
          count[t] = 0;
        }
    let slot = 0;
    for (let i = 0; i < n; i++) {
      const v = vectors[i] as TermVector;
      for (let k = 0; k < v.ids.length; k++) {
        const t = v.ids[k] as number;
        const place = (start[t] as number) + (count[t] as number);
        count[t] = (count[t] as number) + 1;
        at[place] = i;
        pw[place] = v.weights[k] as number;
        self[slot++] = place;
      }
    }
    // Edges i < j with their cosines, in the order i then j ascending.
    const dot = new Float64Array(n);
    const out = new Float64Array(n);
    const degree = new Int32Array(n + 1);
    let edges = 0;
    slot = 0;
    for (let i = 0; i < n; i++) {
      const v = vectors[i] as TermVector;
      const last = Math.min(n - 1, i + reach);
      for (let k = 0; k < v.ids.length; k++) {
        const t = v.ids[k] as number;
        const end = (start[t] as number) + (count[t] as number);
        const wi = v.weights[k] as number;
        for (let p = (self[slot++] as number) + 1; p < end; p++) {
          const j = at[p] as number;
          if (j > last) break;
          dot[j] = (dot[j] as number) + wi * (pw[p] as number);
        }
      }
      for (let j = i + 1; j <= last; j++) {
        const w = dot[j] as number;
        if (w === 0) continue;
        dot[j] = 0;
        if (w <= MIN_EDGE) continue;
        if (edges === this.edgeFrom.length) this.growEdges();
        this.edgeFrom[edges] = i;
        this.edgeTo[edges] = j;
        this.edgeW[edges] = w;
        edges++;
        degree[i + 1] = (degree[i + 1] as number) + 1;
        degree[j + 1] = (degree[j + 1] as number) + 1;
        out[i] = (out[i] as number) + w;
        out[j] = (out[j] as number) + w;
      }
    }
    for (const v of vectors) for (const t of v.ids) count[t] = 0;
    // Adjacency lists, each ascending by neighbour: an edge (i, j) is listed under j when i is visited (i < j,
    // ascending) and under i after all of i's smaller neighbours.
    for (let i = 0; i < n; i++) degree[i + 1] = (degree[i + 1] as number) + (degree[i] as number);
    const fill = degree.slice(0, n);
    const neighbour = new Int32Array(2 * edges);
    const weight = new Float64Array(2 * edges);
    for (let e = 0; e < edges; e++) {
      const i = this.edgeFrom[e] as number;
      const j = this.edgeTo[e] as number;
      const w = this.edgeW[e] as number;
      let q = fill[j] as number;
      neighbour[q] = i;
      weight[q] = w;
      fill[j] = q + 1;
      q = fill[i] as number;
      neighbour[q] = j;
      weight[q] = w;
      fill[i] = q + 1;
    }
    const rank = new Float64Array(n).fill(1 / n);
    const share = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const o = out[i] as number;
      share[i] = o === 0 ? 0 : (damping * (rank[i] as number)) / o;
    }
    if (tolerance !== undefined) {
      for (let it = 0; it < MAX_SWEEPS; it++) {
        let moved = 0;
        let top = 0;
        for (let j = 0; j < n; j++) {
          let r = (1 - damping) / n;
          for (let q = degree[j] as number; q < (degree[j + 1] as number); q++)
            r += (share[neighbour[q] as number] as number) * (weight[q] as number);
          const d = Math.abs(r - (rank[j] as number));
          if (d > moved) moved = d;
          if (r > top) top = r;
          rank[j] = r;
          const o = out[j] as number;
          share[j] = o === 0 ? 0 : (damping * r) / o;
        }
        if (moved <= tolerance * top) break;
      }
      return rank;
    }
    const next = new Float64Array(n);
    for (let it = 0; it < iterations; it++) {
      for (let j = 0; j < n; j++) {
        let r = (1 - damping) / n;
        for (let q = degree[j] as number; q < (degree[j + 1] as number); q++)
          r += (share[neighbour[q] as number] as number) * (weight[q] as number);
        next[j] = r;
      }
      rank.set(next);
      for (let i = 0; i < n; i++) {
        const o = out[i] as number;
        share[i] = o === 0 ? 0 : (damping * (rank[i] as number)) / o;
      }
    }
    return rank;
  }

  private growEdges(): void {
    const size = this.edgeFrom.length * 2;
    const from = new Int32Array(size);
    const to = new Int32Array(size);
    const w = new Float64Array(size);
    from.set(this.edgeFrom);
    to.set(this.edgeTo);
    w.set(this.edgeW);
    this.edgeFrom = from;
    this.edgeTo = to;
    this.edgeW = w;
  }
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

/**
 * The year the corpus' documents are dated or their article text names most (a date counts 3 mentions), the later
 * on a tie. The body passages hold the body sentences in corpus order: a sentence met as the next of them has its
 * years read from its surface (`surfaceOf` already walked its tokens).
 */
function presentYear(corpus: Corpus, list: readonly Passage[], surfaces: readonly Surface[]): number | null {
  const counts = new Map<number, number>();
  let next = 0;
  for (const d of corpus.documents) {
    const published = d.meta.published ? Number(d.meta.published.slice(0, 4)) : null;
    if (published) counts.set(published, (counts.get(published) ?? 0) + 3);
    for (const p of d.body)
      for (const s of p.sentences) {
        while (next < list.length && (list[next] as Passage).role !== 'body') next++;
        if (next < list.length && (list[next] as Passage).sentence === s) {
          for (const y of (surfaces[next] as Surface).years) counts.set(y, (counts.get(y) ?? 0) + 1);
          next++;
          continue;
        }
        const tokens = s.tokens;
        for (let k = 0; k < tokens.length; k++) {
          const t = tokens[k] as Token;
          if (t.type === 'number' && YEAR.test(t.text) && tokens[k - 1]?.normal !== '$') {
            const y = Number(t.text);
            counts.set(y, (counts.get(y) ?? 0) + 1);
          }
        }
      }
  }
  let best: number | null = null;
  for (const [y, c] of counts)
    if (best === null || c > (counts.get(best) ?? 0) || (c === counts.get(best) && y > best)) best = y;
  return best;
}

/**
 * Penalties for sentences that read badly out of context: a dangling pronoun at the start or as the only speaker
 * of a quotation, very short or long.
 */
function styleOf({ first, words, speakerUntold }: Surface): number {
  let f = 1;
  if ((first !== null && DANGLING_START.has(first)) || speakerUntold) f *= 0.75;
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
  let words = 0;
  for (const t of p.sentence.tokens) if (t.type === 'word') words++;
  return ineligibleGiven(p, shape ?? quoteShape(p.sentence.tokens), words);
}

function ineligibleGiven(p: Passage, shape: QuoteShape, words: number): Ineligible | null {
  if (p.role === 'caption') return 'not-body';
  const text = p.text.trim();
  // Cheap tests first: no '?', no question; an ASCII letter first is the first letter.
  if (text.includes('?') && /\?\W*$/u.test(text)) return 'question';
  if (words < MIN_WORDS) return 'fragment';
  // "ATTORNEY GENERAL DENISE MARCHBANKS: Good afternoon.": the speaker's label is not the point's words.
  if (words < MIN_WORDS + 8 && text.includes(':')) {
    const label = turnLabel(text);
    if (label && words - label.label.split(/\s+/).length < MIN_WORDS) return 'fragment';
  }
  // "In a letter dated Tuesday, Bauer wrote:" introduces what the next paragraph says; alone it says nothing.
  if (text.endsWith(':')) return 'fragment';
  // "Q. Mr. Halvorsen, the board says …": a reporter's question in a transcript.
  if (/^Q[.:]\s/.test(text)) return 'question';
  // "The following is an edited transcript of …": a note about the page, not what it reports.
  if (/^(?:the following is|what follows is)\b/i.test(text)) return 'fragment';
  const c = text.charCodeAt(0);
  const firstLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? text[0] : text.match(/\p{L}/u)?.[0];
  if (firstLetter && firstLetter === firstLetter.toLowerCase() && firstLetter !== firstLetter.toUpperCase())
    return 'fragment';
  const { quoted, balanced, attributed } = shape;
  if (!attributed && (quoted / words > 0.5 || !balanced)) return 'unattributed-quote';
  return null;
}

/** What a point shows: a verbatim slice of its document, with its offsets. */
interface Slice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Whether two passages are sentences of one paragraph (of the article, or of one reader comment). */
function sameParagraph(p: Passage, q: Passage): boolean {
  return (
    q.documentId === p.documentId &&
    q.paragraph === p.paragraph &&
    q.comment === p.comment &&
    q.role === p.role
  );
}

/** The document's text from `start` to `end` as a slice, or null when the document is not in the corpus. */
function sliceOf(corpus: Corpus, documentId: string, start: number, end: number): Slice | null {
  const text = corpus.byId.get(documentId)?.text.slice(start, end);
  return text === undefined ? null : { start, end, text };
}

/** The slice without the speaker's label that opens it, or the slice itself when it has none. */
function withoutTurnLabel(slice: Slice): Slice {
  const label = turnLabel(slice.text);
  if (!label) return slice;
  const cut = label.length;
  return { start: slice.start + cut, end: slice.end, text: slice.text.slice(cut) };
}

/** Pronouns that point back at a thing or a group named before ("It includes …", "They said …", "This means …"). */
const ANAPHORS = new Set(['it', 'they', 'this', 'these', 'those']);
const POSSESSIVE_ANAPHORS = new Set(['its', 'their']);
/** A point may take in the sentence before it, to name what its pronoun means, up to this many words in all. */
const ANTECEDENT_RUN_WORDS = 60;

/**
 * A sentence that opens on a pronoun pointing back ("It includes a 14% wage increase …" after "We tabled our final
 * offer yesterday afternoon."): the point takes in the sentence before it in the same paragraph, still one verbatim
 * slice, so the reader knows what "it" is. Not an empty "it" ("It is too early to say …") nor a person's pronoun
 * (the speaker of "He said …" is named beside the point). The slice unchanged otherwise.
 */
function withAntecedent(corpus: Corpus, list: readonly Passage[], i: number, slice: Slice): Slice {
  const p = list[i] as Passage;
  const tokens = p.sentence.tokens;
  const first = tokens[0];
  if (!first || slice.start !== p.start) return slice;
  // "Its director, Ana Petrak, told …", "Their lawyers filed …": whose, the sentence before says.
  if (!POSSESSIVE_ANAPHORS.has(first.normal)) {
    if (!ANAPHORS.has(first.normal)) return slice;
    const next = tokens[1];
    // "It is unclear …", "It was too early …", "This week …": no thing named before is meant.
    if (first.normal === 'it' && next?.pos === 'AUX' && ['ADJ', 'ADV'].includes(tokens[2]?.pos ?? ''))
      return slice;
    if (first.pos === 'DET' && next !== undefined && (next.pos === 'NOUN' || next.pos === 'ADJ'))
      return slice;
  }
  const prev = list[i - 1];
  if (!prev || !sameParagraph(p, prev)) return slice;
  if (wordCount(prev.sentence.tokens) + wordCount(tokens) > ANTECEDENT_RUN_WORDS) return slice;
  return sliceOf(corpus, p.documentId, prev.start, slice.end) ?? slice;
}

/** Whether a quotation is open after `tokens`, given whether one was open before them. */
function openAfter(tokens: readonly Token[], open: boolean): boolean {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.text === "'") {
      // A straight single quotation mark (British style) opens before a word it touches and closes after one.
      const before = tokens[k - 1];
      const after = tokens[k + 1];
      const touchesAfter = after !== undefined && after.start === t.end;
      const touchesBefore = before !== undefined && before.end === t.start;
      if (!open && touchesAfter && !touchesBefore) open = true;
      else if (open && touchesBefore && !touchesAfter) open = false;
    } else if (OPEN_QUOTES.has(t.text) || (t.text === '"' && !open)) open = true;
    else if ((CLOSE_QUOTES.has(t.text) && (t.text !== '’' || open)) || (t.text === '"' && open)) open = false;
  }
  return open;
}

function wordCount(tokens: readonly Token[]): number {
  let n = 0;
  for (const t of tokens) if (t.type === 'word') n++;
  return n;
}

/** A point may run on over this many words to close the quotation it opens. */
const QUOTATION_RUN_WORDS = 70;

/**
 * A sentence that opens a quotation the next sentences of its paragraph close ("…, said: 'We are acting on the
 * precautionary principle. The risk is small.'"): the point runs on to the sentence that closes it, still one
 * verbatim slice, so it never ends inside someone's words. Null when the quotation does not close within three
 * more sentences of the paragraph and QUOTATION_RUN_WORDS words.
 */
function quotationRun(corpus: Corpus, list: readonly Passage[], i: number): Slice | null {
  const p = list[i] as Passage;
  if (!openAfter(p.sentence.tokens, false)) return null;
  let words = wordCount(p.sentence.tokens);
  for (let j = i + 1; j <= i + 3 && j < list.length; j++) {
    const q = list[j] as Passage;
    if (!sameParagraph(p, q)) return null;
    words += wordCount(q.sentence.tokens);
    if (words > QUOTATION_RUN_WORDS) return null;
    if (!openAfter(q.sentence.tokens, true)) return sliceOf(corpus, p.documentId, p.start, q.end);
  }
  return null;
}

/**
 * A wire dateline opening a story ("RIVERTON, Ohio (AP) — ", "BRUSSELS, Sept 4 - ", "Vancouver, B.C. - "): a
 * place in capitals, or a place with its region, then perhaps a date and the agency, then a dash.
 */
const DATELINE_PREFIX = new RegExp(
  "^(?:[A-Z][A-Z.'’-]+(?:\\s+[A-Z][A-Z.'’-]+){0,3}(?:,\\s*[A-Z][\\w.'’]*(?:\\s+[A-Z][\\w.'’]*){0,2}){0,2}" +
    "|[A-Z][a-z]+(?:\\s+[A-Z][a-z]+){0,2}(?:,\\s*[A-Z][\\w.'’]*(?:\\s+[A-Z][\\w.'’]*){0,2}){1,2})" +
    '(?:,\\s*[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?)?\\s*(?:\\([A-Za-z][\\w .&-]{0,30}\\)\\s*)?[—–-]{1,2}\\s+(?=[A-Z“"‘])',
);

/** The point without the wire dateline its story opens with: still verbatim, the words after it. */
function withoutDateline(p: Passage, slice: Slice): Slice {
  if (p.role !== 'body' || p.paragraph !== 1) return slice;
  const m = DATELINE_PREFIX.exec(slice.text);
  if (!m) return slice;
  const cut = m[0].length;
  return { start: slice.start + cut, end: slice.end, text: slice.text.slice(cut) };
}

/** The sentence, or its head up to the first clause boundary (; : — –) when it runs very long. */
function trimmed(p: Passage, wordCount: number): Slice {
  const tokens = p.sentence.tokens;
  const whole = { start: p.start, end: p.end, text: p.text };
  if (wordCount <= TRIM_WORDS) return whole;
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
