/**
 * Positions on a topic and counterpoints to a claim, answered from the precomputed claims.
 *
 * Stages: frame the topic (predicate groups, orientation, subject) -> retrieve claims (passage index with the
 * topic, speaker aliases and the predicate's lexicon words; plus claims using the predicate's words) -> relevance
 * (subject words in the sentence, its paragraph, its title) -> stance per claim -> holders carry their stance to
 * their other relevant claims, rebuttals put the rebutted holder on the other side -> positions, each labelled
 * with a verbatim phrase of its strongest claim.
 */
import { maxOf } from '../text/max.js';
import type { Token } from '../corpus/types.js';
import type { Segmenter } from '../nlp/segmenter.js';
import type { Speaker } from '../quotes/types.js';
import type { Passage, PassageIndex, SearchHit } from '../search/index.js';
import { kthLargestInPlace } from '../search/best-hits.js';
import { CLAUSE_BREAKS, GROUP_BY_ID, stem } from './lexicon.js';
import { ContextMasks } from './context.js';
import { ATTRIBUTED, COMMENT, MENTION, OPINION, QUOTED, type ClaimHolders } from './holders.js';
import {
  deniesByReference,
  ellipsisSign,
  frameOf,
  opensOnContrast,
  stanceOf,
  type AdHocPredicate,
  type TopicFrame,
} from './stance.js';
import type {
  Claim,
  ClaimAnalysis,
  CounterpointResult,
  Position,
  PositionItem,
  ReadBound,
  ViewpointsResult,
} from './types.js';

export interface ViewpointSources {
  readonly claims: ClaimAnalysis;
  readonly index: PassageIndex;
  readonly segment: Segmenter;
  readonly speakers: readonly Speaker[];
}

/** What the viewpoints engine reads of a corpus analysis, with its claims. */
export function viewpointSources(
  analysis: {
    readonly index: PassageIndex;
    readonly segment: Segmenter;
    readonly quotes: { readonly speakers: readonly Speaker[] };
  },
  claims: ClaimAnalysis,
): ViewpointSources {
  return { claims, index: analysis.index, segment: analysis.segment, speakers: analysis.quotes.speakers };
}

/** Below this relevance a claim is not about the topic. */
const MIN_RELEVANCE = 0.2;
/** A claim without a stance of its own joins its holder's side only when this much about the topic. */
const HOLDER_RELEVANCE = 0.3;
/**
 * At most this many relevant claims are read for stance, holders and order (the most relevant, ties in retrieval
 * order): a topic as broad as a corpus's main subject can match tens of thousands of claims, of which only the
 * few strongest per side are shown.
 */
export const MAX_READ = 2000;
const ARTICLE_ITEMS = 6;
/** Flags of a claim in a query's `seen`: found by the predicate's words, a search hit, relevant enough to read. */
const FOUND = 1;
const HIT = 2;
const RELEVANT = 4;
const COMMENT_ITEMS = 3;

/** The other side's positions are read from this many of the claims most about the claim's subject (a query's cost). */
const SIDE_READ = 120;
/** Content words an argument has at least. */
const MIN_ARGUMENT_TERMS = 3;

interface Scored {
  /** The claim's id (read without touching the claim object, which on a large corpus is likely a cache miss). */
  readonly id: number;
  readonly claim: Claim;
  stance: number;
  readonly relevance: number;
  readonly focus: number;
}

/**
 * The fields of a query's scored claims, by their place in its list, in arrays kept per claim analysis (a list
 * holds each claim at most once). An item is then a small object naming its place: the thousands a broad topic
 * scores used to be as many objects with two boxed numbers each, most of a large corpus's garbage per query.
 * Nothing reads them after the query.
 */
class ScoredFields {
  readonly ids: Int32Array;
  readonly stances: Float64Array;
  readonly relevances: Float64Array;
  readonly focuses: Int32Array;

  constructor(readonly claims: readonly Claim[]) {
    const n = claims.length;
    this.ids = new Int32Array(n);
    this.stances = new Float64Array(n);
    this.relevances = new Float64Array(n);
    this.focuses = new Int32Array(n);
  }
}

/** A scored claim of the query under way, read from (and its stance written to) the query's `ScoredFields`. */
class ScoredItem implements Scored {
  constructor(
    private readonly fields: ScoredFields,
    private readonly at: number,
  ) {}

  get id(): number {
    return this.fields.ids[this.at] as number;
  }

  get claim(): Claim {
    return this.fields.claims[this.fields.ids[this.at] as number] as Claim;
  }

  get stance(): number {
    return this.fields.stances[this.at] as number;
  }

  set stance(value: number) {
    this.fields.stances[this.at] = value;
  }

  get relevance(): number {
    return this.fields.relevances[this.at] as number;
  }

  get focus(): number {
    return this.fields.focuses[this.at] as number;
  }
}

/** A scored item as a plain object (a copy with its own stance, outside the query's list). */
function copyOf(s: Scored, stance: number): Scored {
  return { id: s.id, claim: s.claim, stance, relevance: s.relevance, focus: s.focus };
}

function tokensOf(sources: ViewpointSources, text: string): Token[] {
  return sources.segment(text, 0).flatMap((s) => [...s.tokens]);
}

/** Each speaker's names (name first, then aliases) with, for those longer than two characters, their lower-cased words. */
interface SpeakerNames {
  readonly names: readonly string[];
  readonly words: readonly (readonly string[])[];
}

// Pure memo of the speaker catalog's name words, read once per catalog rather than once per query.
const speakerNames = new WeakMap<readonly Speaker[], readonly SpeakerNames[]>();

function namesOf(speakers: readonly Speaker[]): readonly SpeakerNames[] {
  let known = speakerNames.get(speakers);
  if (known === undefined) {
    known = speakers.map((s) => {
      const names = [s.name, ...s.aliases];
      return {
        names,
        words: names.filter((n) => n.length > 2).map((n) => n.toLowerCase().split(/\s+/)),
      };
    });
    speakerNames.set(speakers, known);
  }
  return known;
}

/** Other names of the speakers a text mentions (query expansion from the speaker catalog). */
function speakerExpansion(speakers: readonly Speaker[], text: string): string[] {
  const words = new Set(text.toLowerCase().match(/[\p{L}\p{N}.'’-]+/gu) ?? []);
  const out: string[] = [];
  for (const s of namesOf(speakers))
    if (s.words.some((ws) => ws.every((w) => words.has(w)))) out.push(...s.names);
  return out;
}

/** A topic's subject words with their weights and stem ids (-1: no claim has that stem), read once per query. */
interface Subject {
  /** The topic's subject terms it was made from. */
  readonly terms: readonly string[];
  readonly words: readonly { readonly weight: number; readonly stem: number }[];
  readonly total: number;
  /** `words`' weights. */
  readonly weights: Float64Array;
  /** For each block of 32 subject words: which of them (by bit) each claim's own sentence has, by claim id. */
  readonly own: readonly Uint32Array[];
  /** For each block of 32 subject words: which of them each paragraph slot's context has. */
  readonly around: readonly ContextMasks[];
}

/**
 * Corpus-sized arrays a query fills and reads, kept per claim analysis and zeroed before each use (or stamped with
 * the query's number, or zeroed after it): allocating them per query (several per call, each the size of the claim
 * list) was most of a call's garbage, and maps keyed by claim or holder cost more than arrays indexed by number.
 */
interface Scratch {
  /** Per block of 32 subject words: claim masks, paragraph-slot masks and title masks. */
  readonly own: Uint32Array[];
  readonly paragraphs: Uint32Array[];
  readonly titles: Uint32Array[];
  readonly seen: Uint8Array;
  readonly candidates: Int32Array;
  readonly ids: Int32Array;
  readonly relevances: Float64Array;
  /** By claim id: a relevant candidate's coverage of the subject (read only where `seen` has RELEVANT). */
  readonly coverages: Float64Array;
  /** By claim id: the BM25 score (over the best hit's) of a hit's claim; read only where `seen` has HIT. */
  readonly bm25: Float64Array;
  /**
   * By claim id (a `sameReading` representative): the query that last computed its stance (`epoch`), with the
   * stance and focus found.
   */
  readonly stanceEpoch: Int32Array;
  readonly stanceValue: Float64Array;
  readonly stanceFocus: Int32Array;
  /** By claim id: the query that last placed it in the scored list (`epoch`), and its index there. */
  readonly scoredEpoch: Int32Array;
  readonly scoredAt: Int32Array;
  /** Bumped by each query, so the stamped arrays above need no clearing. */
  epoch: number;
  /**
   * By holder number (`ClaimHolders.holder`, `rebuts`): the net stance of a query's claims (zero between queries).
   */
  readonly net: Float64Array;
  /**
   * By `sameReading` representative: whether the sentence denies by reference (0: not read yet, 1: no, 2: yes).
   * A pure function of the sentence's word infos, so kept across queries.
   */
  readonly denials: Uint8Array;
  /** The fields of the query's scored claims. */
  readonly scored: ScoredFields;
  /** The subject last made, whose masks are the ones in `own`, `paragraphs` and `titles`. */
  lastSubject: Subject | null;
}

const scratches = new WeakMap<ClaimAnalysis, Scratch>();

function scratchOf(analysis: ClaimAnalysis): Scratch {
  let s = scratches.get(analysis);
  if (s === undefined) {
    const n = analysis.claims.length;
    s = {
      own: [],
      paragraphs: [],
      titles: [],
      seen: new Uint8Array(n),
      candidates: new Int32Array(n),
      ids: new Int32Array(n),
      relevances: new Float64Array(n),
      coverages: new Float64Array(n),
      bm25: new Float64Array(n),
      stanceEpoch: new Int32Array(n),
      stanceValue: new Float64Array(n),
      stanceFocus: new Int32Array(n),
      scoredEpoch: new Int32Array(n),
      scoredAt: new Int32Array(n),
      epoch: 0,
      net: new Float64Array(analysis.holders.names.length),
      denials: new Uint8Array(n),
      scored: new ScoredFields(analysis.claims),
      lastSubject: null,
    };
    scratches.set(analysis, s);
  }
  return s;
}

/** The next query's number for the stamped arrays (which are cleared when the numbers run out). */
function nextEpoch(scratch: Scratch): number {
  if (scratch.epoch === 0x7fffffff) {
    scratch.stanceEpoch.fill(0);
    scratch.scoredEpoch.fill(0);
    scratch.epoch = 0;
  }
  return ++scratch.epoch;
}

/** Adds claim `id` to the query's scored list, where `scoredOf` finds it by claim id. */
function addScored(
  scratch: Scratch,
  scored: Scored[],
  id: number,
  stance: number,
  relevance: number,
  focus: number,
): void {
  const at = scored.length;
  scratch.scoredEpoch[id] = scratch.epoch;
  scratch.scoredAt[id] = at;
  const fields = scratch.scored;
  fields.ids[at] = id;
  fields.stances[at] = stance;
  fields.relevances[at] = relevance;
  fields.focuses[at] = focus;
  scored.push(new ScoredItem(fields, at));
}

/** The scored item of claim `id` in this query's list, if it has one. */
function scoredOf(scratch: Scratch, scored: readonly Scored[], id: number): Scored | undefined {
  if (scratch.scoredEpoch[id] !== scratch.epoch) return undefined;
  const s = scored[scratch.scoredAt[id] as number];
  return s !== undefined && s.id === id ? s : undefined;
}

/** The terms a frame's subject is made from. */
function subjectTerms(frame: TopicFrame): readonly string[] {
  return frame.subject.length > 0 ? frame.subject : frame.terms;
}

/**
 * `known` when it was made from the same terms as the frame's subject and its masks are still the scratch's (no
 * other subject made since): the same subject. Used within one call only (a counterpoint's other side asks about
 * the claim's own subject), never across calls.
 */
function reusedSubject(frame: TopicFrame, scratch: Scratch, known: Subject | undefined): Subject | undefined {
  if (known === undefined || scratch.lastSubject !== known) return undefined;
  const terms = subjectTerms(frame);
  if (terms.length !== known.terms.length) return undefined;
  for (let k = 0; k < terms.length; k++) if (terms[k] !== known.terms[k]) return undefined;
  return known;
}

function subjectOf(frame: TopicFrame, analysis: ClaimAnalysis, scratch: Scratch): Subject {
  const subject = subjectTerms(frame);
  let total = 0;
  // Loops onto literals rather than map: map's result is packed or holey depending on whether the calling code is
  // optimised, so readers of these arrays deoptimised once this function was optimised (or deoptimised).
  const words: { readonly weight: number; readonly stem: number }[] = [];
  for (const t of subject) {
    const weight = analysis.idf.get(t) ?? 1;
    total += weight;
    words.push({ weight, stem: analysis.stemIds.get(stem(t)) ?? -1 });
  }
  const own: Uint32Array[] = [];
  const around: ContextMasks[] = [];
  for (let j = 0, block = 0; j < words.length; j += 32, block++) {
    const stems: number[] = [];
    for (let k = j; k < Math.min(j + 32, words.length); k++) stems.push((words[k] as { stem: number }).stem);
    const mask = (scratch.own[block] ??= new Uint32Array(analysis.claims.length)).fill(0);
    for (let k = 0; k < stems.length; k++) {
      const st = stems[k] as number;
      if (st < 0) continue;
      const bit = 1 << k;
      const list = analysis.byStem[st];
      if (list === undefined) continue;
      for (let m = 0; m < list.length; m++) {
        const id = list[m] as number;
        mask[id] = (mask[id] as number) | bit;
      }
    }
    own.push(mask);
    const paragraphs = (scratch.paragraphs[block] ??= new Uint32Array(
      analysis.context.visitStart.length,
    )).fill(0);
    const titles = (scratch.titles[block] ??= new Uint32Array(analysis.context.titles)).fill(0);
    around.push(new ContextMasks(analysis.context, stems, { paragraphs, titles }));
  }
  const made = {
    terms: subject,
    words,
    total,
    weights: Float64Array.from(words, (w) => w.weight),
    own,
    around,
  };
  scratch.lastSubject = made;
  return made;
}

/** How much a claim is about a topic: the topic's subject words (by weight) in the sentence, or around it. */
function coverageOf(id: number, slot: number, subject: Subject): number {
  const words = subject.words;
  if (words.length === 0) return 0;
  let got = 0;
  for (let block = 0; block * 32 < words.length; block++) {
    const own = (subject.own[block] as Uint32Array)[id] as number;
    const around = (subject.around[block] as ContextMasks).of(slot);
    // The words the sentence or its context has, lowest bit first: the words' order, so the same sum as adding
    // word by word (most candidates have none).
    for (let bits = own | around; bits !== 0;) {
      const bit = bits & -bits;
      const j = block * 32 + 31 - Math.clz32(bit);
      if (own & bit) got += subject.weights[j] as number;
      else got += 0.4 * (subject.weights[j] as number);
      bits ^= bit;
    }
  }
  // Most candidates (found by the predicate's words alone) have none: a small integer, no boxed double.
  if (got === 0) return 0;
  return subject.total > 0 ? got / subject.total : 0;
}

/**
 * The claims relevant to a frame (at most `limit`, the most relevant), each with its stance.
 *
 * In a few functions rather than one: V8 optimises (and, when a call's types differ, deoptimises) each on its own,
 * where one large function was deoptimised again and again over a run of calls, its fast code thrown away each time.
 */
function scoreClaims(
  sources: ViewpointSources,
  text: string,
  frame: TopicFrame,
  limit: number,
  tokens?: readonly Token[],
  known?: Subject,
): { scored: Scored[]; bound: ReadBound | undefined; subject: Subject } {
  const scratch = scratchOf(sources.claims);
  const epoch = nextEpoch(scratch);
  const subject = reusedSubject(frame, scratch, known) ?? subjectOf(frame, sources.claims, scratch);
  const hits = sources.index.search(text, {
    limit: 120,
    expand: speakerExpansion(sources.speakers, text),
    ...(tokens === undefined ? {} : { tokens }),
  });
  const top = hits[0]?.score ?? 1;
  const count = gatherCandidates(sources.claims, frame, hits, top, scratch);
  markRelevant(sources.claims, subject, scratch, count);
  const n = relevantCandidates(scratch, count);
  const relevances = scratch.relevances.subarray(0, n);
  const keep = mostRelevant(relevances, limit);
  const out = scoreStances(sources.claims, frame, scratch, epoch, relevances, keep);
  if (frame.predicate !== undefined) answers(sources, frame, subject, out, hits, top);
  answerMentions(sources, out);
  answerReplies(sources, out);
  return { scored: out, bound: keep === null ? undefined : { read: limit, of: n }, subject };
}

/**
 * The candidates of a query, in `scratch.candidates` (their number returned): the hits' claims, then the claims
 * using the predicate's words, each once, in that order, flagged in `scratch.seen` (HIT: a hit, with its BM25 score
 * over the best hit's in `scratch.bm25`; FOUND: found by the predicate's words only).
 */
function gatherCandidates(
  analysis: ClaimAnalysis,
  frame: TopicFrame,
  hits: readonly SearchHit[],
  top: number,
  scratch: Scratch,
): number {
  const { byTerm, byPassage } = analysis;
  const lexicon = [...frame.groups.keys()].flatMap((g) => {
    const group = GROUP_BY_ID.get(g);
    return group ? [...group.plus, ...group.minus] : [];
  });
  const seen = scratch.seen.fill(0);
  const candidates = scratch.candidates;
  const bm25 = scratch.bm25;
  let count = 0;
  for (const h of hits) {
    const id = byPassage.get(h.passage.id);
    if (id === undefined) continue;
    bm25[id] = h.score / top;
    if (seen[id] !== HIT) {
      seen[id] = HIT;
      candidates[count++] = id;
    }
  }
  for (const w of lexicon) {
    const list = byTerm.get(w);
    if (list === undefined) continue;
    for (let k = 0; k < list.length; k++) {
      const id = list[k] as number;
      if (seen[id] === 0) {
        seen[id] = FOUND;
        candidates[count++] = id;
      }
    }
  }
  // An ad-hoc predicate's words find claims as a lexicon group's words do.
  const contraries = frame.predicate?.contraries;
  const retrieving =
    contraries === undefined
      ? (frame.predicate?.stems ?? [])
      : [...(frame.predicate?.stems ?? []), ...contraries.same, ...contraries.other];
  for (const st of retrieving) {
    const id = analysis.stemIds.get(st);
    const list = id === undefined ? undefined : analysis.byStem[id];
    if (list === undefined) continue;
    for (let k = 0; k < list.length; k++) {
      const c = list[k] as number;
      if (seen[c] === 0) {
        seen[c] = FOUND;
        candidates[count++] = c;
      }
    }
  }
  return count;
}

/**
 * Relevance of each of the `count` candidates (cheap: bit masks; stance comes later, only for those read): the
 * relevant ones are marked in `scratch.seen` (RELEVANT), with their coverage of the subject in `scratch.coverages`.
 * The coverages are computed in claim order, so the masks, slots and context arrays are read in sequence rather than
 * at random (on a large corpus each random read is likely a cache miss).
 */
function markRelevant(analysis: ClaimAnalysis, subject: Subject, scratch: Scratch, count: number): void {
  const { seen, candidates, coverages } = scratch;
  const { slots, onTopic } = analysis;
  let lowest = analysis.claims.length;
  let highest = -1;
  for (let c = 0; c < count; c++) {
    const id = candidates[c] as number;
    if (id < lowest) lowest = id;
    if (id > highest) highest = id;
  }
  // A subject of at most 32 words (nearly every one) is one block of masks: its coverage is computed here, with
  // the same sums in the same order as coverageOf, without its two calls per candidate (thousands a query), which
  // were most of this loop's cost in a call's first runs, before V8 optimises (and inlines) them.
  const single = subject.words.length > 0 && subject.words.length <= 32;
  const own0 = single ? subject.own[0] : undefined;
  const paragraphs = single ? subject.around[0]?.paragraphs : undefined;
  const titles = single ? subject.around[0]?.titles : undefined;
  const { visitStart, titleOf } = analysis.context;
  const { weights, total } = subject;
  for (let id = lowest; id <= highest; id++) {
    const found = seen[id] as number;
    if (found === 0 || onTopic[id] === 0) continue;
    let coverage: number;
    if (own0 !== undefined && paragraphs !== undefined && titles !== undefined) {
      // (ContextMasks.of, written out.)
      const slot = slots[id] as number;
      const first = visitStart[slot] as number;
      let around = paragraphs[slot] as number;
      if (slot - 1 >= first) around |= paragraphs[slot - 1] as number;
      if (slot - 2 >= first) around |= paragraphs[slot - 2] as number;
      const title = titleOf[slot] as number;
      if (title >= 0) around |= titles[title] as number;
      const own = own0[id] as number;
      let got = 0;
      for (let bits = own | around; bits !== 0;) {
        const bit = bits & -bits;
        const j = 31 - Math.clz32(bit);
        if (own & bit) got += weights[j] as number;
        else got += 0.4 * (weights[j] as number);
        bits ^= bit;
      }
      coverage = got === 0 ? 0 : total > 0 ? got / total : 0;
    } else coverage = coverageOf(id, slots[id] as number, subject);
    if (coverage < MIN_RELEVANCE) continue;
    coverages[id] = coverage;
    seen[id] = found | RELEVANT;
  }
}

/**
 * The relevant candidates in retrieval order, in `scratch.ids`, with their relevance (coverage, and a hit's BM25
 * score) in `scratch.relevances`; their number.
 */
function relevantCandidates(scratch: Scratch, count: number): number {
  const { seen, candidates, coverages, bm25, ids } = scratch;
  const all = scratch.relevances;
  let n = 0;
  for (let c = 0; c < count; c++) {
    const id = candidates[c] as number;
    const found = seen[id] as number;
    if ((found & RELEVANT) === 0) continue;
    ids[n] = id;
    all[n++] = (coverages[id] as number) * 0.8 + (found & HIT ? (bm25[id] as number) * 0.3 : 0);
  }
  return n;
}

/** The relevant candidates kept (all, or those `keep` marks), each with its stance toward the frame: the scored list. */
function scoreStances(
  analysis: ClaimAnalysis,
  frame: TopicFrame,
  scratch: Scratch,
  epoch: number,
  relevances: Float64Array,
  keep: Uint8Array | null,
): Scored[] {
  const { claims, sameReading } = analysis;
  const ids = scratch.ids;
  const out: Scored[] = [];
  // A stance depends only on the sentence's word infos: claims that read the same share it (computed once per
  // query, kept in stamped arrays rather than a map).
  const { stanceEpoch, stanceValue, stanceFocus } = scratch;
  const n = relevances.length;
  for (let k = 0; k < n; k++) {
    if (keep !== null && keep[k] === 0) continue;
    const id = ids[k] as number;
    const same = sameReading[id] as number;
    // (The claim object is read only to compute a stance: likely a cache miss each on a large corpus.)
    if (stanceEpoch[same] !== epoch) {
      const claim = claims[id] as Claim;
      const reading = stanceOf(claim.sentence.tokens, frame, claim.reading);
      stanceEpoch[same] = epoch;
      stanceValue[same] = reading.stance;
      stanceFocus[same] = reading.focus;
    }
    addScored(
      scratch,
      out,
      id,
      stanceValue[same] as number,
      relevances[k] as number,
      stanceFocus[same] as number,
    );
  }
  return out;
}

/**
 * The replies to a reader comment that takes a side ("@Sam Then pay the people who load it properly."): their words
 * need not name the topic, so retrieval does not find them. They are read with the comment they answer, whose holder
 * they rebut (`Claim.rebuts`), so propagation puts them on its other side. A thread's replies come after the comment,
 * in the same document: the scan stops at the document's end.
 */
function answerReplies(sources: ViewpointSources, scored: Scored[]): void {
  const { onTopic } = sources.claims;
  const { flags, replies, replyStart, replyIds } = sources.claims.holders;
  const scratch = scratchOf(sources.claims);
  const count = scored.length;
  // The reply lists read (one per document and holder answered), by list number.
  let answered: Set<number> | null = null;
  for (let k = 0; k < count; k++) {
    const s = scored[k] as Scored;
    // (Read without touching the claim object, likely a cache miss each on a large corpus.)
    if (s.stance === 0) continue;
    const id = s.id;
    if (((flags[id] as number) & (MENTION | COMMENT)) !== COMMENT) continue;
    const list = replies[id] as number;
    if (list < 0 || answered?.has(list)) continue;
    (answered ??= new Set()).add(list);
    for (let r = replyStart[list] as number, end = replyStart[list + 1] as number; r < end; r++) {
      const reply = replyIds[r] as number;
      if (reply <= id || onTopic[reply] === 0 || scoredOf(scratch, scored, reply) !== undefined) continue;
      addScored(scratch, scored, reply, 0, s.relevance, -1);
    }
  }
}

/**
 * A comment quoting another's words back ("The risk is tiny." then "That is the company's own number.") does not
 * hold them: the quotation takes no side, and the sentence after it, its answer, takes the other one (unless it has
 * a stance of its own).
 */
function answerMentions(sources: ViewpointSources, scored: Scored[]): void {
  const { byPassage, onTopic } = sources.claims;
  const passages = sources.index.passages;
  const scratch = scratchOf(sources.claims);
  const { flags } = sources.claims.holders;
  const count = scored.length;
  for (let k = 0; k < count; k++) {
    const s = scored[k] as Scored;
    if (((flags[s.id] as number) & MENTION) === 0 || s.stance === 0) continue;
    const stance = -s.stance;
    s.stance = 0;
    const next = nextInFlow(passages, s.claim.passage);
    if (next === null) continue;
    const id = byPassage.get(next.id);
    if (id === undefined || onTopic[id] === 0) continue;
    const known = scoredOf(scratch, scored, id);
    if (known !== undefined) {
      if (known.stance === 0) known.stance = stance;
      continue;
    }
    addScored(scratch, scored, id, stance, s.relevance, -1);
  }
}

/**
 * The sentences that answer one on an ad-hoc predicate, right after it in the same paragraph: an elliptical answer
 * ("The mayor says the arena will pay for itself. It will not.") asserts or denies the predicate by its own
 * negation; a sentence opening on a contrast after one affirming it ("… But they are temporary.") leans against it.
 * Their words do not name the predicate, so neither retrieval nor stance finds them alone. The sentence before may
 * be a claim read above or a passage the search found.
 */
function answers(
  sources: ViewpointSources,
  frame: TopicFrame,
  subject: Subject,
  scored: Scored[],
  hits: readonly SearchHit[],
  top: number,
): void {
  const { claims, byPassage, onTopic, slots, sameReading } = sources.claims;
  const passages = sources.index.passages;
  const scratch = scratchOf(sources.claims);
  const denials = scratch.denials;
  const before: { passage: number; stance: number; relevance: number }[] = [];
  for (const s of scored)
    if (s.stance !== 0) before.push({ passage: s.claim.passage, stance: s.stance, relevance: s.relevance });
  for (const h of hits) {
    if (byPassage.has(h.passage.id)) continue;
    const stance = stanceOf(h.passage.sentence.tokens, frame).stance;
    if (stance !== 0) before.push({ passage: h.passage.id, stance, relevance: (h.score / top) * 0.3 });
  }
  for (const b of before) {
    const next = nextInFlow(passages, b.passage);
    if (next === null) continue;
    const id = byPassage.get(next.id);
    if (id === undefined || onTopic[id] === 0) continue;
    const known = scoredOf(scratch, scored, id);
    if (known !== undefined && known.stance !== 0) continue;
    const claim = claims[id] as Claim;
    // A denial by reference ("A spokesperson said the claim was untrue.") answers the sentence before it, in its
    // paragraph or the one before; an elliptical answer or a contrast only within the paragraph. Read once per
    // sentence reading, whatever the query.
    const same = sameReading[id] as number;
    if (denials[same] === 0) denials[same] = deniesByReference(claim.reading.infos) ? 2 : 1;
    const denial = denials[same] === 2;
    if (!denial && next.paragraph !== (passages[b.passage] as Passage).paragraph) continue;
    // The predicate's own sign in the sentence before (its stance is toward the topic's orientation).
    const affirmed = b.stance * frame.orientation > 0;
    const sign = denial ? 0 : ellipsisSign(claim.sentence.tokens, claim.reading.infos);
    let stance = 0;
    if (denial) stance = -b.stance;
    else if (sign !== 0) stance = sign * Math.abs(b.stance) * frame.orientation;
    else if (affirmed && opensOnContrast(claim.reading.infos)) stance = -0.5 * frame.orientation;
    if (stance === 0) continue;
    if (known !== undefined) {
      known.stance = stance;
      continue;
    }
    const coverage = coverageOf(id, slots[id] as number, subject);
    if (coverage < MIN_RELEVANCE && b.relevance < MIN_RELEVANCE) continue;
    addScored(scratch, scored, id, stance, Math.max(coverage * 0.8, b.relevance), -1);
  }
}

/**
 * Which of `relevances` are among the `limit` highest (1 = kept), ties kept in index order; null when all are.
 */
export function mostRelevant(relevances: ArrayLike<number>, limit: number): Uint8Array | null {
  const n = relevances.length;
  if (n <= limit) return null;
  // The limit-th highest value (found by selection, not a sort of thousands): everything above it is kept, then
  // values equal to it in order until full.
  const cut = kthLargestInPlace(Float64Array.from(relevances), limit);
  let above = 0;
  for (let k = 0; k < n; k++) if ((relevances[k] as number) > cut) above++;
  let ties = limit - above;
  const keep = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const r = relevances[k] as number;
    if (r > cut) keep[k] = 1;
    else if (r === cut && ties > 0) {
      keep[k] = 1;
      ties--;
    }
  }
  return keep;
}

/** Holders carry their stance to their other relevant claims; a rebuttal puts the rebutted holder on the other side. */
function propagate(scored: Scored[], analysis: ClaimAnalysis): void {
  // Each holder's net stance, by holder number (a holder no claim gave a stance to has 0, as an absent one would).
  const { net } = scratchOf(analysis);
  const { holder: holderOf, rebuts: rebutOf, flags } = analysis.holders;
  for (const s of scored)
    if (s.stance !== 0) {
      const h = holderOf[s.id] as number;
      net[h] = (net[h] as number) + s.stance;
    }
  // A rebuttal stands against the holder it answers, whatever its words' polarity says.
  for (const s of scored) {
    const r = rebutOf[s.id] as number;
    const other = r < 0 ? 0 : (net[r] as number);
    if (s.stance !== 0 && other !== 0 && Math.sign(s.stance) === Math.sign(other)) s.stance = -s.stance;
  }
  for (const s of scored) {
    const r = rebutOf[s.id] as number;
    if (r < 0 || r === holderOf[s.id]) continue;
    if (s.stance !== 0 && !net[r]) net[r] = -Math.sign(s.stance);
    else if (s.stance === 0 && net[r]) s.stance = -0.5 * Math.sign(net[r] as number);
  }
  for (const s of scored) {
    // A quotation answered is not its quoter's view.
    const f = flags[s.id] as number;
    if (s.stance !== 0 || s.relevance < HOLDER_RELEVANCE || f & MENTION) continue;
    // An author's voice spans a whole piece; only named speakers and single comments carry over.
    // (Read from the flags, not the claim object: likely a cache miss each on a large corpus.)
    if ((f & (ATTRIBUTED | COMMENT)) === 0) continue;
    const n = net[holderOf[s.id] as number] as number;
    if (n) s.stance = 0.5 * Math.sign(n);
  }
  // Zeroed for the next query: every holder number written is a scored claim's holder or the one it rebuts.
  for (const s of scored) {
    net[holderOf[s.id] as number] = 0;
    const r = rebutOf[s.id] as number;
    if (r >= 0) net[r] = 0;
  }
}

// A holder's own quoted words outweigh a paraphrase of them.
const weightOf = (s: Scored, flags: Uint8Array): number =>
  Math.abs(s.stance) *
  (0.5 + s.relevance) *
  (1 + 0.1 * Math.min(s.claim.strength, 5)) *
  ((flags[s.id] as number) & QUOTED ? 1.5 : 1);

/**
 * Parts of speech a label cannot end on: determiners, prepositions, conjunctions, particles, auxiliaries (and an
 * adjective right after a determiner, "a peaceful").
 */
const DANGLING_END = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'AUX']);

/** The clause around a claim's focus word, verbatim: the position's label. */
export function labelOf(claim: Claim, focus: number): string {
  const tokens = claim.sentence.tokens;
  let from = 0;
  let to = tokens.length - 1;
  if (focus >= 0) {
    from = focus;
    while (from > 0 && focus - from < 12 && !CLAUSE_BREAKS.has((tokens[from - 1] as Token).normal)) from--;
    to = focus;
    while (to < tokens.length - 1 && to - focus < 6 && !CLAUSE_BREAKS.has((tokens[to + 1] as Token).normal))
      to++;
  } else {
    // No focus word: the opening words, up to a clause break once there are eight, at most 20 tokens.
    to = 0;
    while (
      to < Math.min(tokens.length - 1, 19) &&
      !(to >= 7 && CLAUSE_BREAKS.has((tokens[to + 1] as Token).normal))
    )
      to++;
  }
  while (from < to && /^[“”"‘’'(]$/.test((tokens[from] as Token).text)) from++;
  // A label never ends on a mark or on a word that needs what follows ("the nature of the").
  while (
    to > from &&
    (/^[“”"‘’'),.;:]$/.test((tokens[to] as Token).text) ||
      DANGLING_END.has((tokens[to] as Token).pos) ||
      ((tokens[to] as Token).pos === 'ADJ' && (tokens[to - 1] as Token).pos === 'DET'))
  )
    to--;
  // A quotation opened inside the label is closed in it when its end is near ("was “ready to respond …”").
  let open = false;
  for (let k = from; k <= to; k++) {
    const t = (tokens[k] as Token).text;
    if (t === '“') open = true;
    else if (t === '”') open = false;
  }
  if (open)
    for (let k = to + 1; k < tokens.length && k <= to + 8; k++)
      if ((tokens[k] as Token).text === '”') {
        to = k;
        break;
      }
  // A one-word label says nothing ("It will not." trimmed of its auxiliaries): the sentence is short, so it is all shown.
  if (to === from && focus < 0 && tokens.length <= 6) return claim.text.replace(/[.!?…]+$/u, '');
  const text = claim.text.slice(
    (tokens[from] as Token).start - claim.start,
    (tokens[to] as Token).end - claim.start,
  );
  return text.length > 0 ? text : claim.text;
}

/** Articles first, then comments; within each, one item per holder before a holder's second, by weight; weak items dropped. */
function order(items: Scored[], holders: ClaimHolders): Scored[] {
  const { flags, holder } = holders;
  // (A loop onto a literal, not map: see subjectOf.)
  const weighed: { s: Scored; w: number }[] = [];
  let best = -Infinity;
  for (const s of items) {
    const w = weightOf(s, flags);
    weighed.push({ s, w });
    if (w > best) best = w;
  }
  const pick = (comments: boolean, limit: number): Scored[] => {
    const items = weighed.filter(
      (x) => (((flags[x.s.id] as number) & COMMENT) !== 0) === comments && x.w >= 0.25 * best,
    );
    // Holders by number (one per name).
    const seen = new Set<number>();
    const first: Scored[] = [];
    const rest: Scored[] = [];
    // The items by weight (a stable sort) are read until `limit` holders have one, usually within the first few:
    // so the heaviest `size` are sorted, and more only when they do not reach `limit` holders.
    for (let size = ORDER_HEAD; ; size *= 4) {
      const sorted = heaviest(items, size);
      seen.clear();
      first.length = 0;
      rest.length = 0;
      for (const { s } of sorted) {
        const h = holder[s.id] as number;
        (seen.has(h) ? rest : first).push(s);
        seen.add(h);
        // Enough holders already: later items can only come after these.
        if (first.length >= limit) break;
      }
      if (first.length >= limit || sorted.length === items.length) break;
    }
    return [...first, ...rest].slice(0, limit);
  };
  return [...pick(false, ARTICLE_ITEMS), ...pick(true, COMMENT_ITEMS)];
}

/** How many of the heaviest items `order` sorts first. */
const ORDER_HEAD = 64;

/**
 * The first entries of `items` stably sorted by weight, heaviest first: all of them when there are at most `size`,
 * else every item weighing at least the size-th heaviest (ties included), which the full sort puts first.
 */
function heaviest<T extends { readonly w: number }>(items: readonly T[], size: number): T[] {
  const byWeight = (a: T, b: T) => b.w - a.w;
  if (items.length <= size) return [...items].sort(byWeight);
  const weights = new Float64Array(items.length);
  for (let k = 0; k < items.length; k++) weights[k] = (items[k] as T).w;
  const cut = kthLargestInPlace(weights, size);
  const kept: T[] = [];
  for (const x of items) if (x.w >= cut) kept.push(x);
  return kept.sort(byWeight);
}

function positionOf(items: Scored[], side: 1 | -1 | 0, holders: ClaimHolders): Position {
  const ordered = order(items, holders);
  const { flags } = holders;
  const labelWeight = (s: Scored) =>
    (s.focus >= 0 ? 1 : 0.3) * ((flags[s.id] as number) & COMMENT ? 1 : 1.2) * weightOf(s, flags);
  const strongest = [...ordered].sort((a, b) => labelWeight(b) - labelWeight(a))[0] as Scored;
  return {
    label: labelOf(strongest.claim, strongest.focus),
    side,
    items: ordered.map((s): PositionItem => ({ claim: s.claim, stance: s.stance, relevance: s.relevance })),
  };
}

/** Two to four opposing positions on a topic (fewer when the corpus holds fewer). */
export function findViewpoints(sources: ViewpointSources, topic: string, limit = MAX_READ): ViewpointsResult {
  const tokens = tokensOf(sources, topic);
  return viewpointsOf(sources, topic, tokens, frameOf(tokens), limit);
}

/** `findViewpoints` for a topic already segmented and framed. */
function viewpointsOf(
  sources: ViewpointSources,
  topic: string,
  tokens: readonly Token[],
  frame: TopicFrame,
  limit: number,
): ViewpointsResult {
  const { scored, bound } = scoreClaims(sources, topic, frame, limit, tokens);
  const { holders } = sources.claims;
  propagate(scored, sources.claims);
  const plus = scored.filter((s) => s.stance > 0);
  const minus = scored.filter((s) => s.stance < 0);
  const positions: Position[] = [];
  if (plus.length > 0) positions.push(positionOf(plus, 1, holders));
  if (minus.length > 0) positions.push(positionOf(minus, -1, holders));
  // Other relevant positions that take no side on the predicate, when the two sides leave room for them.
  const others = scored.filter(isOtherView);
  if (others.length > 0 && positions.length < 2) {
    const best = order(
      others.map((s) => copyOf(s, 0.001)),
      holders,
    ).slice(0, 4);
    positions.push(positionOf(best, 0, holders));
  }
  if (positions.length < 2) {
    // One side only: the words did not separate the parties, so each party's view is shown on its own rather
    // than lumped into one position that may pair opponents.
    const parties = byHolder(scored, holders);
    if (parties.length >= 2) return withBound({ topic, positions: parties }, bound);
  }
  return withBound({ topic, positions }, bound);
}

/** The other views viewpointsOf adds beside a lone side: relevant claims taking no side. */
function isOtherView(s: Scored): boolean {
  return s.stance === 0 && s.claim.strength >= 2 && s.relevance >= 0.45 && s.claim.mention !== true;
}

/**
 * The positions taking a side (+1 or -1) among those viewpointsOf gives for a topic, with their items and without
 * their labels, the other views or each party's view (what otherSideOf reads of them, computed without the rest):
 * none when viewpointsOf shows each party's view instead of a lone side.
 */
function sidesOf(
  sources: ViewpointSources,
  topic: string,
  tokens: readonly Token[],
  frame: TopicFrame,
  limit: number,
  known?: Subject,
): Position[] {
  const { scored } = scoreClaims(sources, topic, frame, limit, tokens, known);
  const { holders } = sources.claims;
  propagate(scored, sources.claims);
  const plus = scored.filter((s) => s.stance > 0);
  const minus = scored.filter((s) => s.stance < 0);
  const sides: Position[] = [];
  if (plus.length > 0) sides.push(itemsOf(plus, 1, holders));
  if (minus.length > 0) sides.push(itemsOf(minus, -1, holders));
  if (sides.length !== 1) return sides;
  // A lone side: viewpointsOf adds the other views when there are any, else shows each party's view instead when
  // there are at least two parties (byHolder's groups with a named speaker's or a comment's claim).
  if (scored.some(isOtherView)) return sides;
  const parties = new Set<number>();
  for (const s of scored)
    if (holdsAView(s) && byASpeakerOrReader(s)) parties.add(holders.holder[s.id] as number);
  return parties.size >= 2 ? [] : sides;
}

/** `positionOf` without its label. */
function itemsOf(items: Scored[], side: 1 | -1, holders: ClaimHolders): Position {
  const ordered = order(items, holders);
  const out: PositionItem[] = [];
  for (const s of ordered) out.push({ claim: s.claim, stance: s.stance, relevance: s.relevance });
  return { label: '', side, items: out };
}

/** A claim clear and relevant enough to show as its holder's view (see byHolder). */
function holdsAView(s: Scored): boolean {
  return s.relevance >= HOLDER_RELEVANCE && s.claim.strength >= 1 && s.claim.mention !== true;
}

/** A named speaker's or a reader comment's claim (byHolder's parties; narrower than isAParty, which counts columnists). */
function byASpeakerOrReader(s: Scored): boolean {
  return s.claim.attributed || s.claim.comment !== null;
}

/**
 * When the words give no two sides (the polarity lexicon knows no pair for this topic), the parties still do: in
 * news the opposing sides of a dispute are different speakers. The relevant claims are grouped by holder, and each
 * holder with a clear claim gets a position of its own (side 0: a view, not a stance the bot asserts), up to four.
 */
function byHolder(scored: Scored[], holders: ClaimHolders): Position[] {
  const { flags, holder } = holders;
  // By holder number (one per name).
  const groups = new Map<number, Scored[]>();
  for (const s of scored) {
    if (!holdsAView(s)) continue;
    const h = holder[s.id] as number;
    const list = groups.get(h) ?? [];
    list.push(copyOf(s, s.stance === 0 ? 0.001 : s.stance));
    groups.set(h, list);
  }
  const weight = (list: Scored[]) =>
    maxOf(list.map((s) => (0.5 + s.relevance) * ((flags[s.id] as number) & QUOTED ? 1.5 : 1)));
  const ranked = [...groups.values()]
    // Named speakers and comments first: an article's unattributed narration is not a party to the dispute.
    .filter((list) => list.some(byASpeakerOrReader))
    .sort((a, b) => weight(b) - weight(a));
  const out: Position[] = [];
  for (const list of ranked) {
    if (out.length >= 4) break;
    out.push(positionOf(list, 0, holders));
  }
  return out;
}

/** The strongest passages against a member's claim: the same aspects, the opposite stance; articles, then comments. */
export function findCounterpoints(
  sources: ViewpointSources,
  text: string,
  limit = MAX_READ,
): CounterpointResult {
  const tokens = tokensOf(sources, text);
  const frame = frameOf(tokens);
  const own = Math.sign(stanceOf(tokens, frame).stance) || 1;
  const { scored, bound, subject } = scoreClaims(sources, text, frame, limit, tokens);
  // With an ad-hoc predicate, a sentence that itself affirms the claim (a restatement of it) is never against it,
  // whatever its holder's other sentences or a rebuttal make of it.
  // (Flags by position: propagating changes stances only, not the list.)
  let restating: Uint8Array | null = null;
  if (frame.predicate !== undefined) {
    restating = new Uint8Array(scored.length);
    for (let k = 0; k < scored.length; k++)
      if (Math.sign((scored[k] as Scored).stance) === own) restating[k] = 1;
  }
  // Who holds the claim themselves: the holders (by number) of the sentences that restate it (read before
  // propagation).
  const { holders } = sources.claims;
  const allies = new Set<number>();
  if (restating !== null)
    for (let k = 0; k < scored.length; k++) {
      const s = scored[k] as Scored;
      if (restating[k] === 1 && s.relevance >= HOLDER_RELEVANCE && isAParty(s.id, holders.flags))
        allies.add(holders.holder[s.id] as number);
    }
  propagate(scored, sources.claims);
  const against = order(
    scored.filter((s, k) => Math.sign(s.stance) === -own && (restating === null || restating[k] === 0)),
    holders,
  );
  // Plain items now: the query's scored list is reused by the next query, the other side's included.
  // (A loop onto a literal, not map: see subjectOf.)
  const direct: PositionItem[] = [];
  for (const s of against) direct.push({ claim: s.claim, stance: s.stance, relevance: s.relevance });
  const otherSide =
    // Only when its own words find none: the other side costs a second query (a topic's positions).
    frame.predicate === undefined || direct.length > 0
      ? null
      : otherSideOf(sources, tokens, frame.predicate, allies, direct, Math.min(limit, SIDE_READ), subject);
  return withBound(
    {
      claim: text,
      counterpoints: otherSide === null ? direct : [...direct, ...otherSide.items],
      ...(otherSide === null
        ? {}
        : {
            otherSide: {
              topic: otherSide.topic,
              holders: [...allies].map((h) => holders.names[h] as string),
              from: direct.length,
            },
          }),
    },
    bound,
  );
}

/**
 * The other side of the dispute the claim belongs to. A member's claim rarely meets its own words denied ("would not
 * poison"); in news the other side says something else, held by other people. So what the claim is about (its
 * subject, "back-to-work legislation", else its verb's object, "the offer") is asked as a topic; the claim's side
 * there is the position holding the claim's own holders (those whose sentences restate it), else the side the
 * claim's own words take on that topic; the opposite position's claims, by other holders, are counterpoints. Null
 * when neither topic's positions are separated by stance or the claim's side there cannot be told.
 */
function otherSideOf(
  sources: ViewpointSources,
  tokens: readonly Token[],
  predicate: AdHocPredicate,
  allies: ReadonlySet<number>,
  direct: readonly PositionItem[],
  limit: number,
  subject: Subject,
): { topic: string; items: PositionItem[] } | null {
  for (const topic of [predicate.subjectText, predicate.objectText]) {
    if (topic === '') continue;
    // The side the claim's own words take on the topic; with no party holding the claim, the only way to tell its
    // side there, and then the topic's positions are not worth reading unless it takes one.
    const topicTokens = tokensOf(sources, topic);
    const topicFrame = frameOf(topicTokens);
    const own = Math.sign(stanceOf(tokens, topicFrame).stance);
    if (allies.size === 0 && own === 0) continue;
    // (The claim's subject is usually the topic's: its masks are not made again.)
    const positions = sidesOf(sources, topic, topicTokens, topicFrame, limit, subject);
    const { holders } = sources.claims;
    const side = sideOf(positions, allies, holders.holder) || own;
    if (side === 0) continue;
    const shown = new Set(direct.map((i) => i.claim.id));
    const items: PositionItem[] = [];
    for (const p of positions)
      if (p.side === -side)
        for (const i of p.items)
          if (
            heldByAParty(i.claim, holders.flags) &&
            !allies.has(holders.holder[i.claim.id] as number) &&
            !shown.has(i.claim.id)
          ) {
            shown.add(i.claim.id);
            items.push(i);
          }
    if (items.length > 0) return { topic, items };
  }
  return null;
}

/**
 * Whether a claim is a party's argument: a named speaker's, a columnist's or a reader's, that marks itself as a
 * position and says something (a report's own narration, or "Good morning." in a transcript, is not an argument).
 */
function heldByAParty(claim: Claim, flags: Uint8Array): boolean {
  return claim.strength > 0 && claim.terms.length >= MIN_ARGUMENT_TERMS && isAParty(claim.id, flags);
}

/**
 * Whether a claim's holder is a party to a dispute: a named speaker, a columnist, a reader (not a report's
 * narration), by its holder flags.
 */
function isAParty(id: number, flags: Uint8Array): boolean {
  const f = flags[id] as number;
  return (f & MENTION) === 0 && (f & (ATTRIBUTED | COMMENT | OPINION)) !== 0;
}

/** The side (+1/-1) of the position holding most of `holders`' claims (holder numbers, by claim id in `holderOf`), or 0. */
function sideOf(positions: readonly Position[], holders: ReadonlySet<number>, holderOf: Int32Array): number {
  let side = 0;
  let most = 0;
  for (const p of positions) {
    if (p.side === 0) continue;
    let count = 0;
    for (const i of p.items) if (holders.has(holderOf[i.claim.id] as number)) count++;
    if (count > most) {
      most = count;
      side = p.side;
    }
  }
  return side;
}

/** The result, with `bound` only when the bound was hit (so results below it are unchanged). */
function withBound<T extends object>(result: T, bound: ReadBound | undefined): T & { bound?: ReadBound } {
  return bound === undefined ? result : { ...result, bound };
}

/** Topic suggestions: the corpus's disputes, filtered by what is typed, at most `limit`. */
export function suggestTopics(claims: ClaimAnalysis, typed: string, limit = 25): string[] {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = claims.disputes
    .filter((d) => words.every((w) => d.topic.toLowerCase().includes(w)))
    .map((d) => d.topic);
  return matching.slice(0, limit);
}

/** The passage after passage `id` when it is in the same flow (the article body, or the same reader comment). */
function nextInFlow<
  P extends { readonly id: number; readonly documentId: string; readonly comment: number | null },
>(passages: readonly P[], id: number): P | null {
  const from = passages[id];
  const next = passages[id + 1];
  if (from === undefined || next === undefined) return null;
  return next.documentId === from.documentId && next.comment === from.comment ? next : null;
}
