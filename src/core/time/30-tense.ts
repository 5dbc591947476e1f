/**
 * Stage 3 — the tense of the clause a date expression belongs to, read from the tokens the corpus already holds
 * (wink-nlp's part of speech and lemma; no second NLP pass). The governing verb is the nearest verb before the
 * expression within its clause, or else the first one after it ("On Friday, Tokayev announced …").
 */
import type { Sentence, Token } from '../corpus/types.js';
import { firstEndingAfter, firstStartingFrom } from './tokens.js';
import { SPEECH_VERBS } from '../quotes/lexicon.js';

export type Tense = 'past' | 'present' | 'future' | 'modal' | 'unknown';

export interface Governing {
  readonly tense: Tense;
  /** The verb the tense was read from, or null. */
  readonly verb: Token | null;
}

const FUTURE_AUX = new Set(['will', "'ll", '’ll', 'shall', 'wo']);
const MODAL_AUX = new Set(['would', 'could', 'might', 'should', 'may', 'must', 'can', "'d", '’d']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d"]);
const PERFECT_AUX = new Set(['has', 'have', "'ve", '’ve']);
const INFINITIVE_AUX = new Set(['be', 'been', 'have', 'being']);
const PRESENT_AUX = new Set(['is', 'are', 'am', "'s", '’s', "'re", '’re', 'does', 'do']);
/** "is set to meet", "plans to travel": the infinitive after these is a plan. */
const PLAN_WORDS = new Set([
  'going',
  'set',
  'due',
  'expected',
  'scheduled',
  'planning',
  'plans',
  'plan',
  'poised',
  'slated',
  'about',
  'intends',
  'hopes',
]);
/** Verbs whose infinitive ("asked the council to vote …") names something still to come when they were said. */
const PROJECTING = new Set([
  'expect',
  'plan',
  'ask',
  'urge',
  'want',
  'hope',
  'intend',
  'schedule',
  'aim',
  'agree',
  'promise',
  'pledge',
  'vow',
  'decide',
  'threaten',
  'prepare',
  'order',
  'invite',
  'call',
  'tell',
  'allow',
]);
const CLAUSE_BREAK = new Set([';', ':', '—', '–', '(', ')', '“', '”', '"']);
const QUOTE_MARKS = new Set(['“', '"']);

function isVerb(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

function isPastForm(t: Token): boolean {
  const n = t.normal;
  const l = t.lemma.toLowerCase();
  if (n === l || n.endsWith('ing')) return false;
  if (n === `${l}s` || n === `${l}es` || (l.endsWith('y') && n === `${l.slice(0, -1)}ies`)) return false;
  return true;
}

/** The tense of the verb group ending at token `i`. */
export function tenseOfVerb(tokens: readonly Token[], i: number, depth = 0): Tense {
  const v = tokens[i] as Token;
  const aux: string[] = [];
  let firstAux = -1;
  let j = i - 1;
  for (; j >= 0 && i - j <= 4; j--) {
    const t = tokens[j] as Token;
    if (t.pos === 'AUX' || FUTURE_AUX.has(t.normal) || MODAL_AUX.has(t.normal)) {
      // "If they'd told people": "'d" right before a past participle is "had", not "would".
      const had = (t.normal === "'d" || t.normal === '’d') && j === i - 1 && isPastForm(v);
      aux.push(had ? 'had' : t.normal);
      firstAux = j;
    } else if (t.normal === 'to') break;
    else if (t.pos === 'ADV' || t.pos === 'PART') continue;
    else break;
  }
  // A passive or perfect infinitive ("expected the backlog to be cleared by mid-July"): read as the infinitive it is.
  if (firstAux > 0 && tokens[firstAux - 1]?.normal === 'to' && aux.every((a) => INFINITIVE_AUX.has(a)))
    return tenseOfVerb(tokens, firstAux, depth);
  if (aux.some((a) => FUTURE_AUX.has(a))) return 'future';
  if (aux.some((a) => MODAL_AUX.has(a))) return 'modal';
  if (aux.some((a) => PAST_AUX.has(a) || PERFECT_AUX.has(a))) return 'past';
  if (aux.some((a) => PRESENT_AUX.has(a))) return v.normal.endsWith('ing') ? 'future' : 'present';
  // "… plans to meet on Monday" / "agreed to meet": an infinitive takes its tense from the verb before "to".
  const before = tokens[i - 1];
  if (before && before.normal === 'to' && depth < 2) {
    const head = tokens[i - 2];
    if (head && PLAN_WORDS.has(head.normal)) return 'future';
    for (let k = i - 2; k >= 0 && i - k <= 5; k--) {
      const head = tokens[k] as Token;
      if (!isVerb(head)) continue;
      const tense = tenseOfVerb(tokens, k, depth + 1);
      if (!PROJECTING.has(head.lemma.toLowerCase())) return tense;
      // "expected the board to schedule the vote for early April": what was expected lies after the expecting,
      // so a past expectation puts it on either side of the page's date (nearest), a present one ahead; so does
      // one whose own time is not told ("a letter telling them to get a PIN in January").
      return tense === 'past' || tense === 'unknown' ? 'modal' : tense === 'present' ? 'future' : tense;
    }
    return 'unknown';
  }
  if (v.pos === 'AUX') {
    if (FUTURE_AUX.has(v.normal)) return 'future';
    if (PAST_AUX.has(v.normal)) return 'past';
    if (PRESENT_AUX.has(v.normal) || PERFECT_AUX.has(v.normal)) return 'present';
    if (MODAL_AUX.has(v.normal)) return 'modal';
  }
  if (v.normal.endsWith('ing')) return 'unknown';
  return isPastForm(v) ? 'past' : 'present';
}

/**
 * True when what stands in toks[from, to) opens a clause of its own: "that", or a noun phrase (a determiner or
 * noun) as its subject, not an adverb.
 */
function subjectBetween(tokens: readonly Token[], from: number, to: number): boolean {
  const k = from;
  if (tokens[k]?.normal === 'that') return true;
  const t = tokens[k];
  if (t === undefined || k >= to) return false;
  return t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'PROPN';
}

/** The first finite verb from token i within the clause (16 tokens from `from`), or -1. */
function verbAfter(tokens: readonly Token[], i: number, from: number): number {
  for (let k = i; k < tokens.length && k - from <= 16; k++) {
    const t = tokens[k] as Token;
    if (CLAUSE_BREAK.has(t.text) || t.text === ',') return -1;
    if (isVerb(t) && !t.normal.endsWith('ing')) return k;
  }
  return -1;
}

/** The verb that governs the span [start, end) of a sentence, and its tense. */
export function governingVerb(sentence: Sentence, start: number, end: number): Governing {
  const tokens = sentence.tokens;
  const from = firstEndingAfter(tokens, start);
  for (let i = from - 1; i >= 0 && from - i <= 14; i--) {
    const t = tokens[i] as Token;
    // A quotation mark mid-clause opens a partial quote that goes on the clause ("would bring it to the floor
    // “as early as Saturday”"); after a comma or colon, or at the start, it opens someone's own words.
    const partialQuote = QUOTE_MARKS.has(t.text) && i > 0 && !/^[,:;]$/.test((tokens[i - 1] as Token).text);
    if (CLAUSE_BREAK.has(t.text) && !partialQuote) break;
    // A gerund just before the date ("… exchanging barbs on the eve …") rarely carries the clause's time.
    if (isVerb(t) && !t.normal.endsWith('ing')) {
      const tense = tenseOfVerb(tokens, i);
      // "The firm says the release on Thursday was needed": the date sits in what is said, a clause whose subject
      // stands between the present speech verb and the date; that clause's own verb, after the date, governs.
      if (
        tense === 'present' &&
        SPEECH_VERBS.has(t.lemma.toLowerCase()) &&
        subjectBetween(tokens, i + 1, from)
      ) {
        const own = verbAfter(tokens, firstStartingFrom(tokens, end), from);
        if (own >= 0) return { tense: tenseOfVerb(tokens, own), verb: tokens[own] as Token };
      }
      return { tense, verb: t };
    }
  }
  for (let i = firstStartingFrom(tokens, end); i < tokens.length && i - from <= 16; i++) {
    const t = tokens[i] as Token;
    if (isVerb(t) && !t.normal.endsWith('ing')) return { tense: tenseOfVerb(tokens, i), verb: t };
  }
  return { tense: 'unknown', verb: null };
}
