/**
 * Stance toward a predicate: a topic ("Will the troops leave?") is turned into its key predicates (polarity groups
 * from the lexicon) and its subject terms; a sentence affirms the predicate (+) or denies it (-) by the pole of the
 * lexicon words it uses, each flipped by every negation, difficulty or prevention word in scope before it
 * ("it is hard to get them to leave" -> -, "isn't that it might be hard to get them to leave" -> +) and by a
 * counterfactual ("should have been stronger" -> -).
 */
import type { Token } from '../corpus/types.js';
import { isContentToken, termOf } from '../search/index.js';
import {
  CONTRARIES,
  EVALUATIVE_GROUPS,
  FLIP_SCOPE,
  GROUP_BY_ID,
  LIGHT_VERBS,
  QUANTITY_WORDS,
  SAME_STEM,
  WITHIN_TIME,
  stem,
} from './lexicon.js';
import {
  ATTRIBUTION,
  CLAUSE_BREAK,
  CONTENT,
  CONTRAST,
  DOUBT,
  FLIPS,
  MODAL,
  NO_ENTRIES,
  NOT_WITH_OBJECT_LEMMA,
  PARTICLE,
  ARTICLE_NOUN,
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
  /**
   * When no polarity group applies: the topic's own predicate (its content words from the main verb on, "pay for
   * itself", "create thousands of jobs"), read as an ad-hoc group whose only pole is itself. Absent otherwise.
   */
  readonly predicate?: AdHocPredicate;
}

export interface AdHocPredicate {
  /** Distinct `stem`s of the predicate's content words. */
  readonly stems: ReadonlySet<string>;
  /** `stem` of its head (the main verb, or the first word after a copula): a sentence without it is not about it. */
  readonly head: string;
  /**
   * The predicate turns back on its subject ("pay for itself"): a sentence must too, near its head ("paying for
   * this" is another predicate).
   */
  readonly reflexive: boolean;
  /**
   * The words before the main verb as written ("back-to-work legislation" in "Back-to-work legislation would poison
   * labour relations"), without a leading determiner: what the claim is about, asked as a topic of its own when
   * finding who takes the other side. Empty when the clause has none.
   */
  readonly subjectText: string;
  /**
   * The noun phrase a verb takes, as written ("the offer" in "Shareholders should accept the offer"), without its
   * determiner: the other thing the claim may be about. Empty after a copula or when there is none.
   */
  readonly objectText: string;
  /**
   * When the head is an evaluative word with contraries (CONTRARIES): the stems of its side and of the other, and the
   * subject's stems, one of which a sentence must name for a contrary or a synonym to count ("the agency acted within
   * 48 hours" denies "the agency was too slow").
   */
  readonly contraries?: {
    readonly same: ReadonlySet<string>;
    readonly other: ReadonlySet<string>;
    readonly subject: ReadonlySet<string>;
    /**
     * The evaluative word is not the head but judges it ("acted too slowly"): a sentence with the head and a contrary
     * ("acted within 48 hours") denies the predicate, and one with the head needs no subject word ("it acted quickly").
     */
    readonly judgesHead?: true;
  };
}

const REFLEXIVE = /^(?:it|them|him|her|my|your|our|one)sel(?:f|ves)$/;

const lexiconEntries = (t: Token): Entries => looseInfo(t).entries;

export interface SentenceReading {
  /** What the lexicon says of each token. */
  readonly infos: readonly WordInfo[];
  /** Token positions with lexicon entries. */
  readonly polar: readonly { readonly at: number; readonly entries: Entries }[];
  /** Token positions of "not"/"n't" directly after a form of "be" ("is NOT the Y"). */
  readonly denials: readonly number[];
  /**
   * What the sentence's mood does to its stance: 1 for a statement (or a yes/no question), -1 for a rhetorical
   * "why" question, which denies what it asks about ("Why would anyone back the plan?"; "Why not back it?" affirms,
   * its "not" flipping too), 0 for any other wh-question, which asks and asserts nothing ("Who backs the plan?").
   */
  readonly mood: 1 | 0 | -1;
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
  const reading = sentenceReading(infos ?? looseInfos(tokens));
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
    if (w.entries.length > 0 && !otherSenseAt(words, i)) polar.push({ at: i, entries: w.entries });
    if (
      (w.normal === 'not' || w.normal === "n't" || w.normal === 'n’t') &&
      i > 0 &&
      (words[i - 1] as WordInfo).lemma.toLowerCase() === 'be'
    )
      denials.push(i);
  }
  return { infos: words, polar, denials, mood: moodOf(words) };
}

/**
 * The tokens' loose word infos, in an array made at its length as the analysis makes a sentence's (`map`'s result is
 * packed or holey depending on whether the calling code is optimised, so the functions reading infos met a kind of
 * array they had not seen once the query path was optimised, and deoptimised).
 */
function looseInfos(tokens: readonly Token[]): WordInfo[] {
  const infos = new Array<WordInfo>(tokens.length);
  for (let i = 0; i < tokens.length; i++) infos[i] = looseInfo(tokens[i] as Token);
  return infos;
}

/** Question words that open a wh-question. */
const WH_WORDS = new Set(['why', 'what', 'who', 'whom', 'whose', 'which', 'how', 'where', 'when']);

/** `SentenceReading.mood`: read from the sentence's last word and its first (after quotes, a mention, "And", "So"). */
function moodOf(words: readonly WordInfo[]): 1 | 0 | -1 {
  let end = words.length - 1;
  while (end > 0 && (words[end] as WordInfo).type !== 'word' && (words[end] as WordInfo).normal !== '?')
    end--;
  if (end <= 0 || (words[end] as WordInfo).normal !== '?') return 1;
  let i = 0;
  for (let skipped = 0; i < end && skipped < 4; i++, skipped++) {
    const w = words[i] as WordInfo;
    if (
      WH_WORDS.has(w.normal) ||
      (w.type === 'word' && w.pos !== 'CCONJ' && w.pos !== 'ADV' && w.pos !== 'INTJ')
    )
      break;
  }
  const w = words[i] as WordInfo;
  if (!WH_WORDS.has(w.normal)) return 1;
  const next = words[i + 1];
  if (w.normal === 'why' && next !== undefined && (next.flags & MODAL || next.normal === 'not')) return -1;
  return 0;
}

/** A topic or a member's claim read as a frame: its predicates, orientation and subject. */
export function frameOf(asked: readonly Token[]): TopicFrame {
  const tokens = declarativeOrder(asked);
  const verbal = new Map<string, number>();
  const nominal = new Map<string, number>();
  let orientation: 1 | -1 = 1;
  const subject: string[] = [];
  const nouns: string[] = [];
  const terms: string[] = [];
  const infos = looseInfos(tokens);
  // The last token of a lexicon noun (the others are verbs or adjectives, which make the predicate).
  let lastNominal = -1;
  tokens.forEach((t, i) => {
    const entries = otherSenseAt(infos, i) ? NO_ENTRIES : lexiconEntries(t);
    if (isContentToken(t)) terms.push(termOf(t));
    if (entries.length === 0) {
      if (isContentToken(t) && /^[\p{L}\p{N}]/u.test(t.text) && /^(NOUN|PROPN|ADJ|VERB|NUM)$/.test(t.pos)) {
        subject.push(termOf(t));
        if (t.pos === 'NOUN' || t.pos === 'PROPN') nouns.push(termOf(t));
      }
      return;
    }
    const target = t.pos === 'NOUN' || t.pos === 'PROPN' ? nominal : verbal;
    if (target === nominal) lastNominal = i;
    for (const e of entries) {
      target.set(e.group, 1);
      if (target === verbal || verbal.size === 0)
        orientation = (e.pole * (flipsBefore(tokens, infos, i, NONE) || 1)) as 1 | -1;
    }
  });
  // Only nouns of the lexicon, all in the subject of a clause that has a predicate of its own ("The failure was a
  // design flaw"): the clause asks about its predicate, and the noun is what it is about.
  const verb = verbal.size === 0 && nominal.size > 0 ? mainVerbAt(infos) : -1;
  if (lastNominal < verb && predicateAfter(infos, verb))
    return adHocFrame(tokens, infos, {
      groups: new Map(),
      orientation: 1,
      subject: [...new Set(terms)],
      terms: [...new Set(terms)],
      nouns: [],
      nounStems: new Set(),
    });
  const primary = verbal.size > 0 ? verbal : nominal;
  const groups = new Map<string, number>();
  for (const g of primary.keys()) {
    groups.set(g, 1);
    for (const r of GROUP_BY_ID.get(g)?.related ?? []) if (!groups.has(r)) groups.set(r, 0.7);
  }
  const uniqueNouns = [...new Set(nouns)];
  const frame = {
    groups,
    orientation,
    subject: [...new Set(subject)],
    terms: [...new Set(terms)],
    nouns: uniqueNouns,
    nounStems: new Set(uniqueNouns.map(stem)),
  };
  return groups.size > 0 ? frame : adHocFrame(tokens, infos, frame);
}

/** The clause's main verb (or copula), after a saying verb the reported clause's; -1 when it has none. */
function mainVerbAt(infos: readonly WordInfo[]): number {
  let verb = -1;
  for (let i = 0; i < infos.length; i++) {
    const w = infos[i] as WordInfo;
    const copula =
      w.pos === 'AUX' &&
      w.lemma.toLowerCase() === 'be' &&
      infos[i + 1]?.pos !== 'VERB' &&
      !(i === 0 && participleAfter(infos, i));
    if ((w.pos === 'VERB' || copula) && !(w.flags & (MODAL | FLIPS)) && !modifiesNounAt(infos, i)) {
      verb = i;
      // "The mayor says the arena will pay …": the reported clause is the predicate.
      if (!(w.flags & ATTRIBUTION) || !infos.slice(i + 1).some((u) => u.pos === 'VERB')) break;
    }
  }
  return verb;
}

/**
 * Whether the verb at i is a participle in a noun phrase, between a determiner (or possessive, or adjective) and
 * its noun: "The pumping station would have saved …", "the ruling party", "a growing number" name a thing; the
 * clause's verb comes later.
 */
function modifiesNounAt(infos: readonly WordInfo[], i: number): boolean {
  const w = infos[i] as WordInfo;
  if (w.pos !== 'VERB' || i === 0 || !/(?:ing|ed)$/.test(w.normal)) return false;
  const before = infos[i - 1] as WordInfo;
  const after = infos[i + 1];
  return (
    (before.pos === 'DET' || before.pos === 'ADJ' || POSSESSIVE.has(before.normal)) &&
    after !== undefined &&
    (after.pos === 'NOUN' || after.pos === 'PROPN')
  );
}

/**
 * A yes/no question on a form of "be" in a statement's order: "Was the launch failure a design flaw?" is framed as
 * "the launch failure Was a design flaw?", so its subject ("the launch failure") is what it is about and its
 * predicate what it asks, as in the statement. The subject is the noun phrase after the verb (possessives and
 * prepositional phrases included); it ends where a second noun phrase, a verb or an adjective after its noun
 * starts. Any other token list is returned as it is.
 */
function declarativeOrder(tokens: readonly Token[]): readonly Token[] {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined || last.text !== '?') return tokens;
  if (first.pos !== 'AUX' || first.lemma.toLowerCase() !== 'be') return tokens;
  let nounSeen = false;
  let end = -1;
  for (let i = 1; i < tokens.length - 1; i++) {
    const t = tokens[i] as Token;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') nounSeen = true;
    else if (t.pos === 'VERB' || t.pos === 'AUX') {
      end = nounSeen ? i : -1;
      break;
    } else if (nounSeen && (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'ADV' || t.pos === 'NUM')) {
      end = i;
      break;
    }
  }
  if (end < 2) return tokens;
  const reordered: Token[] = [];
  for (let i = 1; i < end; i++) reordered.push(tokens[i] as Token);
  reordered.push(first);
  for (let i = end; i < tokens.length; i++) reordered.push(tokens[i] as Token);
  return reordered;
}

/**
 * The stem of the last noun of the noun phrase a copula at `verb` takes ("is a design flaw" -> flaw), or '' when
 * the verb is no form of "be" or what follows is no noun phrase ("is necessary for the port": an adjective's).
 */
function copulaNounHead(infos: readonly WordInfo[], verb: number): string {
  const v = infos[verb];
  if (v === undefined || v.pos !== 'AUX' || v.lemma.toLowerCase() !== 'be') return '';
  let head = '';
  for (let i = verb + 1; i < infos.length; i++) {
    const w = infos[i] as WordInfo;
    if (w.pos === 'NOUN' || w.pos === 'PROPN') head = sameStem(w.stem);
    else if (head !== '' || !/^(DET|ADJ|NUM|PART)$/.test(w.pos)) break;
  }
  return head;
}

/** Whether content words follow the main verb (a predicate of the clause's own). */
function predicateAfter(infos: readonly WordInfo[], verb: number): boolean {
  if (verb < 0) return false;
  for (let i = verb + 1; i < infos.length; i++) {
    const w = infos[i] as WordInfo;
    if (w.flags & CONTENT && /^(NOUN|PROPN|ADJ|VERB)$/.test(w.pos)) return true;
  }
  return false;
}

/**
 * A frame for a topic no polarity group applies to. A clause ("The arena will pay for itself") is asked about its
 * own predicate: the content words from its main verb on (after a saying verb, "X says the arena will …"), its
 * subject the content words before. A bare noun phrase ("subsidy", "economic impact") is asked how it is judged:
 * the evaluative groups.
 */
function adHocFrame(tokens: readonly Token[], infos: readonly WordInfo[], frame: TopicFrame): TopicFrame {
  const verb = mainVerbAt(infos);
  // How many is not what is claimed ("create thousands of jobs" is about creating jobs).
  const stems = new Set<string>();
  let head = '';
  // After a light verb the noun it takes is the head ("contains no job guarantees": the guarantees), the last of the
  // first run of nouns.
  const light = verb >= 0 && LIGHT_VERBS.has((infos[verb] as WordInfo).lemma.toLowerCase());
  let headNoun = '';
  let nounRunOver = false;
  let reflexive = false;
  const subject: string[] = [];
  // The subject of a reported clause starts after its saying verb.
  let start = 0;
  for (let i = 0; i < verb; i++) if ((infos[i] as WordInfo).flags & ATTRIBUTION) start = i + 1;
  for (let i = start; i < infos.length; i++) {
    const w = infos[i] as WordInfo;
    if (i > verb && verb >= 0 && REFLEXIVE.test(w.normal)) reflexive = true;
    if (
      !(w.flags & CONTENT) ||
      w.flags & (MODAL | FLIPS) ||
      !/^[\p{L}\p{N}]/u.test((tokens[i] as Token).text)
    )
      continue;
    if (i < verb) {
      if (/^(NOUN|PROPN|ADJ|NUM)$/.test(w.pos) || modifiesNounAt(infos, i)) subject.push(w.term);
    } else if (
      verb >= 0 &&
      /^(NOUN|PROPN|ADJ|VERB|ADV)$/.test(w.pos) &&
      !QUANTITY_WORDS.has(w.lemma.toLowerCase())
    ) {
      const st = sameStem(w.stem);
      if (stems.size === 0) head = st;
      if (light && i > verb && !nounRunOver) {
        if (w.pos === 'NOUN') headNoun = st;
        else if (headNoun !== '') nounRunOver = true;
      }
      stems.add(st);
    }
  }
  if (headNoun !== '') head = headNoun;
  else {
    // A copula's noun phrase is headed by its last noun ("was a design flaw": the flaw), not by a modifier.
    const nounHead = copulaNounHead(infos, verb);
    if (nounHead !== '') head = nounHead;
  }
  if (stems.size === 0) {
    // No predicate of its own: how the thing is judged (supported, good, beneficial, a success).
    const groups = new Map<string, number>();
    EVALUATIVE_GROUPS.forEach((g, k) => groups.set(g, k < 2 ? 1 : 0.7));
    return { ...frame, groups };
  }
  // The head's contraries, else those of an evaluative word after it ("acted too slowly", "responded quickly").
  let judged = head;
  if (!CONTRARIES.has(head))
    for (const st of stems)
      if (CONTRARIES.has(st)) {
        judged = st;
        break;
      }
  const contrary = CONTRARIES.get(judged);
  const subjectTerms = subject.length > 0 ? [...new Set(subject)] : frame.subject;
  return {
    ...frame,
    orientation: ((flipsBefore(tokens, infos, predicateAt(infos, stems), NONE) || 1) *
      flipsWithin(infos, predicateWords(infos, stems))) as 1 | -1,
    subject: subjectTerms,
    predicate: {
      stems,
      head,
      reflexive,
      subjectText: subjectTextOf(tokens, infos, start, verb),
      objectText: objectTextOf(tokens, infos, verb),
      ...(contrary === undefined
        ? {}
        : {
            contraries: {
              same: contrary.same,
              other: contrary.other,
              subject: new Set(subjectTerms.map(stem)),
              ...(judged === head ? {} : { judgesHead: true as const }),
            },
          }),
    },
  };
}

/** A subject or object of more content words than this is a description, not a topic. */
const TOPIC_WORDS = 4;

/** The tokens from `start` up to the verb group before `verb` as written, less leading determiners and quotation marks. */
function subjectTextOf(
  tokens: readonly Token[],
  infos: readonly WordInfo[],
  start: number,
  verb: number,
): string {
  let from = start;
  while (from < verb && !((infos[from] as WordInfo).flags & CONTENT)) from++;
  // A name alone ("Helix", "Ms Vasko") is a party to a dispute, not what it is over; a long one ("Fiona Ashby, a
  // former director at …") describes a person, and is no topic either.
  let named = true;
  let content = 0;
  for (let i = from; i < verb; i++) {
    const w = infos[i] as WordInfo;
    if (w.pos === 'AUX' || (w.pos === 'VERB' && !modifiesNounAt(infos, i)) || w.flags & MODAL) break;
    if (!(w.flags & CONTENT)) continue;
    content++;
    if (w.pos !== 'PROPN') named = false;
  }
  if (named || content > TOPIC_WORDS) return '';
  let text = '';
  for (let i = from; i < verb; i++) {
    const w = infos[i] as WordInfo;
    // The subject ends where its verb group starts ("would", "should be", "is").
    if (w.pos === 'AUX' || (w.pos === 'VERB' && !modifiesNounAt(infos, i)) || w.flags & MODAL) break;
    const t = tokens[i] as Token;
    text += (i > from && t.start > (tokens[i - 1] as Token).end ? ' ' : '') + t.text;
  }
  return text.trim();
}

/** The verb at `verb`'s object: the first run of adjectives and nouns after it, as written; empty after a copula. */
function objectTextOf(tokens: readonly Token[], infos: readonly WordInfo[], verb: number): string {
  if (verb < 0 || (infos[verb] as WordInfo).pos !== 'VERB') return '';
  let from = verb + 1;
  while (from < infos.length && /^(DET|PRON|ADV)$/.test((infos[from] as WordInfo).pos)) from++;
  let to = from;
  while (to < infos.length && /^(ADJ|NOUN|PROPN)$/.test((infos[to] as WordInfo).pos)) to++;
  // A noun must end it ("accept the offer", not "seem likely").
  while (to > from && !/^(NOUN|PROPN)$/.test((infos[to - 1] as WordInfo).pos)) to--;
  return subjectTextOf(tokens, infos, from, to);
}

/**
 * Whether a verb follows the "be" at i in its clause: a question's inverted auxiliary ("Was the recall handled well?",
 * "Is the council still hiring?") is not the copula, the participle after its subject is the predicate.
 */
function participleAfter(infos: readonly WordInfo[], i: number): boolean {
  for (let j = i + 1; j < infos.length; j++) {
    const w = infos[j] as WordInfo;
    if (w.flags & CLAUSE_BREAK) return false;
    if (w.pos === 'VERB') return !(w.flags & (MODAL | FLIPS));
  }
  return false;
}

/** A stem as its set of SAME_MEANING reads it (itself for most). */
const sameStem = (st: string): string => SAME_STEM.get(st) ?? st;

const WITHIN_STEM = stem(WITHIN_TIME);
const TIME_UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month']);

/**
 * "acted within 48 hours", "within two days": "within" at i, then a number, then a unit of time, met rather than
 * set (no modal before it in its clause: "should report within three months" promises, it does not judge).
 */
export function timeLimitAt(infos: readonly WordInfo[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - FLIP_SCOPE; j--) {
    const w = infos[j] as WordInfo;
    if (w.flags & CLAUSE_BREAK) break;
    if (w.flags & MODAL) return false;
  }
  return (
    infos[i + 1]?.pos === 'NUM' &&
    (TIME_UNITS.has(infos[i + 2]?.lemma.toLowerCase() ?? '') ||
      TIME_UNITS.has(infos[i + 2]?.normal.replace(/s$/, '') ?? ''))
  );
}

/** Whether a sentence uses a word with contraries (CONTRARIES) or a time limit met: it judges something. */
export function judgesByContrary(infos: readonly WordInfo[]): boolean {
  for (let i = 0; i < infos.length; i++) {
    const w = infos[i] as WordInfo;
    if (CONTRARIES.has(w.stem) || (w.normal === 'within' && timeLimitAt(infos, i))) return true;
  }
  return false;
}

/** The token positions of the predicate's words in a sentence. */
function predicateWords(infos: readonly WordInfo[], stems: ReadonlySet<string>): number[] {
  const at: number[] = [];
  for (let i = 0; i < infos.length; i++) if (stems.has(sameStem((infos[i] as WordInfo).stem))) at.push(i);
  return at;
}

const OBJECT_NEGATION = new Set(['DET', 'PRON', 'ADP']);

/**
 * (-1)^(negations between the predicate's words, in the clause of the first): "contains no job guarantees", "creates
 * no jobs" deny what "contains job guarantees" asserts, the negation falling on the object rather than the verb.
 */
function flipsWithin(infos: readonly WordInfo[], at: readonly number[]): 1 | -1 {
  let sign: 1 | -1 = 1;
  if (at.length < 2) return sign;
  const last = at[at.length - 1] as number;
  for (let j = (at[0] as number) + 1; j < last; j++) {
    const w = infos[j] as WordInfo;
    if (w.flags & CLAUSE_BREAK) break;
    // A negative determiner or pronoun ("no", "nothing", "without"): a "not" after the head is a trailing flipper,
    // which flipsBefore reads ("the league is not the federation").
    if (w.flags & FLIPS && OBJECT_NEGATION.has(w.pos) && !at.includes(j)) sign = -sign as 1 | -1;
  }
  return sign;
}

/** The first token of the predicate's words in a sentence, -1 when none. */
function predicateAt(infos: readonly WordInfo[], stems: ReadonlySet<string>): number {
  for (let i = 0; i < infos.length; i++) if (stems.has(sameStem((infos[i] as WordInfo).stem))) return i;
  return -1;
}

/**
 * A sentence's stance toward an ad-hoc predicate: its share of the predicate's words (its head and at least half
 * of them), signed by the flippers before the first of them, as a lexicon word's pole is ("the arena will not pay for
 * itself" -> -, "they rarely create jobs" -> -).
 */
function predicateStance(
  tokens: readonly Token[],
  infos: readonly WordInfo[],
  predicate: AdHocPredicate,
): StanceReading {
  let at: number[] | null = null;
  let seen: string[] | null = null;
  const contraries = predicate.contraries;
  // The first word of the head's side or of its contraries (+1 or -1), and whether the subject is named.
  let alt = -1;
  let altSign = 0;
  let named = false;
  for (let i = 0; i < infos.length; i++) {
    const w = infos[i] as WordInfo;
    const st = sameStem(w.stem);
    if (contraries !== undefined) {
      const key = w.normal === 'within' && timeLimitAt(infos, i) ? WITHIN_STEM : st;
      if (contraries.subject.has(st)) named = true;
      else if (alt < 0 && st !== predicate.head && contraries.other.has(key)) {
        alt = i;
        altSign = -1;
      } else if (alt < 0 && st !== predicate.head && contraries.same.has(key)) {
        alt = i;
        altSign = 1;
      }
    }
    if (st === '' || !predicate.stems.has(st)) continue;
    (at ??= []).push(i);
    if (!(seen ??= []).includes(st)) seen.push(st);
  }
  // "acted within 48 hours" against "acted too slowly": the head with a contrary of its judging word.
  const judgedOtherwise =
    contraries?.judgesHead === true && altSign < 0 && seen !== null && seen.includes(predicate.head);
  if (
    at === null ||
    seen === null ||
    judgedOtherwise ||
    seen.length * 2 < predicate.stems.size ||
    !seen.includes(predicate.head)
  ) {
    // No head, but a word of its side or a contrary, about the same subject: it restates or denies the predicate.
    if (alt < 0 || !(named || judgedOtherwise || contraries?.subject.size === 0))
      return { stance: 0, focus: -1 };
    // The word of a side stands for the judging word it restates or contradicts.
    const hits = (seen?.length ?? 0) + 1;
    if (hits * 2 < predicate.stems.size) return { stance: 0, focus: -1 };
    return {
      stance:
        altSign * flipsBefore(tokens, infos, alt, at ?? NONE) * Math.min(1, hits / predicate.stems.size),
      focus: alt,
    };
  }
  const first = at[0] as number;
  if (predicate.reflexive) {
    let turns = false;
    for (let i = first + 1; i < infos.length && i <= first + 4 && !turns; i++)
      turns = REFLEXIVE.test((infos[i] as WordInfo).normal);
    if (!turns) return { stance: 0, focus: -1 };
  }
  return {
    stance:
      flipsBefore(tokens, infos, first, at) * flipsWithin(infos, at) * (seen.length / predicate.stems.size),
    focus: first,
  };
}

/**
 * An elliptical answer ("It will not.", "No, they won't.", "It does."): a pronoun and auxiliaries with no word of
 * its own, so it asserts or denies the predicate of the sentence before. +1 or -1 by the flippers in it (read as
 * before a lexicon word), 0 when the sentence is not one.
 */
export function ellipsisSign(tokens: readonly Token[], infos: readonly WordInfo[]): 1 | -1 | 0 {
  let pronoun = false;
  let aux = false;
  let end = infos.length;
  for (let i = 0; i < infos.length; i++) {
    const w = infos[i] as WordInfo;
    if (w.pos === 'PUNCT') {
      if (aux) {
        end = i;
        break;
      }
      continue;
    }
    if (w.pos === 'PRON' && !aux) pronoun = true;
    else if (w.pos === 'AUX' && pronoun) aux = true;
    else if (!(w.flags & FLIPS) && !/^(INTJ|CCONJ|ADV|PART)$/.test(w.pos)) return 0;
  }
  if (!aux) return 0;
  for (let i = end; i < infos.length; i++) if ((infos[i] as WordInfo).pos !== 'PUNCT') return 0;
  return flipsBefore(tokens, infos, end, NONE);
}

/** Nouns that refer back to what someone said: "the claim", "that account", "these allegations". */
const REFERENCE_NOUNS = new Set([
  'claim',
  'suggestion',
  'allegation',
  'accusation',
  'account',
  'charge',
  'assertion',
  'criticism',
  'characterisation',
  'characterization',
  'report',
  'idea',
  'notion',
]);
const REFERRING = new Set(['the', 'that', 'this', 'these', 'those', 'such', 'its', 'his', 'her', 'their']);
/** Words that call what a sentence refers back to false ("the claim was untrue", "X rejected that account"). */
const DENIAL_WORDS = new Set([
  'untrue',
  'false',
  'wrong',
  'baseless',
  'unfounded',
  'groundless',
  'nonsense',
  'incorrect',
  'inaccurate',
  'misleading',
  'deny',
  'reject',
  'dismiss',
  'refute',
  'dispute',
  'rebut',
]);

/** Words that call what a sentence refers back to true; negated ("That is not correct.") they deny it. */
const TRUTH_WORDS = new Set(['true', 'correct', 'accurate', 'right', 'case']);

/**
 * Whether a sentence denies what was said before it by reference, not by repeating it: a referring noun phrase
 * ("the claim", "that account") with no content clause of its own ("the suggestion that …" states what it denies),
 * or an opening "That"/"This"/"It" + "is", and a denial word not itself negated ("was “simply untrue”", "rejected",
 * "is false") or a truth word negated that ends its clause ("is not correct.", "is not the case.", but not "is not
 * true that …", which states its own claim, nor "is not the right time"). Such a sentence answers the claim before
 * it, which its words do not name.
 */
export function deniesByReference(infos: readonly WordInfo[]): boolean {
  let refers = false;
  let denies = false;
  for (let i = 0; i < infos.length; i++) {
    const w = infos[i] as WordInfo;
    const lemma = w.lemma.toLowerCase();
    if (
      REFERENCE_NOUNS.has(lemma) &&
      w.pos === 'NOUN' &&
      i > 0 &&
      REFERRING.has((infos[i - 1] as WordInfo).normal) &&
      !/^(that|of)$/.test(infos[i + 1]?.normal ?? '')
    )
      refers = true;
    else if (
      i <= 1 &&
      /^(that|this|it)$/.test(w.normal) &&
      (infos[i + 1] as WordInfo | undefined)?.lemma.toLowerCase() === 'be'
    )
      refers = true;
    else if (
      (DENIAL_WORDS.has(w.normal) || (w.pos === 'VERB' && DENIAL_WORDS.has(lemma))) &&
      !(i > 0 && (infos[i - 1] as WordInfo).flags & FLIPS)
    )
      denies = true;
    else if (TRUTH_WORDS.has(w.normal) && negatedAt(infos, i) && (infos[i + 1]?.pos ?? 'PUNCT') === 'PUNCT')
      denies = true;
  }
  return refers && denies;
}

/** Whether the word at i is negated right before it ("not correct", "n't the case", "simply not true"). */
function negatedAt(infos: readonly WordInfo[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const w = infos[j] as WordInfo;
    if (w.flags & FLIPS) return true;
    if (w.flags & CLAUSE_BREAK || w.pos === 'VERB' || w.pos === 'NOUN') return false;
  }
  return false;
}

/** Whether a sentence opens on a contrast ("But they are temporary.", "However, …"). */
export function opensOnContrast(infos: readonly WordInfo[]): boolean {
  for (const w of infos) if (w.pos !== 'PUNCT') return (w.flags & CONTRAST) !== 0;
  return false;
}

const NONE: readonly number[] = [];

/**
 * Verbs that commit a speaker to what follows them, and whose negation withholds that commitment rather than
 * asserting the opposite: "I do not claim the pumps would have saved every home" asserts neither that they would
 * nor that they would not. (Not "think", "believe", "expect": "I don't think they will leave" means "I think they
 * will not", and the negation flips.)
 */
const COMMITTING_VERBS: ReadonlySet<string> = new Set([
  'claim',
  'say',
  'suggest',
  'argue',
  'assert',
  'allege',
  'insist',
  'contend',
  'maintain',
  'pretend',
]);

/**
 * (-1)^(number of flippers in scope before token i): negation, difficulty, prevention words of the same clause.
 * Tokens at the positions in `exclude` (the predicate's own words) do not flip it. 0 when the clause does not
 * assert the word at i either way: it sits in an embedded question ("The question is not whether the station
 * would have saved every home", "asked whether …"; but "critics question whether …" doubts it, and flips), or
 * after a negated committing verb ("I do not claim …", "we are not saying …").
 */
function flipsBefore(
  tokens: readonly Token[],
  infos: readonly WordInfo[],
  i: number,
  exclude: readonly number[],
): 1 | -1 | 0 {
  let sign: 1 | -1 = 1;
  for (let j = i - 1; j >= 0 && j >= i - FLIP_SCOPE; j--) {
    const w = infos[j] as WordInfo;
    if (w.flags & CLAUSE_BREAK) break;
    if (exclude.length > 0 && exclude.includes(j)) continue;
    if (w.normal === 'whether') {
      const before = infos[j - 1];
      if (before === undefined || !(before.flags & DOUBT)) return 0;
    }
    if (w.pos === 'VERB' && COMMITTING_VERBS.has(w.lemma.toLowerCase()) && negatedAt(infos, j)) return 0;
    if (w.flags & FLIPS || (w.flags & DOUBT && doubtVerbAt(infos, j))) sign = -sign as 1 | -1;
    // "should have been stronger", "could have issued a stronger statement", "would not have saved": what did not
    // happen (a "not" between flips as well).
    if (w.normal === 'have' && counterfactualHaveAt(infos, j)) sign = -sign as 1 | -1;
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

/** Whether the "have" at j follows a modal, directly or across a negation ("would have", "wouldn't have"). */
function counterfactualHaveAt(infos: readonly WordInfo[], j: number): boolean {
  let m = j - 1;
  if (m > 0 && (infos[m] as WordInfo).flags & FLIPS) m--;
  return m >= 0 && /^(should|could|would|might)$/.test((infos[m] as WordInfo).normal);
}

/** A full stop, or a word that ends on one ("7pm." is one token). */
const SENTENCE_END = /[.!?]$/;
/** Verbs of obligation before "to": "had to close it or risk a collapse". */
const OBLIGED = new Set(['have', 'has', 'had', 'need', 'needs', 'needed']);

/**
 * -1 when the word at i names what acting prevented, not what happened: the main clause after a counterfactual
 * condition ("Had we not acted, the risk would have been far greater"; "If they had not …, …"; "Without the
 * dam, …"), or the alternative after an obligation ("had to close the bridge or risk a collapse", "must act now,
 * otherwise …"). A word there speaks for the action, not against it. 1 otherwise.
 */
function unrealised(infos: readonly WordInfo[], i: number): 1 | -1 {
  // The alternative: "or"/"otherwise" within four words before, after "had to"/"must" in the eight before that.
  for (let o = i - 1; o >= 0 && o >= i - 4; o--) {
    const n = (infos[o] as WordInfo).normal;
    if (n !== 'or' && n !== 'otherwise') continue;
    for (let j = o - 1; j >= 0 && j >= o - 8; j--) {
      const w = (infos[j] as WordInfo).normal;
      if (w === 'must' || (w === 'to' && j > 0 && OBLIGED.has((infos[j - 1] as WordInfo).normal))) return -1;
    }
    break;
  }
  // The counterfactual: the sentence opens on "Had … not", "If … had not" or "Without", and i is past its comma.
  // (A claim may hold several sentences: its start is after the last full stop within 24 words before i.)
  let k = i - 1;
  while (k >= 0 && k >= i - 24 && !SENTENCE_END.test((infos[k] as WordInfo).normal)) k--;
  if (k >= 0 && k < i - 24) return 1;
  k++;
  while (k < i && (infos[k] as WordInfo).pos === 'PUNCT') k++;
  const first = (infos[k] as WordInfo).normal;
  if (first !== 'had' && first !== 'if' && first !== 'without') return 1;
  let negated = false;
  let had = first === 'had';
  for (let j = k + 1; j < i && j <= k + 12; j++) {
    const w = (infos[j] as WordInfo).normal;
    if (w === ',') return first === 'without' || (negated && had) ? -1 : 1;
    if (w === 'had') had = true;
    else if (w === 'not' || w === "n't") negated = true;
  }
  return 1;
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
  if (reading.mood === 0) return { stance: 0, focus: -1 };
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
    if (againstOtherThing(infos, at, frame)) continue;
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
        if (flips === 0)
          flips = (flipsBefore(tokens, infos, at, same ?? NONE) * unrealised(infos, at)) as 1 | -1;
        const v = e.pole * weight * flips;
        stance += v;
        if (Math.abs(v) > best) {
          best = Math.abs(v);
          focus = at;
        }
      }
    }
  }
  if (frame.predicate !== undefined) {
    const own = predicateStance(tokens, infos, frame.predicate);
    stance += own.stance;
    if (Math.abs(own.stance) > best) {
      best = Math.abs(own.stance);
      focus = own.focus;
    }
  }
  // A denied identity: "X is NOT the Y" where Y is what the topic is about; not a question set aside ("The question
  // is not whether the station …": it asserts nothing about the station), nor a verb's ("we are not saying …").
  if (frame.nouns.length > 0 && reading.denials.length > 0) {
    const nouns = frame.nounStems ?? new Set(frame.nouns.map(stem));
    for (const j of reading.denials) {
      for (let i = j + 1; i <= j + 3 && i < tokens.length; i++) {
        const w = infos[i] as WordInfo;
        if (w.normal === 'whether' || w.pos === 'SCONJ' || w.pos === 'VERB') break;
        if (!nouns.has(w.stem)) continue;
        stance -= 0.8;
        if (best < 0.8) {
          best = 0.8;
          focus = i;
        }
        break;
      }
    }
  }
  return { stance: stance * frame.orientation * reading.mood, focus };
}

/** Articles before which an ARTICLE_NOUN_SENSE word is the other noun ("a favour"), unless after "in". */
const ARTICLES = new Set(['a', 'an', 'the']);

/** An ARTICLE_NOUN_SENSE word ("favour") right after an article that does not follow "in": "asking for a favour". */
function articleNounAt(infos: readonly WordInfo[], at: number): boolean {
  const prev = infos[at - 1];
  return prev !== undefined && ARTICLES.has(prev.normal) && infos[at - 2]?.normal !== 'in';
}

/** Parts of speech after which a PARTICLE_FORM word is a particle ("back to", "back after", "back away"). */
const AFTER_PARTICLE = new Set(['ADP', 'PART', 'ADV', 'SCONJ', 'CCONJ', 'AUX']);

/**
 * A lexicon word used in its other sense, not as the lexicon verb: an ARTICLE_NOUN_SENSE noun after an article ("a
 * favour"), or a PARTICLE_FORM word ("back") that is an adverb particle: at the end of its clause or before
 * punctuation or a hyphen ("will be back.", "back-to-work"), before a particle or preposition other than "by" ("back
 * to the table", "allowed back after", "backed down"), after another verb or its pronoun object ("win back buyers",
 * "bring them back"), or a noun after a determiner ("the back of the hall").
 */
function otherSenseAt(infos: readonly WordInfo[], at: number): boolean {
  const w = infos[at] as WordInfo;
  if (w.flags & ARTICLE_NOUN) return articleNounAt(infos, at);
  if (!(w.flags & PARTICLE)) return false;
  const next = infos[at + 1];
  if (next === undefined || next.type !== 'word') return true;
  if (AFTER_PARTICLE.has(next.pos) && next.normal !== 'by') return true;
  const prev = infos[at - 1];
  if (prev === undefined) return false;
  if (prev.pos === 'VERB' && !(prev.flags & MODAL)) return true;
  if (prev.pos === 'PRON' && infos[at - 2]?.pos === 'VERB') return true;
  return w.pos === 'NOUN' && (prev.pos === 'DET' || prev.pos === 'ADP');
}

/** Pronouns after "against" that may stand for what the topic is about ("against it"). */
const STANDS_FOR_TOPIC = new Set(['it', 'this', 'that', 'them', 'these', 'those', 'him', 'her']);

/**
 * "against" whose object is something other than what the topic names ("not an accusation against anyone", "we are
 * against losing 400 jobs" read on a strike): the preposition opposes its object, not the topic. Its object is the
 * words up to the next punctuation or clause break (six at most); only a topic noun's stem or a pronoun that may
 * stand for it keeps it a stance. Topics without nouns keep every "against".
 */
function againstOtherThing(infos: readonly WordInfo[], at: number, frame: TopicFrame): boolean {
  const w = infos[at] as WordInfo;
  if (w.normal !== 'against' || frame.nouns.length === 0) return false;
  const nouns = frame.nounStems;
  if (nouns === undefined) return false;
  let seen = 0;
  for (let j = at + 1; j < infos.length && j <= at + 6; j++) {
    const u = infos[j] as WordInfo;
    if (u.type !== 'word' || u.flags & CLAUSE_BREAK) break;
    seen++;
    if (u.pos === 'PRON' && STANDS_FOR_TOPIC.has(u.normal)) return false;
    if (u.stem !== '' && nouns.has(u.stem)) return false;
  }
  return seen > 0;
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
  if (reading.mood === 0) return 0;
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
  return stance * reading.mood;
}
