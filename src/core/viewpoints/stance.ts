/**
 * Stance toward a predicate: a topic ("Will the troops leave?") is turned into its key predicates (polarity groups
 * from the lexicon) and its subject terms; a sentence affirms the predicate (+) or denies it (-) by the pole of the
 * lexicon words it uses, each flipped by every negation, difficulty or prevention word in scope before it
 * ("it is hard to get them to leave" -> -, "isn't that it might be hard to get them to leave" -> +) and by a
 * counterfactual ("should have been stronger" -> -).
 */
import type { Token } from '../corpus/types.js';
import { isContentToken, termOf } from '../search/index.js';
import { FLIP_SCOPE, GROUP_BY_ID, stem } from './lexicon.js';
import {
  CLAUSE_BREAK,
  DOUBT,
  FLIPS,
  NOT_WITH_OBJECT_LEMMA,
  TRAILING,
  looseInfo,
  type Entries,
  type WordInfo,
} from './words.js';

/** Words that start a time adverbial after a verb ("leave next year"), not an object. */
const TIME_WORDS = new Set([
  'next',
  'last',
  'this',
  'soon',
  'early',
  'later',
  'tomorrow',
  'today',
  'within',
  'by',
  'in',
]);

export interface TopicFrame {
  /** Polarity groups the topic asks about, with their weight (1 for the predicate, less for related groups). */
  readonly groups: ReadonlyMap<string, number>;
  /** +1 when the topic asks about the plus pole, -1 when about the minus pole ("Is the response weak?"). */
  readonly orientation: 1 | -1;
  /** Content terms of the topic that are not lexicon words: what the topic is about. */
  readonly subject: readonly string[];
  /** Every content term of the topic. */
  readonly terms: readonly string[];
  /** Subject terms a denial of which counts as a stance ("Russia is NOT the USSR"). */
  readonly nouns: readonly string[];
  /** `stem` of each of `nouns` (computed from them when absent). */
  readonly nounStems?: ReadonlySet<string>;
}

const lexiconEntries = (t: Token): Entries => looseInfo(t).entries;

export interface SentenceReading {
  /** What the lexicon says of each token. */
  readonly infos: readonly WordInfo[];
  /** Token positions with lexicon entries. */
  readonly polar: readonly { readonly at: number; readonly entries: Entries }[];
  /** Token positions of "not"/"n't" directly after a form of "be" ("is NOT the Y"). */
  readonly denials: readonly number[];
}

// Pure memo of what a sentence's tokens say to the lexicon, so a query reads each sentence once.
const readings = new WeakMap<readonly Token[], SentenceReading>();

/**
 * What the lexicon sees in a sentence, remembered per tokens array (a corpus sentence's reading is made once at
 * analysis, by `sentenceReading`, and kept on its claim). `infos`, when given, are the tokens' word infos already
 * looked up.
 */
export function readSentence(tokens: readonly Token[], infos?: readonly WordInfo[]): SentenceReading {
  const known = readings.get(tokens);
  if (known) return known;
  const reading = sentenceReading(infos ?? tokens.map(looseInfo));
  readings.set(tokens, reading);
  return reading;
}

/**
 * What the lexicon sees in a sentence, from its tokens' word infos, not remembered: the analysis reads each sentence
 * once and keeps the reading on its claim (a WeakMap entry per claim would only cost time and garbage-collector
 * work).
 */
export function sentenceReading(words: readonly WordInfo[]): SentenceReading {
  const polar: { at: number; entries: Entries }[] = [];
  const denials: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as WordInfo;
    if (w.entries.length > 0) polar.push({ at: i, entries: w.entries });
    if (
      (w.normal === 'not' || w.normal === "n't" || w.normal === 'n’t') &&
      i > 0 &&
      (words[i - 1] as WordInfo).lemma.toLowerCase() === 'be'
    )
      denials.push(i);
  }
  return { infos: words, polar, denials };
}

/** A topic or a member's claim read as a frame: its predicates, orientation and subject. */
export function frameOf(tokens: readonly Token[]): TopicFrame {
  const verbal = new Map<string, number>();
  const nominal = new Map<string, number>();
  let orientation: 1 | -1 = 1;
  const subject: string[] = [];
  const nouns: string[] = [];
  const terms: string[] = [];
  const infos = tokens.map(looseInfo);
  tokens.forEach((t, i) => {
    const entries = lexiconEntries(t);
    if (isContentToken(t)) terms.push(termOf(t));
    if (entries.length === 0) {
      if (isContentToken(t) && /^[\p{L}\p{N}]/u.test(t.text) && /^(NOUN|PROPN|ADJ|VERB|NUM)$/.test(t.pos)) {
        subject.push(termOf(t));
        if (t.pos === 'NOUN' || t.pos === 'PROPN') nouns.push(termOf(t));
      }
      return;
    }
    const target = t.pos === 'NOUN' || t.pos === 'PROPN' ? nominal : verbal;
    for (const e of entries) {
      target.set(e.group, 1);
      if (target === verbal || verbal.size === 0)
        orientation = (e.pole * flipsBefore(tokens, infos, i, NONE)) as 1 | -1;
    }
  });
  const primary = verbal.size > 0 ? verbal : nominal;
  const groups = new Map<string, number>();
  for (const g of primary.keys()) {
    groups.set(g, 1);
    for (const r of GROUP_BY_ID.get(g)?.related ?? []) if (!groups.has(r)) groups.set(r, 0.7);
  }
  const uniqueNouns = [...new Set(nouns)];
  return {
    groups,
    orientation,
    subject: [...new Set(subject)],
    terms: [...new Set(terms)],
    nouns: uniqueNouns,
    nounStems: new Set(uniqueNouns.map(stem)),
  };
}

const NONE: readonly number[] = [];

/**
 * (-1)^(number of flippers in scope before token i): negation, difficulty, prevention words of the same clause.
 * Tokens at the positions in `exclude` (the predicate's own words) do not flip it.
 */
function flipsBefore(
  tokens: readonly Token[],
  infos: readonly WordInfo[],
  i: number,
  exclude: readonly number[],
): 1 | -1 {
  let sign: 1 | -1 = 1;
  for (let j = i - 1; j >= 0 && j >= i - FLIP_SCOPE; j--) {
    const w = infos[j] as WordInfo;
    if (w.flags & CLAUSE_BREAK) break;
    if (exclude.length > 0 && exclude.includes(j)) continue;
    if (w.flags & FLIPS || (w.flags & DOUBT && doubtVerbAt(infos, j))) sign = -sign as 1 | -1;
    // "should have been stronger", "could have issued a stronger statement": what did not happen.
    if (
      w.normal === 'have' &&
      j > 0 &&
      /^(should|could|would|might)$/.test((infos[j - 1] as WordInfo).normal)
    )
      sign = -sign as 1 | -1;
  }
  for (let j = i + 1; j < tokens.length && j <= i + 3; j++) {
    const w = infos[j] as WordInfo;
    if (w.flags & CLAUSE_BREAK) break;
    if (w.flags & TRAILING) {
      // "withdrawal is unlikely" (a copula between), not "leave no doubt".
      if ((tokens[i + 1] as Token).pos === 'AUX') sign = -sign as 1 | -1;
      break;
    }
  }
  return sign;
}

/** Word classes before which a doubt word is a noun ("the question", "a legal challenge", "in dispute"). */
const BEFORE_A_NOUN = new Set(['DET', 'ADJ', 'ADP', 'NUM']);
const POSSESSIVE = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their']);

/**
 * Whether the doubt word at j is used as a verb ("critics question the right", "no one will dispute that"): tagged
 * a verb, or tagged a noun but not after a determiner, possessive, adjective or preposition, nor at the start.
 */
function doubtVerbAt(infos: readonly WordInfo[], j: number): boolean {
  const w = infos[j] as WordInfo;
  if (w.pos === 'VERB') return true;
  if (j === 0) return false;
  const before = infos[j - 1] as WordInfo;
  return !BEFORE_A_NOUN.has(before.pos) && !POSSESSIVE.has(before.normal);
}

export interface StanceReading {
  /** Signed stance toward the frame's predicate (0 when the sentence does not speak to it). */
  readonly stance: number;
  /** Index of the token that carried the most weight, for labels. */
  readonly focus: number;
}

/** The stance of a sentence toward a frame. */
export function stanceOf(
  tokens: readonly Token[],
  frame: TopicFrame,
  reading: SentenceReading = readSentence(tokens),
): StanceReading {
  const infos = reading.infos;
  let stance = 0;
  let focus = -1;
  let best = 0;
  // Lexicon words of the same group are predicates, not flippers ("deter" is a minus pole of "likely"), but a
  // predicate does flip a related group's word ("deter their ability").
  let activeAt: number[] | null = null;
  let activeGroups: string[][] | null = null;
  for (const { at, entries } of reading.polar) {
    let groups: string[] | null = null;
    for (const e of entries)
      if (frame.groups.has(e.group)) {
        if (groups === null) groups = [e.group];
        else if (!groups.includes(e.group)) groups.push(e.group);
      }
    if (groups === null) continue;
    if (takesObjectHere(infos, at)) continue;
    (activeAt ??= []).push(at);
    (activeGroups ??= []).push(groups);
  }
  if (activeAt !== null && activeGroups !== null) {
    for (let k = 0; k < activeAt.length; k++) {
      const at = activeAt[k] as number;
      const groups = activeGroups[k] as string[];
      let same: number[] | null = null;
      for (let m = 0; m < activeAt.length; m++) {
        const other = activeGroups[m] as string[];
        if (m === k || other.some((g) => groups.includes(g))) (same ??= []).push(activeAt[m] as number);
      }
      let flips: 1 | -1 | 0 = 0;
      for (const e of (infos[at] as WordInfo).entries) {
        const weight = frame.groups.get(e.group);
        if (weight === undefined) continue;
        if (flips === 0) flips = flipsBefore(tokens, infos, at, same ?? NONE);
        const v = e.pole * weight * flips;
        stance += v;
        if (Math.abs(v) > best) {
          best = Math.abs(v);
          focus = at;
        }
      }
    }
  }
  // A denied identity: "X is NOT the Y" where Y is what the topic is about.
  if (frame.nouns.length > 0 && reading.denials.length > 0) {
    const nouns = frame.nounStems ?? new Set(frame.nouns.map(stem));
    for (const j of reading.denials) {
      for (let i = j + 1; i <= j + 3 && i < tokens.length; i++) {
        if (!nouns.has((infos[i] as WordInfo).stem)) continue;
        stance -= 0.8;
        if (best < 0.8) {
          best = 0.8;
          focus = i;
        }
        break;
      }
    }
  }
  return { stance: stance * frame.orientation, focus };
}

/**
 * A lexicon verb used with a direct object, where it means something else ("leaves little doubt", "left dozens
 * dead"): one of the NOT_WITH_OBJECT lemmas followed by a determiner, adjective, noun or number that is not a
 * time word.
 */
function takesObjectHere(infos: readonly WordInfo[], at: number): boolean {
  if (!((infos[at] as WordInfo).flags & NOT_WITH_OBJECT_LEMMA)) return false;
  const next = infos[at + 1];
  return (
    next !== undefined &&
    (next.pos === 'DET' || next.pos === 'ADJ' || next.pos === 'NOUN' || next.pos === 'NUM') &&
    !TIME_WORDS.has(next.normal)
  );
}

/**
 * `stanceOf(tokens, frame).stance` for a frame of the one group `group` (weight 1, orientation 1, no nouns), as
 * the disputes read every claim against every group it speaks to: no frame, no per-call maps.
 */
export function groupStance(tokens: readonly Token[], reading: SentenceReading, group: string): number {
  const infos = reading.infos;
  let active: number[] | null = null;
  for (const { at, entries } of reading.polar) {
    if (!entries.some((e) => e.group === group)) continue;
    if (takesObjectHere(infos, at)) continue;
    (active ??= []).push(at);
  }
  if (active === null) return 0;
  let stance = 0;
  for (const at of active) {
    let flips: 1 | -1 | 0 = 0;
    for (const e of (infos[at] as WordInfo).entries) {
      if (e.group !== group) continue;
      if (flips === 0) flips = flipsBefore(tokens, infos, at, active);
      stance += e.pole * flips;
    }
  }
  return stance;
}
